/**
 * @fileoverview The introspection descriptor's interface for the rest of the
 * kernel: set it up at boot, and the three hooks the kernel calls — every
 * interrupt (interrupt dispatch), every page fault (exception handler), every
 * task switch (scheduler). Every interrupt is also counted per vector, and the
 * timer interrupt refreshes the statistics snapshot, so a reader never sees
 * figures older than one tick.
 */
import { IRQ_BASE_VECTOR } from "../arch/x86/pic";
import { refreshStatistics } from "./descriptor";
import { recordInterrupt } from "./events";
import { countVector } from "./vector-counts";

export { introspectionInit, refreshStatistics } from "./descriptor";
export { eventCount, recordContextSwitch, recordPageFault } from "./events";
export { DESCRIPTOR_ADDRESS, DESCRIPTOR_VERSION } from "./layout";

/** The PIT's IRQ 0 arrives on this vector (arch/x86/pic.ts remaps IRQs to 32…). */
@inline const TIMER_VECTOR: i32 = IRQ_BASE_VECTOR;

/** Called by `interrupt_handler` for every vector before its handler runs. */
export function introspectInterrupt(vector: i32, frame: usize): void {
  recordInterrupt(vector, frame);
  countVector(vector);
  if (vector == TIMER_VECTOR) refreshStatistics();
}
