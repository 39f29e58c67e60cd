/**
 * @fileoverview One 32-bit paging entry (non-PAE; Intel SDM vol. 3, 4.3):
 * its flags by name (P RW US PWT PCD A D PS G), the address it points to
 * (a page table, a 4 KiB frame or a 4 MiB frame) and where it lives in
 * physical memory.
 *
 * Pipeline place: the page walk (`page-walk.ts`) and the translate box
 * (`page-translate.ts`) decode every entry they touch with this.
 */
import { setBitNames, type BitField } from './bit-fields.js';

export const PAGE_SIZE = 4096;
export const LARGE_PAGE_SIZE = 4 << 20;
export const ENTRIES_PER_TABLE = 1024;
export const ENTRY_BYTES = 4;

export const PAGE_PRESENT = 1 << 0;
export const PAGE_WRITABLE = 1 << 1;
export const PAGE_USER = 1 << 2;
export const PAGE_SIZE_BIT = 1 << 7;
export const PAGE_GLOBAL = 1 << 8;

/** The flags the panel shows for every entry, lowest bit first. Bit 7 is PS in a directory entry, PAT in a table entry. */
export const PAGE_ENTRY_BITS: readonly BitField[] = [
  { bit: 0, name: 'P', meaning: 'present' },
  { bit: 1, name: 'RW', meaning: 'writable' },
  { bit: 2, name: 'US', meaning: 'user-mode access allowed' },
  { bit: 3, name: 'PWT', meaning: 'write-through caching' },
  { bit: 4, name: 'PCD', meaning: 'cache disabled' },
  { bit: 5, name: 'A', meaning: 'accessed (set by the CPU)' },
  { bit: 6, name: 'D', meaning: 'dirty: written (set by the CPU; leaf entries only)' },
  { bit: 7, name: 'PS', meaning: 'page size: 4 MiB page (directory entries; PAT in table entries)' },
  { bit: 8, name: 'G', meaning: 'global: kept in the TLB across CR3 loads (leaf entries, with CR4.PGE)' },
];

export type EntryLevel = 'directory' | 'table';

export interface PageEntry {
  /** Index in its directory or table (0–1023). */
  readonly index: number;
  /** Physical address of the entry itself. */
  readonly entryAddress: number;
  readonly raw: number;
  readonly present: boolean;
  /** Set flag names, e.g. ["P", "RW", "A"]. */
  readonly flags: string[];
  /** The page table (directory entry), 4 KiB frame (table entry) or 4 MiB frame (large directory entry). */
  readonly address: number;
  /** A 4 MiB page mapped directly by a directory entry (PS with CR4.PSE). */
  readonly large: boolean;
}

export function decodeEntry(level: EntryLevel, index: number, entryAddress: number, raw: number, pse: boolean): PageEntry {
  const large = level === 'directory' && pse && (raw & PAGE_SIZE_BIT) !== 0;
  // A 4 MiB page keeps physical address bits 22–31 in the entry (bits 13–20 would be PSE-36's, beyond 4 GiB).
  const address = (large ? raw & 0xffc00000 : raw & 0xfffff000) >>> 0;
  return { index, entryAddress, raw: raw >>> 0, present: (raw & PAGE_PRESENT) !== 0, flags: setBitNames(raw, PAGE_ENTRY_BITS), address, large };
}
