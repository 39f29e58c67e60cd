/**
 * @fileoverview The free list of virtual address space in the demand region:
 * which page ranges vmAlloc handed out and which are free. First fit; freed
 * ranges merge with free neighbours, so the region returns to one free range
 * when everything is given back. Only bookkeeping — mapping is paging.ts's
 * job (vm.ts joins the two).
 */
import { PAGE_SHIFT } from "./layout";

/** `pages` pages from `start`. */
export class PageRange {
  constructor(public start: usize, public pages: i32) {}

  get end(): usize { return this.start + (<usize>this.pages << PAGE_SHIFT); }
  contains(address: usize): bool { return address >= this.start && address < this.end; }
}

export class AddressSpace {
  /** Free ranges, sorted by start, never adjacent (adjacent ones merge). */
  private free: PageRange[] = [];
  /** Handed-out ranges, sorted by start. */
  private used: PageRange[] = [];

  constructor(start: usize, pages: i32) {
    this.free.push(new PageRange(start, pages));
  }

  /** Reserves `pages` pages (first fit); returns their start, or 0 when no free range is large enough. */
  reserve(pages: i32): usize {
    if (pages <= 0) return 0;
    for (let index = 0; index < this.free.length; index++) {
      const range = this.free[index];
      if (range.pages < pages) continue;
      const start = range.start;
      if (range.pages == pages) this.free.splice(index, 1);
      else { range.start += <usize>pages << PAGE_SHIFT; range.pages -= pages; }
      insertAt(this.used, insertionIndex(this.used, start), new PageRange(start, pages));
      return start;
    }
    return 0;
  }

  /** Gives back the range that starts at `start`; returns it, or null if no reserved range starts there. */
  release(start: usize): PageRange | null {
    const index = indexContaining(this.used, start);
    if (index < 0 || this.used[index].start != start) return null;
    const range = this.used[index];
    this.used.splice(index, 1);
    this.insertFree(new PageRange(range.start, range.pages));
    return range;
  }

  /** Whether `address` lies in a reserved range. */
  isReserved(address: usize): bool {
    return indexContaining(this.used, address) >= 0;
  }

  get freeRangeCount(): i32 { return this.free.length; }
  get reservedRangeCount(): i32 { return this.used.length; }

  private insertFree(range: PageRange): void {
    const index = insertionIndex(this.free, range.start);
    insertAt(this.free, index, range);
    if (index + 1 < this.free.length && range.end == this.free[index + 1].start) {
      range.pages += this.free[index + 1].pages;
      this.free.splice(index + 1, 1);
    }
    if (index > 0 && this.free[index - 1].end == range.start) {
      this.free[index - 1].pages += range.pages;
      this.free.splice(index, 1);
    }
  }
}

/** Index of the range holding `address` in the sorted `ranges`, or -1 (binary search). */
function indexContaining(ranges: PageRange[], address: usize): i32 {
  let low = 0;
  let high = ranges.length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const range = ranges[middle];
    if (address < range.start) high = middle - 1;
    else if (address >= range.end) low = middle + 1;
    else return middle;
  }
  return -1;
}

/** Where a range starting at `start` goes in the sorted `ranges`. */
function insertionIndex(ranges: PageRange[], start: usize): i32 {
  let low = 0;
  let high = ranges.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (ranges[middle].start < start) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Puts `range` at `index`, moving the ranges from there one place up (AssemblyScript's splice cannot insert). */
function insertAt(ranges: PageRange[], index: i32, range: PageRange): void {
  ranges.push(range);
  for (let at = ranges.length - 1; at > index; at--) ranges[at] = ranges[at - 1];
  ranges[index] = range;
}
