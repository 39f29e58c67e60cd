/**
 * @fileoverview Critical sections by the interrupt flag: turn interrupts off
 * and remember whether they were on, then restore exactly that. Nesting works
 * (an inner section restores "off"). The memory manager's entry points (the
 * AssemblyScript runtime's allocation and collection, frame and address-space
 * changes) use it so that a timer interrupt cannot switch tasks halfway.
 */
import { cli, read_eflags, sti } from "./intrinsics";

/** EFLAGS bit 9: maskable interrupts enabled. */
@inline const EFLAGS_IF: u32 = 1 << 9;

/** Disables interrupts; returns whether they were enabled (pass it to `restoreInterrupts`). */
@unsafe("reads EFLAGS, cli") export function disableInterrupts(): bool {
  const wereEnabled = (read_eflags() & EFLAGS_IF) != 0;
  cli();
  return wereEnabled;
}

/** Re-enables interrupts if `wereEnabled` (the value `disableInterrupts` returned). */
@unsafe("sti") export function restoreInterrupts(wereEnabled: bool): void { if (wereEnabled) sti(); }
