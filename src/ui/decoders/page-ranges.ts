/**
 * @fileoverview Merged virtual → physical ranges, QEMU `info mem` style
 * (`00400000-00800000 00400000 urw -> 00400000-00800000`), built leaf page
 * by leaf page as the walk visits them in virtual order; and the pages
 * mapped since an earlier walk.
 *
 * Pipeline place: the page walk (`page-walk.ts`) feeds `RangeBuilder`; the
 * pages panel lists the ranges and highlights `newlyMapped` ones.
 */
import { hex } from './cpu-state.js';
import { PAGE_USER, PAGE_WRITABLE } from './page-entry.js';

export interface MappedRange {
  readonly virtualStart: number;
  /** Exclusive. */
  readonly virtualEnd: number;
  readonly physicalStart: number;
  readonly size: number;
  /** QEMU's rights: "u" or "-" (user), "r", "w" or "-" (writable). */
  readonly rights: string;
  /** The `info mem` line with the physical range appended. */
  readonly qemu: string;
}

interface OpenRange {
  virtualStart: number;
  physicalStart: number;
  size: number;
  /** The effective US and RW bits of the pages (both paging levels ANDed). */
  rights: number;
}

/** QEMU's letters for effective US and RW bits. */
function rightsText(rights: number): string {
  return `${rights & PAGE_USER ? 'u' : '-'}r${rights & PAGE_WRITABLE ? 'w' : '-'}`;
}

function close(range: OpenRange): MappedRange {
  const virtualEnd = range.virtualStart + range.size;
  const rights = rightsText(range.rights);
  return {
    virtualStart: range.virtualStart,
    virtualEnd,
    physicalStart: range.physicalStart,
    size: range.size,
    rights,
    qemu: `${hex(range.virtualStart)}-${hex(virtualEnd)} ${hex(range.size)} ${rights} -> ${hex(range.physicalStart)}-${hex(range.physicalStart + range.size)}`,
  };
}

/**
 * Collects mapped pages in ascending virtual order; neighbours with the same
 * rights and contiguous frames merge. Called once per mapped page, so it
 * allocates only when a range closes.
 */
export class RangeBuilder {
  private readonly done: MappedRange[] = [];
  private open: OpenRange | null = null;

  /** `directoryEntry & leafEntry` decide the rights (a 4 MiB page passes its entry twice). */
  add(virtual: number, physical: number, size: number, directoryEntry: number, leafEntry: number): void {
    const rights = directoryEntry & leafEntry & (PAGE_USER | PAGE_WRITABLE);
    const open = this.open;
    if (open && open.virtualStart + open.size === virtual && open.physicalStart + open.size === physical && open.rights === rights) {
      open.size += size;
      return;
    }
    if (open) this.done.push(close(open));
    this.open = { virtualStart: virtual, physicalStart: physical, size, rights };
  }

  finish(): MappedRange[] {
    if (this.open) this.done.push(close(this.open));
    this.open = null;
    return this.done;
  }
}

/** A run of virtual pages, [start, end). */
export interface VirtualSpan {
  readonly start: number;
  readonly end: number;
}

/** The part of [start, end) that `range` maps to the same frames as `other` does (empty: start ≥ end). */
function sameMapping(range: MappedRange, other: MappedRange): VirtualSpan {
  const sameFrames = range.virtualStart - range.physicalStart === other.virtualStart - other.physicalStart;
  return sameFrames
    ? { start: Math.max(range.virtualStart, other.virtualStart), end: Math.min(range.virtualEnd, other.virtualEnd) }
    : { start: 0, end: 0 };
}

/**
 * Virtual pages mapped in `current` but not in `earlier`, or mapped to
 * another frame, as merged spans. Works on whole ranges (both lists are in
 * ascending virtual order), so an unchanged identity map costs nothing.
 */
export function newlyMapped(earlier: readonly MappedRange[], current: readonly MappedRange[]): VirtualSpan[] {
  const spans: { start: number; end: number }[] = [];
  const add = (start: number, end: number) => {
    if (start >= end) return;
    const last = spans[spans.length - 1];
    if (last && last.end === start) last.end = end;
    else spans.push({ start, end });
  };
  let first = 0;
  for (const range of current) {
    while (first < earlier.length && earlier[first].virtualEnd <= range.virtualStart) first++;
    let cursor = range.virtualStart;
    for (let i = first; i < earlier.length && earlier[i].virtualStart < range.virtualEnd; i++) {
      const kept = sameMapping(range, earlier[i]);
      if (kept.start >= kept.end) continue;
      add(cursor, kept.start);
      cursor = kept.end;
    }
    add(cursor, range.virtualEnd);
  }
  return spans;
}
