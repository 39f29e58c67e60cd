/**
 * @fileoverview The kernel's garbage collector: a stop-the-world two-colour
 * mark & sweep over every object `new` made, freeing the unreachable ones
 * back to the TLSF allocator (~lib/rt/tlsf). Together with TLSF it is the
 * kernel's AssemblyScript runtime (runtime.ts), the "global allocator" that
 * lets Array, Map and String work in the kernel.
 *
 * Adapted from AssemblyScript's TCMS collector (std/assembly/rt/tcms.ts,
 * Apache-2.0, © the AssemblyScript contributors). Changes:
 * - roots are the globals, the pinned objects and the shadow stacks of all
 *   tasks: the scheduler registers a visitor (setStackRootVisitor) that calls
 *   visitStackRange for each task; before it does, the boot task's
 *   [__stack_pointer, __heap_base) is the only stack;
 * - a collection runs when GC_THRESHOLD_BYTES were allocated since the last
 *   one, inside __new (asc keeps every live reference on the shadow stack at
 *   any allocation, as its incremental collector needs too);
 * - __new zeroes the new object and __renew never frees in place (asc compiles
 *   a custom runtime as "incremental" and relies on both);
 * - the entry points run with interrupts off, so no task switch or interrupt
 *   handler enters the runtime halfway;
 * - statistics (bytes and objects in use, collections).
 *
 * Object header (32-bit), 16 bytes after TLSF's 4-byte block header:
 *   nextWithColor (next object in its list | 2-bit colour), prev, rtId, rtSize.
 */
import { BLOCK, BLOCK_OVERHEAD, OBJECT_MAXSIZE, OBJECT_OVERHEAD, TOTAL_OVERHEAD } from "~lib/rt/common";
import { E_ALLOCATION_TOO_LARGE, E_ALREADY_PINNED, E_NOT_PINNED } from "~lib/util/error";
import { disableInterrupts, restoreInterrupts } from "../arch/x86/interrupt-flag";
import { GC_THRESHOLD_BYTES } from "./layout";

// Colours: WHITE unreachable and BLACK reachable (the two flip meaning every
// cycle), TRANSPARENT pinned (always reachable).
// @ts-ignore: decorator
@lazy let white = 0;
@inline const TRANSPARENT = 3;
@inline const COLOR_MASK: usize = 3;
/** asc's cookie for "scan" visits. */
@inline const VISIT_SCAN = 0;

/** A managed object's header, ahead of its payload. */
@unmanaged class GcObject extends BLOCK {
  nextWithColor: usize;
  prev: GcObject;
  rtId: u32;
  rtSize: u32;

  get next(): GcObject { return headerAt(this.nextWithColor & ~COLOR_MASK); }
  set next(obj: GcObject) { this.nextWithColor = changetype<usize>(obj) | (this.nextWithColor & COLOR_MASK); }
  get color(): i32 { return i32(this.nextWithColor & COLOR_MASK); }
  set color(color: i32) { this.nextWithColor = (this.nextWithColor & ~COLOR_MASK) | color; }
  /** Bytes of its TLSF block, header included. */
  get size(): usize { return BLOCK_OVERHEAD + (this.mmInfo & ~3); }
  get payload(): usize { return changetype<usize>(this) + TOTAL_OVERHEAD; }

  unlink(): void {
    const next = this.next;
    if (next == null) return; // a static object not linked yet
    const prev = this.prev;
    next.prev = prev;
    prev.next = next;
  }

  linkTo(list: GcObject, withColor: i32): void {
    const prev = list.prev;
    this.nextWithColor = changetype<usize>(list) | withColor;
    this.prev = prev;
    prev.next = this;
    list.prev = this;
  }
}

/** Circular lists with a static sentinel each: white, black, pinned objects. */
// @ts-ignore: decorator
@lazy let fromSpace = emptyList(0);
// @ts-ignore: decorator
@lazy let toSpace = emptyList(1);
// @ts-ignore: decorator
@lazy let pinSpace = emptyList(2);

// Statistics.
// @ts-ignore: decorator
@lazy let managedBytes: usize = 0;
// @ts-ignore: decorator
@lazy let managedObjects: i32 = 0;
// @ts-ignore: decorator
@lazy let allocatedSinceCollection: usize = 0;
// @ts-ignore: decorator
@lazy let collections: u32 = 0;

/** Visits the shadow stacks of all tasks (calls visitStackRange for each); null = the boot stack only. */
let stackRootVisitor: (() => void) | null = null;

function emptyList(index: usize): GcObject {
  const sentinel = headerAt(sentinelArea() + index * offsetof<GcObject>());
  sentinel.nextWithColor = changetype<usize>(sentinel);
  sentinel.prev = sentinel;
  return sentinel;
}

// The runtime interface asc compiles `new`, arrays and strings against.

// @ts-ignore: decorator
@global export function __new(size: usize, id: i32): usize {
  if (size > OBJECT_MAXSIZE) throw new Error(E_ALLOCATION_TOO_LARGE);
  const wereEnabled = disableInterrupts();
  if (allocatedSinceCollection >= GC_THRESHOLD_BYTES) __collect();
  const obj = headerAt(allocateBlock(OBJECT_OVERHEAD + size) - BLOCK_OVERHEAD);
  obj.rtId = id;
  obj.rtSize = <u32>size;
  obj.linkTo(fromSpace, white);
  managedBytes += obj.size;
  allocatedSinceCollection += obj.size;
  managedObjects++;
  zeroBytes(obj.payload, size); // the collector may visit it before its constructor ran
  restoreInterrupts(wereEnabled);
  return obj.payload;
}

