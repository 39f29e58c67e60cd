/**
 * @fileoverview The first serial port (COM1, a 16550 UART): the kernel's log
 * (polled output, byte by byte; tests and the playground read it) and a
 * terminal's input (with `serialEnableReceiveInterrupt`, the UART raises
 * IRQ 4 when bytes arrive; the console's input reads them with
 * `serialReceive`).
 */
import { SERIAL_BAUD_DIVISOR } from "../../config";
import { inb, outb } from "./intrinsics";

@inline const COM1: u16 = 0x3f8;

// UART registers, as offsets from the port base.
@inline const DATA: u16 = 0;                // transmit holding register / divisor low byte with DLAB
@inline const INTERRUPT_ENABLE: u16 = 1;    // divisor high byte with DLAB
@inline const FIFO_CONTROL: u16 = 2;
@inline const LINE_CONTROL: u16 = 3;
@inline const MODEM_CONTROL: u16 = 4;
@inline const LINE_STATUS: u16 = 5;

@inline const LINE_CONTROL_DLAB: u8 = 0x80;     // divisor latch access
@inline const LINE_CONTROL_8N1: u8 = 0x03;      // 8 data bits, no parity, 1 stop bit
@inline const FIFO_ENABLE_CLEAR_1: u8 = 0x07;   // enable and clear FIFOs, interrupt at every received byte
@inline const MODEM_DTR_RTS_OUT2: u8 = 0x0b;
@inline const LINE_STATUS_THR_EMPTY: u8 = 0x20; // transmitter can take a byte
@inline const LINE_STATUS_DATA_READY: u8 = 0x01;
@inline const INTERRUPT_ENABLE_RECEIVED_DATA: u8 = 0x01;
/** The PIC line COM1 interrupts on. */
@inline export const COM1_IRQ: i32 = 4;

/** Polled output (receive interrupts come with serialInputInit), SERIAL_BAUD_DIVISOR baud, 8N1, FIFOs on. */
export function serialInit(): void {
  writeRegister(INTERRUPT_ENABLE, 0);
  writeRegister(LINE_CONTROL, LINE_CONTROL_DLAB);
  writeRegister(DATA, <u8>(SERIAL_BAUD_DIVISOR & 0xff));
  writeRegister(INTERRUPT_ENABLE, <u8>(SERIAL_BAUD_DIVISOR >> 8));
  writeRegister(LINE_CONTROL, LINE_CONTROL_8N1);
  writeRegister(FIFO_CONTROL, FIFO_ENABLE_CLEAR_1);
  writeRegister(MODEM_CONTROL, MODEM_DTR_RTS_OUT2);
}

/** Waits until the transmitter is free, then sends one byte. */
export function serialPutc(byte: u8): void {
  while ((readRegister(LINE_STATUS) & LINE_STATUS_THR_EMPTY) == 0) {}
  writeRegister(DATA, byte);
}

/** Makes the UART interrupt (IRQ 4) whenever a byte has arrived. */
export function serialEnableReceiveInterrupt(): void {
  writeRegister(INTERRUPT_ENABLE, INTERRUPT_ENABLE_RECEIVED_DATA);
}

/** The next received byte, or -1 when the receiver is empty. */
export function serialReceive(): i32 {
  return (readRegister(LINE_STATUS) & LINE_STATUS_DATA_READY) != 0 ? <i32>readRegister(DATA) : -1;
}

@unsafe("writes a COM1 register") function writeRegister(offset: u16, value: u8): void { outb(COM1 + offset, value); }
@unsafe("reads a COM1 register") function readRegister(offset: u16): u8 { return inb(COM1 + offset); }
