/**
 * @fileoverview Ending a run: halting the CPU for good, or reporting an exit
 * code to the emulator through the debug-exit port 0xf4 (v86 stops and
 * reports the byte; QEMU's isa-debug-exit exits with status (code << 1) | 1).
 */
import { cli, hlt, outb } from "./intrinsics";

@inline const DEBUG_EXIT_PORT: u16 = 0xf4;

/** Stops the CPU: interrupts off, then `hlt` (in a loop, as an NMI can still wake it). */
@unsafe("cli; hlt") export function haltForever(): void { cli(); while (true) hlt(); }

/** Ends the emulator run with `code`; on a machine without the debug-exit device, halts. */
export function exitEmulator(code: u8): void {
  writeExitPort(code);
  haltForever();
}

@unsafe("writes the debug-exit port") function writeExitPort(code: u8): void { outb(DEBUG_EXIT_PORT, code); }
