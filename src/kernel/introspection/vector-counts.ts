/**
 * @fileoverview Per-vector interrupt counters in the introspection
 * descriptor: one u32 for each of the 256 IDT vectors, counting every entry
 * into `interrupt_handler` since boot (the event ring keeps only the last
 * RING_CAPACITY events, too few for real counts). The playground's IDT panel
 * shows them as its "hits" column. They live in the descriptor page
 * (layout.ts: VECTOR_COUNTS_OFFSET), so counting never allocates.
 */
import { disableInterrupts, restoreInterrupts } from "../arch/x86/interrupt-flag";
import { readDescriptorU32, writeDescriptorU32 } from "./descriptor-memory";
import { VECTOR_COUNTERS, VECTOR_COUNTS_OFFSET } from "./layout";

function counterOffset(vector: i32): usize {
  return VECTOR_COUNTS_OFFSET + <usize>(<u32>vector % VECTOR_COUNTERS) * 4;
}

/** One more entry through `vector` (interrupts off around it: `int 0x80` arrives through a trap gate). */
export function countVector(vector: i32): void {
  const wereEnabled = disableInterrupts();
  const offset = counterOffset(vector);
  writeDescriptorU32(offset, readDescriptorU32(offset) + 1);
  restoreInterrupts(wereEnabled);
}
