/**
 * @fileoverview Walks the whole 32-bit page-table tree from CR3: the
 * directory's present entries, each page table's present entries (with
 * every flag and the physical address of each entry), the merged
 * virtual → physical ranges, and the frames that hold the tables.
 *
 * Pipeline place: pure, over a physical-memory reader; the pages panel
 * reads it from the machine ≥ 10 times a second, the frame map
 * (`frame-map.ts`) colours frames with it, and the Node tests check it
 * against v86's own MMU. Decoding 16 Ki entries each time would cost tens of
 * milliseconds, so a walk reuses the decoded tables of an earlier walk
 * whose entries are unchanged (checked word by word, without allocating),
 * and returns the earlier walk itself when nothing changed at all, before
 * merging its ranges.
 */
import { CR3_BASE_MASK, CR4_PSE } from './control-registers.js';
import { u32At, type PhysicalReader } from './cpu-state.js';
import { decodeEntry, ENTRIES_PER_TABLE, ENTRY_BYTES, LARGE_PAGE_SIZE, PAGE_SIZE, type PageEntry } from './page-entry.js';
import { RangeBuilder, type MappedRange } from './page-ranges.js';
import { pagingMode, type PagingRegisters } from './page-translate.js';

const TABLE_BYTES = ENTRIES_PER_TABLE * ENTRY_BYTES;

export interface DirectoryRow extends PageEntry {
  /** First virtual address this entry covers (index × 4 MiB). */
  readonly virtualStart: number;
  /** The page table's present entries; empty for a 4 MiB page. */
  readonly table: PageEntry[];
}

export type PageWalk =
  | { readonly enabled: false; readonly reason: string }
  | {
      readonly enabled: true;
      readonly directoryAddress: number;
      /** CR4.PSE: directory entries with PS map 4 MiB pages. */
      readonly largePages: boolean;
      /** The directory's present entries, in index order. */
      readonly directory: DirectoryRow[];
      /** Physical addresses of the directory and every page table (the frames paging itself uses). */
      readonly tableFrames: number[];
      readonly mappedBytes: number;
      readonly ranges: MappedRange[];
    };

// Constant objects, so that unchanged panel data stays the same object.
const PAGING_DISABLED: PageWalk = { enabled: false, reason: 'paging disabled (CR0.PG = 0): linear addresses are physical' };
const PAE_NOT_DECODED: PageWalk = { enabled: false, reason: 'PAE paging (CR4.PAE = 1) is not decoded' };

/** True if the present entries in `bytes` are exactly `decoded` (same slots, same raw values). */
function sameTable(decoded: readonly PageEntry[], bytes: Uint8Array): boolean {
  let next = 0;
  for (let slot = 0; slot < ENTRIES_PER_TABLE; slot++) {
    const raw = u32At(bytes, slot * ENTRY_BYTES);
    if ((raw & 1) === 0) continue;
    const entry = decoded[next++];
    if (!entry || entry.index !== slot || entry.raw !== raw) return false;
  }
  return next === decoded.length;
}

function decodeTable(tableAddress: number, bytes: Uint8Array, pse: boolean): PageEntry[] {
  const table: PageEntry[] = [];
  for (let slot = 0; slot < ENTRIES_PER_TABLE; slot++) {
    const raw = u32At(bytes, slot * ENTRY_BYTES);
    if (raw & 1) table.push(decodeEntry('table', slot, tableAddress + slot * ENTRY_BYTES, raw, pse));
  }
  return table;
}

/**
 * The page-table tree the registers point at; `{ enabled: false }` with the
 * reason when there is none to walk. `earlier`, a previous walk, lends its
 * decoded tables where they have not changed.
 */
export function walkPageTables(registers: PagingRegisters, read: PhysicalReader, earlier?: PageWalk): PageWalk {
  const mode = pagingMode(registers);
  if (mode === 'disabled') return PAGING_DISABLED;
  if (mode === 'pae') return PAE_NOT_DECODED;

  const pse = (registers.cr4 & CR4_PSE) !== 0;
  const directoryAddress = (registers.cr3 & CR3_BASE_MASK) >>> 0;
  const directoryBytes = read(directoryAddress, TABLE_BYTES);
  const reusable = new Map(earlier?.enabled && earlier.largePages === pse ? earlier.directory.map((row) => [row.raw, row]) : []);
  const directory: DirectoryRow[] = [];
  const tableFrames = [directoryAddress];
  let unchanged = earlier?.enabled === true && earlier.directoryAddress === directoryAddress && earlier.largePages === pse;
  for (let index = 0; index < ENTRIES_PER_TABLE; index++) {
    const raw = u32At(directoryBytes, index * ENTRY_BYTES);
    if ((raw & 1) === 0) continue;
    const pde = decodeEntry('directory', index, directoryAddress + index * ENTRY_BYTES, raw, pse);
    const virtualStart = (index * LARGE_PAGE_SIZE) >>> 0;
    const before = reusable.get(raw);
    if (pde.large) {
      directory.push({ ...pde, virtualStart, table: [] });
      unchanged &&= before?.index === index;
      continue;
    }
    tableFrames.push(pde.address);
    const tableBytes = read(pde.address, TABLE_BYTES);
    const reused = before?.index === index && sameTable(before.table, tableBytes);
    directory.push({ ...pde, virtualStart, table: reused ? before.table : decodeTable(pde.address, tableBytes, pse) });
    unchanged &&= reused;
  }
  // Checked before the ranges are merged: merging visits every mapped page, most of an unchanged walk's time.
  if (unchanged && earlier?.enabled && earlier.directory.length === directory.length) return earlier;
  const { ranges, mappedBytes } = mergeRanges(directory);
  return { enabled: true, directoryAddress, largePages: pse, directory, tableFrames, mappedBytes, ranges };
}

/** The directory's mappings merged into virtual → physical ranges, and the bytes they map. */
function mergeRanges(directory: readonly DirectoryRow[]): { ranges: MappedRange[]; mappedBytes: number } {
  const ranges = new RangeBuilder();
  let mappedBytes = 0;
  for (const pde of directory) {
    if (pde.large) {
      ranges.add(pde.virtualStart, pde.address, LARGE_PAGE_SIZE, pde.raw, pde.raw);
      mappedBytes += LARGE_PAGE_SIZE;
      continue;
    }
    for (const pte of pde.table) ranges.add((pde.virtualStart + pte.index * PAGE_SIZE) >>> 0, pte.address, PAGE_SIZE, pde.raw, pte.raw);
    mappedBytes += pde.table.length * PAGE_SIZE;
  }
  return { ranges: ranges.finish(), mappedBytes };
}
