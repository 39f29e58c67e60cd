/**
 * @fileoverview The two cascaded 8259A Programmable Interrupt Controllers.
 * At reset they deliver IRQ 0–15 on vectors 8–15 and 0x70–0x77, colliding with
 * CPU exceptions; `picInit` moves them to 32–47 and masks every line, and
 * drivers unmask their own line when they are ready.
 */
import { inb, outb } from "./intrinsics";

@inline const PIC1_COMMAND: u8 = 0x20;
@inline const PIC1_DATA: u8 = 0x21;
@inline const PIC2_COMMAND: u8 = 0xa0;
@inline const PIC2_DATA: u8 = 0xa1;

@inline const ICW1_INIT_ICW4: u8 = 0x11;  // start initialisation, ICW4 follows
@inline const ICW3_SLAVE_ON_IRQ2: u8 = 0x04;
@inline const ICW3_CASCADE_IDENTITY: u8 = 0x02;
@inline const ICW4_8086: u8 = 0x01;
@inline const OCW2_EOI: u8 = 0x20;        // non-specific end of interrupt
@inline const ALL_MASKED: u8 = 0xff;

/** The vector of IRQ 0; IRQ n arrives on IRQ_BASE_VECTOR + n. */
@inline export const IRQ_BASE_VECTOR: i32 = 32;
@inline export const IRQ_COUNT: i32 = 16;
@inline const CASCADE_IRQ: i32 = 2;

/** ICW1–ICW4 to both PICs, then every line masked: (port, value) pairs in the order the 8259A wants them. */
const INIT_SEQUENCE: StaticArray<u8> = [
  PIC1_COMMAND, ICW1_INIT_ICW4, PIC2_COMMAND, ICW1_INIT_ICW4,
  PIC1_DATA, <u8>IRQ_BASE_VECTOR, PIC2_DATA, <u8>(IRQ_BASE_VECTOR + 8),
  PIC1_DATA, ICW3_SLAVE_ON_IRQ2, PIC2_DATA, ICW3_CASCADE_IDENTITY,
  PIC1_DATA, ICW4_8086, PIC2_DATA, ICW4_8086,
  PIC1_DATA, ALL_MASKED, PIC2_DATA, ALL_MASKED,
];

/** Moves IRQ 0–15 to vectors 32–47 and masks them all. */
export function picInit(): void {
  for (let index = 0; index < INIT_SEQUENCE.length; index += 2) {
    writeRegister(INIT_SEQUENCE[index], INIT_SEQUENCE[index + 1]);
  }
}

/** Lets IRQ `irq` through (and the cascade line, for IRQ 8–15). */
export function unmaskIrq(irq: i32): void {
  if (irq >= 8) {
    clearMaskBit(PIC2_DATA, irq - 8);
    clearMaskBit(PIC1_DATA, CASCADE_IRQ);
  } else {
    clearMaskBit(PIC1_DATA, irq);
  }
}

function clearMaskBit(dataPort: u8, bit: i32): void {
  writeRegister(dataPort, readRegister(dataPort) & ~(<u8>1 << <u8>bit));
}

/** Tells the PIC(s) that IRQ `irq` is being handled, so that it can deliver the next one. */
export function endOfInterrupt(irq: i32): void {
  if (irq >= 8) writeRegister(PIC2_COMMAND, OCW2_EOI);
  writeRegister(PIC1_COMMAND, OCW2_EOI);
}

@unsafe("writes a PIC register") function writeRegister(port: u8, value: u8): void { outb(port, value); }
@unsafe("reads a PIC register") function readRegister(port: u8): u8 { return inb(port); }
