/**
 * @fileoverview Memory-manager start-up, the step main.ts calls once: read
 * the Multiboot memory map, build the frame allocator over the RAM above
 * the heap, identity-map all RAM and turn paging on. Prints one summary line.
 */
import { readMemoryMap } from "../arch/x86/multiboot-memory";
import { print } from "../console";
import { hex } from "../format";
import { frameStats, framesInit } from "./frames";
import { FRAMES_START, PAGE_SHIFT } from "./layout";
import { pagingInit } from "./paging";

/** Sets up frames and paging from the boot loader's information block at `multibootInfo`. Aborts without RAM for it. */
export function memoryInit(multibootInfo: usize): void {
  const ramEnd = framesInit(readMemoryMap(multibootInfo));
  assert(frameStats().total > 0, "memoryInit: no available RAM above FRAMES_START");
  assert(pagingInit(ramEnd), "memoryInit: out of frames for the page tables");
  const frames = frameStats();
  print("mm: RAM up to " + hex(<u32>ramEnd) + ", frames from " + hex(<u32>FRAMES_START) + ": "
    + frames.total.toString() + " total, " + frames.free.toString() + " free ("
    + (<u32>frames.free >> (20 - PAGE_SHIFT)).toString() + " MiB); paging on\n");
}
