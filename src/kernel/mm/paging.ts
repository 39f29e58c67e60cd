/**
 * @fileoverview Two-level x86 paging (4 KiB pages, no PAE): one page
 * directory of 1024 entries, each pointing at a page table of 1024 entries,
 * each mapping one page. At boot it identity-maps all RAM (virtual =
 * physical, so the kernel and its heap keep their addresses) with flags per
 * region, loads CR3 and sets CR0.PG. Later it maps and unmaps single pages for
 * the demand region (vm.ts). Page directory and tables are frames from
 * frames.ts, reached through the identity map.
 *
 * Entry layout (Intel SDM vol. 3, 4.3): bits 31..12 the frame address, then
 * flags: P present, RW writable, US user, PWT write-through, PCD cache
 * disable, A accessed, D dirty.
 */
import { enablePaging, flushPage, loadPageDirectory } from "../arch/x86/paging-registers";
import { allocFrame, freeFrame } from "./frames";
import { DEVICE_MEMORY_END, DEVICE_MEMORY_START, PAGE_SHIFT, PAGE_SIZE } from "./layout";

@inline export const PTE_PRESENT: u32 = 1 << 0;
@inline export const PTE_WRITABLE: u32 = 1 << 1;
@inline export const PTE_USER: u32 = 1 << 2;
@inline export const PTE_WRITE_THROUGH: u32 = 1 << 3;
@inline export const PTE_CACHE_DISABLE: u32 = 1 << 4;
@inline const PTE_FRAME_MASK: u32 = 0xffff_f000;
@inline const ENTRIES_PER_TABLE: i32 = 1024;
/** Bytes one page table maps (4 MiB). */
@inline const TABLE_SPAN: usize = <usize>ENTRIES_PER_TABLE * PAGE_SIZE;

/** Physical address of the page directory; 0 until pagingInit. */
let pageDirectory: usize = 0;

/** Builds the identity map of [PAGE_SIZE, ramEnd), loads it and turns paging on; false if out of frames. */
export function pagingInit(ramEnd: usize): bool {
  pageDirectory = allocZeroedFrame();
  if (pageDirectory == 0) return false;
  for (let address: usize = PAGE_SIZE; address < ramEnd; address += PAGE_SIZE) {
    if (!mapPage(address, address, identityFlags(address))) return false;
  }
  loadPageDirectory(pageDirectory);
  enablePaging();
  return true;
}

/**
 * The flags of a page in the identity map. Device memory (VGA, ROM) is
 * uncached; everything else is kernel read-write. Page 0 stays unmapped so
 * that a null pointer faults.
 */
function identityFlags(address: usize): u32 {
  if (address >= DEVICE_MEMORY_START && address < DEVICE_MEMORY_END) {
    return PTE_PRESENT | PTE_WRITABLE | PTE_WRITE_THROUGH | PTE_CACHE_DISABLE;
  }
  return PTE_PRESENT | PTE_WRITABLE;
}

/** Maps the page at `virtual` to the frame at `physical`; makes its page table if needed. False if out of frames. */
export function mapPage(virtual: usize, physical: usize, flags: u32): bool {
  const table = pageTable(virtual, true);
  if (table == 0) return false;
  writeEntry(table, tableIndex(virtual), (<u32>physical & PTE_FRAME_MASK) | flags);
  flushPage(virtual);
  return true;
}

/** Removes the mapping of the page at `virtual`; returns the frame it mapped, or 0 if it was not mapped. */
export function unmapPage(virtual: usize): usize {
  const table = pageTable(virtual, false);
  if (table == 0) return 0;
  const entry = readEntry(table, tableIndex(virtual));
  if ((entry & PTE_PRESENT) == 0) return 0;
  writeEntry(table, tableIndex(virtual), 0);
  flushPage(virtual);
  return <usize>(entry & PTE_FRAME_MASK);
}

/** Frees the page tables covering [start, end) that map nothing any more (end is a multiple of 4 MiB or the last address + 1). */
export function releaseEmptyTables(start: usize, end: usize): void {
  for (let span = start & ~(TABLE_SPAN - 1); span < end; span += TABLE_SPAN) {
    const table = pageTable(span, false);
    if (table == 0 || !tableIsEmpty(table)) continue;
    writeEntry(pageDirectory, directoryIndex(span), 0);
    freeFrame(table);
  }
}

/** The page-directory entry that covers `virtual` (0 before paging is set up). */
export function directoryEntryFor(virtual: usize): u32 {
  return pageDirectory == 0 ? 0 : readEntry(pageDirectory, directoryIndex(virtual));
}

/** The page-table entry that maps `virtual`, or 0 when there is no page table for it. */
export function tableEntryFor(virtual: usize): u32 {
  const table = pageTable(virtual, false);
  return table == 0 ? 0 : readEntry(table, tableIndex(virtual));
}

/** The physical address of the page directory (what CR3 holds). */
export function pageDirectoryAddress(): usize {
  return pageDirectory;
}

/** The page table for `virtual`; with `create`, a new empty one when there is none (0 if out of frames). */
function pageTable(virtual: usize, create: bool): usize {
  const index = directoryIndex(virtual);
  const entry = readEntry(pageDirectory, index);
  if ((entry & PTE_PRESENT) != 0) return <usize>(entry & PTE_FRAME_MASK);
  if (!create) return 0;
  const table = allocZeroedFrame();
  if (table != 0) writeEntry(pageDirectory, index, <u32>table | PTE_PRESENT | PTE_WRITABLE);
  return table;
}

function tableIsEmpty(table: usize): bool {
  for (let index = 0; index < ENTRIES_PER_TABLE; index++) {
    if (readEntry(table, index) != 0) return false;
  }
  return true;
}

/** A frame from the allocator, filled with zeros; 0 if none is left. */
export function allocZeroedFrame(): usize {
  const frame = allocFrame();
  if (frame != 0) zeroFrame(frame);
  return frame;
}

@inline function directoryIndex(virtual: usize): i32 { return <i32>(virtual >> (PAGE_SHIFT + 10)); }
@inline function tableIndex(virtual: usize): i32 { return <i32>((virtual >> PAGE_SHIFT) & 0x3ff); }

@unsafe("reads a page-table entry") function readEntry(table: usize, index: i32): u32 {
  return load<u32>(table + (<usize>index << 2));
}

@unsafe("writes a page-table entry") function writeEntry(table: usize, index: i32, entry: u32): void {
  store<u32>(table + (<usize>index << 2), entry);
}

/** Word stores, not memory.fill: the translator's memory.fill only reaches the wasm memory's current size. */
@unsafe("clears a whole page frame") function zeroFrame(frame: usize): void {
  for (let offset: usize = 0; offset < PAGE_SIZE; offset += 4) store<u32>(frame + offset, 0);
}
