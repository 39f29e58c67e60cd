/**
 * @fileoverview Which physical memory the kernel image itself owns, from its
 * debug JSON and the translator's fixed layout: the boot stack, the image
 * (runtime variables, globals, code), its static data, and the heap — the
 * wasm linear memory above the static data, up to its current size.
 *
 * Pipeline place: the owners the pages panel passes to the frame map
 * (`frame-map.ts`), before the owners the walk decides itself.
 */
import { STACK_BASE } from '../../toolchain/compiler/options.js';
import { u32At, type PhysicalReader } from './cpu-state.js';
import type { DebugInfo } from './debug-symbols.js';
import type { OwnedRange } from './frame-map.js';

export const IMAGE_OWNERS = { stack: 'kernel-stack', image: 'kernel', heap: 'heap' } as const;

/**
 * The image's ranges, in priority order. The heap ends at the linear
 * memory's current size, which the runtime keeps (in bytes) in the variable
 * at `memory.sizeVariable`.
 */
export function imageOwners(info: DebugInfo, read: PhysicalReader): OwnedRange[] {
  const owned: OwnedRange[] = [
    { owner: IMAGE_OWNERS.stack, start: STACK_BASE, end: info.dataStart },
    { owner: IMAGE_OWNERS.image, start: info.dataStart, end: info.textEnd },
  ];
  const dataStart = Math.min(...info.data.map((d) => d.address));
  const dataEnd = Math.max(...info.data.map((d) => d.address + d.size));
  if (info.data.length > 0) owned.push({ owner: IMAGE_OWNERS.image, start: dataStart, end: dataEnd });
  const memoryEnd = info.memory.base + u32At(read(info.memory.sizeVariable, 4), 0);
  const heapStart = info.data.length > 0 ? dataEnd : info.memory.base;
  if (memoryEnd > heapStart) owned.push({ owner: IMAGE_OWNERS.heap, start: heapStart, end: memoryEnd });
  return owned;
}
