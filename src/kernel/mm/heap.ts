/**
 * @fileoverview The kernel heap seen from outside the runtime: its
 * statistics, collecting on request, and raw (unmanaged) blocks for memory the
 * collector must not move or free by itself, such as task stacks. The heap is
 * the wasm linear memory above __heap_base, grown by TLSF with memory.grow up
 * to FRAMES_START.
 */
import { BLOCK, BLOCK_OVERHEAD } from "~lib/rt/common";
import { disableInterrupts, restoreInterrupts } from "../arch/x86/interrupt-flag";
import { gcCollections, gcManagedBytes, gcManagedObjects } from "./gc";

/** Heap figures in bytes, plus object and collection counts. */
export class HeapStats {
  constructor(
    /** The heap's current size: from __heap_base to the end of the grown memory. */
    public total: usize,
    /** Bytes in TLSF blocks handed out (managed objects and raw blocks), headers included. */
    public used: usize,
    /** total - used (TLSF's own bookkeeping counts as free). */
    public free: usize,
    /** Bytes in managed objects. */
    public managedBytes: usize,
    public managedObjects: i32,
    /** Bytes in raw blocks (rawAlloc). */
    public rawBytes: usize,
    public collections: u32,
  ) {}
}

let rawBytes: usize = 0;

export function heapStats(): HeapStats {
  const total = (<usize>memory.size() << 16) - __heap_base;
  const used = heapUsedBytes();
  return new HeapStats(total, used, total - used, gcManagedBytes(), gcManagedObjects(), rawBytes, gcCollections());
}

/** Bytes in use (HeapStats.used) without allocating a stats object. */
export function heapUsedBytes(): usize {
  return gcManagedBytes() + rawBytes;
}

/** Managed objects alive or not yet collected (HeapStats.managedObjects), without allocating. */
export function heapObjectCount(): i32 {
  return gcManagedObjects();
}

/** Runs a full collection now (the shell's `gc`, `mem`, tests). */
export function collectGarbage(): void {
  __collect();
}

/** `size` bytes from the heap that the collector ignores; give them back with rawFree. Aborts if the heap is full. */
export function rawAlloc(size: usize): usize {
  const wereEnabled = disableInterrupts();
  const block = takeBlock(size);
  rawBytes += blockSize(block);
  restoreInterrupts(wereEnabled);
  return block;
}

export function rawFree(block: usize): void {
  const wereEnabled = disableInterrupts();
  rawBytes -= blockSize(block);
  returnBlock(block);
  restoreInterrupts(wereEnabled);
}

/** The TLSF block size behind an __alloc result, header included. */
function blockSize(block: usize): usize {
  return BLOCK_OVERHEAD + (blockHeader(block).mmInfo & ~3);
}

@unsafe("address as block header") function blockHeader(block: usize): BLOCK {
  return changetype<BLOCK>(block - BLOCK_OVERHEAD);
}

@unsafe("takes a raw TLSF block") function takeBlock(size: usize): usize { return __alloc(size); }

@unsafe("returns a raw TLSF block") function returnBlock(block: usize): void { __free(block); }