// @ts-ignore: decorator
@global export function __renew(oldPtr: usize, size: usize): usize {
  const oldObj = headerAt(oldPtr - TOTAL_OVERHEAD);
  if (oldPtr >= __heap_base && size <= (oldObj.mmInfo & ~3) - OBJECT_OVERHEAD) {
    oldObj.rtSize = <u32>size; // fits its block
    return oldPtr;
  }
  // A new object: the old one may still be referenced from a shadow stack, so the collector frees it.
  const newPtr = newObject(size, oldObj.rtId);
  copyBytes(newPtr, oldPtr, min(size, <usize>oldObj.rtSize));
  return newPtr;
}

/** A stop-the-world collector needs no write barrier. */
// @ts-ignore: decorator
@global export function __link(parentPtr: usize, childPtr: usize, expectMultiple: bool): void {}

// @ts-ignore: decorator
@global export function __visit(ptr: usize, cookie: i32): void {
  if (ptr == 0) return;
  const obj = headerAt(ptr - TOTAL_OVERHEAD);
  if (obj.color == white) {
    obj.unlink(); // from fromSpace
    obj.linkTo(toSpace, i32(!white));
  }
}

// @ts-ignore: decorator
@global export function __pin(ptr: usize): usize {
  if (ptr == 0) return ptr;
  const wereEnabled = disableInterrupts();
  const obj = headerAt(ptr - TOTAL_OVERHEAD);
  if (obj.color == TRANSPARENT) throw new Error(E_ALREADY_PINNED);
  obj.unlink(); // from fromSpace
  obj.linkTo(pinSpace, TRANSPARENT);
  restoreInterrupts(wereEnabled);
  return ptr;
}

// @ts-ignore: decorator
@global export function __unpin(ptr: usize): void {
  if (ptr == 0) return;
  const wereEnabled = disableInterrupts();
  const obj = headerAt(ptr - TOTAL_OVERHEAD);
  if (obj.color != TRANSPARENT) throw new Error(E_NOT_PINNED);
  obj.unlink(); // from pinSpace
  obj.linkTo(fromSpace, white);
  restoreInterrupts(wereEnabled);
}

/** A full collection: mark from the roots, free every object left white, flip the colours. */
// @ts-ignore: decorator
@global export function __collect(): void {
  const wereEnabled = disableInterrupts();
  markRoots();
  markReachable();
  sweep();
  const from = fromSpace;
  fromSpace = toSpace;
  toSpace = from;
  white = i32(!white);
  allocatedSinceCollection = 0;
  collections++;
  restoreInterrupts(wereEnabled);
}

/** Globals, the members of pinned objects, and the shadow stacks become black. */
function markRoots(): void {
  __visit_globals(VISIT_SCAN);
  const pinned = pinSpace;
  for (let iter = pinned.next; iter != pinned; iter = iter.next) __visit_members(iter.payload, VISIT_SCAN);
  const visitor = stackRootVisitor;
  if (visitor) visitor();
  else visitStackRange(bootShadowStackPointer(), __heap_base);
}

/** Scans the black list; objects it reaches are appended to it, so one pass reaches everything. */
function markReachable(): void {
  const black = toSpace;
  for (let iter = black.next; iter != black; iter = iter.next) __visit_members(iter.payload, VISIT_SCAN);
}

/** Frees what is still white; static objects (below __heap_base) are only unlinked. */
function sweep(): void {
  const from = fromSpace;
  let iter = from.next;
  while (iter != from) {
    const next = iter.next;
    if (changetype<usize>(iter) < __heap_base) {
      iter.nextWithColor = 0; // may become linked again
      iter.prev = headerAt(0);
    } else {
      managedBytes -= iter.size;
      managedObjects--;
      freeBlock(changetype<usize>(iter) + BLOCK_OVERHEAD);
    }
    iter = next;
  }
  from.nextWithColor = changetype<usize>(from);
  from.prev = from;
}

/** Marks every object referenced from the shadow-stack slots in [low, high) (for the scheduler's visitor). */
export function visitStackRange(low: usize, high: usize): void {
  for (let slot = low; slot < high; slot += sizeof<usize>()) visitSlot(slot);
}

/** Installs the visitor of all tasks' shadow stacks (the scheduler calls this once it owns the stacks). */
export function setStackRootVisitor(visitor: () => void): void {
  stackRootVisitor = visitor;
}

export function gcManagedBytes(): usize { return managedBytes; }
export function gcManagedObjects(): i32 { return managedObjects; }
export function gcCollections(): u32 { return collections; }

@unsafe("address as object header") function headerAt(address: usize): GcObject {
  return changetype<GcObject>(address);
}

@unsafe("reads a shadow-stack slot") function visitSlot(address: usize): void {
  __visit(load<usize>(address), VISIT_SCAN);
}

/** Static room for the three list sentinels (one memory.data call site: one area). */
@unsafe("static sentinel memory") function sentinelArea(): usize { return memory.data(3 * offsetof<GcObject>()); }

@unsafe("the running shadow-stack pointer") function bootShadowStackPointer(): usize { return __stack_pointer; }

@unsafe("takes a TLSF block for a new object") function allocateBlock(size: usize): usize { return __alloc(size); }

@unsafe("returns an unreachable object's block to TLSF") function freeBlock(block: usize): void { __free(block); }

@unsafe("a new object") function newObject(size: usize, id: i32): usize { return __new(size, id); }

@unsafe("clears a new object") function zeroBytes(address: usize, size: usize): void { memory.fill(address, 0, size); }

@unsafe("copies an object") function copyBytes(to: usize, from: usize, size: usize): void {
  memory.copy(to, from, size);
}
