/**
 * @fileoverview The 8253/8254 Programmable Interval Timer, channel 0, wired to
 * IRQ 0: the scheduler's clock. Its input runs at 1.193182 MHz; dividing by
 * PIT_FREQUENCY / hz gives `hz` interrupts per second.
 */
import { outb } from "./intrinsics";

@inline const PIT_FREQUENCY: u32 = 1193182;
@inline const CHANNEL0_DATA: u16 = 0x40;
@inline const MODE_COMMAND: u16 = 0x43;
/** Channel 0, low byte then high byte, mode 3 (square wave), binary. */
@inline const CHANNEL0_LOHI_SQUARE_WAVE: u8 = 0x36;
@inline const MAX_DIVISOR: u32 = 0xffff;

/** The divisor that comes closest to `hz` interrupts per second (at least about 19 Hz). */
export function pitDivisor(hz: u32): u32 {
  const divisor = (PIT_FREQUENCY + hz / 2) / hz;
  return divisor > MAX_DIVISOR ? MAX_DIVISOR : divisor < 1 ? 1 : divisor;
}

/** Starts channel 0 at `hz` interrupts per second. */
export function pitInit(hz: u32): void {
  const divisor = pitDivisor(hz);
  writeRegister(MODE_COMMAND, CHANNEL0_LOHI_SQUARE_WAVE);
  writeRegister(CHANNEL0_DATA, <u8>(divisor & 0xff));
  writeRegister(CHANNEL0_DATA, <u8>(divisor >> 8));
}

@unsafe("writes a PIT register") function writeRegister(port: u16, value: u8): void { outb(port, value); }
