/**
 * @fileoverview Demand paging in the region [DEMAND_START, DEMAND_END):
 * vmAlloc hands out address space only; the first touch of each page
 * faults, and handlePageFault (called by the vector-14 handler) maps a
 * zeroed frame there. vmFree unmaps the range and returns its frames and
 * emptied page tables, so memory use goes back to where it was.
 *
 * All three run with interrupts off: a task switch halfway through would
 * leave the free list and the page tables disagreeing.
 */
import { disableInterrupts, restoreInterrupts } from "../arch/x86/interrupt-flag";
import { AddressSpace } from "./address-space";
import { freeFrame } from "./frames";
import { DEMAND_END, DEMAND_START, PAGE_SHIFT, PAGE_SIZE, pageFloor } from "./layout";
import { allocZeroedFrame, mapPage, PTE_PRESENT, PTE_WRITABLE, releaseEmptyTables, unmapPage } from "./paging";

/** Page-fault error code bit 0: the page was present (a protection violation, not a missing page). */
@inline const FAULT_PROTECTION: u32 = 1 << 0;

/** Demand-paging counters, for `mem`, the descriptor and tests. */
export class DemandStats {
  constructor(
    /** Faults resolved by mapping a frame. */
    public faultsHandled: u32,
    /** Pages unmapped by vmFree (each gave its frame back). */
    public pagesReleased: u32,
    /** Address ranges currently handed out. */
    public rangesInUse: i32,
  ) {}
}

const demandSpace = new AddressSpace(DEMAND_START, <i32>((DEMAND_END - DEMAND_START) >> PAGE_SHIFT));
let faultsHandled: u32 = 0;
let pagesReleased: u32 = 0;

/** Reserves `pages` pages of address space in the demand region; 0 if there is no room. No frames yet. */
export function vmAlloc(pages: i32): usize {
  const wereEnabled = disableInterrupts();
  const start = demandSpace.reserve(pages);
  restoreInterrupts(wereEnabled);
  return start;
}

/** Gives back the range vmAlloc returned as `address`: unmaps its pages, frees their frames. Aborts on a bad address. */
export function vmFree(address: usize): void {
  const wereEnabled = disableInterrupts();
  const range = demandSpace.release(address);
  assert(range != null, "vmFree: not an address vmAlloc returned");
  const end = range!.end;
  for (let page = range!.start; page < end; page += PAGE_SIZE) {
    const frame = unmapPage(page);
    if (frame == 0) continue;
    freeFrame(frame);
    pagesReleased++;
  }
  releaseEmptyTables(range!.start, end);
  restoreInterrupts(wereEnabled);
}

/**
 * The page-fault policy: a not-present fault on a page of a range vmAlloc
 * handed out gets a zeroed frame (returns true: retry the instruction). Any
 * other fault — outside the demand region, in a free range, a protection
 * violation, or no frame left — returns false: a bad pointer, the caller
 * reports it and kills the task.
 */
export function handlePageFault(address: usize, errorCode: u32): bool {
  if ((errorCode & FAULT_PROTECTION) != 0) return false;
  if (address < DEMAND_START || address >= DEMAND_END) return false;
  const wereEnabled = disableInterrupts();
  const mapped = demandSpace.isReserved(address) && mapZeroedPage(pageFloor(address));
  restoreInterrupts(wereEnabled);
  return mapped;
}

/** DemandStats.faultsHandled without allocating (the descriptor). */
export function demandFaultCount(): u32 { return faultsHandled; }

export function demandStats(): DemandStats {
  return new DemandStats(faultsHandled, pagesReleased, demandSpace.reservedRangeCount);
}

function mapZeroedPage(page: usize): bool {
  const frame = allocZeroedFrame();
  if (frame == 0) return false;
  if (!mapPage(page, frame, PTE_PRESENT | PTE_WRITABLE)) {
    freeFrame(frame);
    return false;
  }
  faultsHandled++;
  return true;
}
