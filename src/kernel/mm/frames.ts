/**
 * @fileoverview The physical frame allocator: hands out and takes back 4 KiB
 * page frames from the RAM the boot loader reported as available, above the
 * heap's growth limit (FRAMES_START) and below IDENTITY_MAP_LIMIT. A bitmap,
 * one bit per frame (1 = free), so that freeing a frame twice or freeing one
 * it never handed out is caught. Page tables (paging.ts) and demand-paged
 * memory (vm.ts) take their frames here.
 *
 * The bitmap is an ordinary StaticArray on the kernel heap: no raw memory.
 */
import { MemoryRegion } from "../arch/x86/multiboot-memory";
import { FRAMES_START, IDENTITY_MAP_LIMIT, PAGE_SHIFT, PAGE_SIZE } from "./layout";

@inline const BITS_PER_WORD: i32 = 32;

/** Frame counts: `total` usable frames, of which `free` are free and `used` handed out. */
export class FrameStats {
  constructor(public total: i32, public free: i32, public used: i32) {}
}

/** Bit i of word i/32 is frame (FRAMES_START >> 12) + i; set means free. */
let freeBits = new StaticArray<u32>(0);
let totalFrames: i32 = 0;
let freeFrames: i32 = 0;
/** Word index where the last search found a free frame: the next search starts there. */
let searchHint: i32 = 0;

/** Builds the allocator from the available regions of the memory map; returns the end of usable RAM. */
export function framesInit(regions: MemoryRegion[]): usize {
  const ramEnd = usableRamEnd(regions);
  const slots = ramEnd > FRAMES_START ? <i32>((ramEnd - FRAMES_START) >> PAGE_SHIFT) : 0;
  freeBits = new StaticArray<u32>((slots + BITS_PER_WORD - 1) / BITS_PER_WORD);
  totalFrames = 0;
  for (let index = 0; index < regions.length; index++) {
    const region = regions[index];
    if (region.available) addRange(clamp(region.base), clamp(region.end));
  }
  freeFrames = totalFrames;
  searchHint = 0;
  return ramEnd;
}

/** A free frame's physical address, now in use; 0 when none is left. */
export function allocFrame(): usize {
  const words = freeBits.length;
  for (let step = 0; step < words; step++) {
    const word = (searchHint + step) % words;
    const bits = freeBits[word];
    if (bits == 0) continue;
    const bit = <i32>ctz(bits);
    freeBits[word] = bits & ~(<u32>1 << bit);
    searchHint = word;
    freeFrames--;
    return frameAddress(word * BITS_PER_WORD + bit);
  }
  return 0;
}

/** Gives back the frame at `address` (which allocFrame returned); aborts on a double or foreign free. */
export function freeFrame(address: usize): void {
  const slot = frameSlot(address);
  assert(slot >= 0 && slot < freeBits.length * BITS_PER_WORD, "freeFrame: not an allocator frame");
  const word = slot / BITS_PER_WORD;
  const mask = <u32>1 << <u32>(slot % BITS_PER_WORD);
  assert((freeBits[word] & mask) == 0, "freeFrame: frame is already free");
  freeBits[word] |= mask;
  freeFrames++;
}

export function frameStats(): FrameStats {
  return new FrameStats(totalFrames, freeFrames, totalFrames - freeFrames);
}

/** FrameStats.free without allocating (interrupt handlers, the descriptor). */
export function freeFrameCount(): i32 { return freeFrames; }

/** FrameStats.total without allocating. */
export function totalFrameCount(): i32 { return totalFrames; }

/** The end of the highest available region, limited to what the identity map covers. */
export function usableRamEnd(regions: MemoryRegion[]): usize {
  let end: usize = 0;
  for (let index = 0; index < regions.length; index++) {
    const region = regions[index];
    if (region.available) end = max(end, clamp(region.end) & ~(PAGE_SIZE - 1));
  }
  return end;
}

/** Marks the whole frames inside [start, end) free and counts them. */
function addRange(start: usize, end: usize): void {
  const first = (max(start, FRAMES_START) + PAGE_SIZE - 1) & ~(PAGE_SIZE - 1);
  for (let address = first; address + PAGE_SIZE <= end; address += PAGE_SIZE) {
    const slot = frameSlot(address);
    const mask = <u32>1 << <u32>(slot % BITS_PER_WORD);
    if ((freeBits[slot / BITS_PER_WORD] & mask) != 0) continue; // overlapping map entries
    freeBits[slot / BITS_PER_WORD] |= mask;
    totalFrames++;
  }
}

/** A 64-bit physical address limited to the identity-mapped range. */
function clamp(address: u64): usize {
  return address > <u64>IDENTITY_MAP_LIMIT ? IDENTITY_MAP_LIMIT : <usize>address;
}

function frameSlot(address: usize): i32 {
  return address < FRAMES_START ? -1 : <i32>((address - FRAMES_START) >> PAGE_SHIFT);
}

function frameAddress(slot: i32): usize {
  return FRAMES_START + (<usize>slot << PAGE_SHIFT);
}
