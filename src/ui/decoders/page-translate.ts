/**
 * @fileoverview Translates one linear address the way the MMU does with
 * 32-bit paging, step by step (CR3 → directory entry → table entry →
 * physical address), stopping at the first entry that is not present. Also
 * reads linear memory through that translation, for tables (GDT, IDT) whose
 * registers hold linear addresses.
 *
 * Pipeline place: pure, over a physical-memory reader. The pages panel's
 * translate box shows the steps; the GDT and IDT panels read through
 * `readLinear`; the Node tests compare `translateLinear` with v86's own MMU.
 */
import { CR0_PG, CR3_BASE_MASK, CR4_PAE, CR4_PSE } from './control-registers.js';
import { u32At, type PhysicalReader } from './cpu-state.js';
import { decodeEntry, ENTRY_BYTES, LARGE_PAGE_SIZE, PAGE_SIZE, PAGE_USER, PAGE_WRITABLE, type PageEntry } from './page-entry.js';

/** The registers that decide how linear addresses become physical. */
export interface PagingRegisters {
  readonly cr0: number;
  readonly cr3: number;
  readonly cr4: number;
}

export type PagingMode = 'disabled' | '32-bit' | 'pae';

export function pagingMode({ cr0, cr4 }: PagingRegisters): PagingMode {
  if ((cr0 & CR0_PG) === 0) return 'disabled';
  return cr4 & CR4_PAE ? 'pae' : '32-bit';
}

export interface WalkStep {
  readonly level: 'directory' | 'table';
  /** Which bits of the linear address chose the entry, e.g. "bits 31–22 = 0x300". */
  readonly indexBits: string;
  readonly entry: PageEntry;
}

export interface Translation {
  readonly linear: number;
  readonly mode: PagingMode;
  readonly steps: WalkStep[];
  /** The physical address, or null when the walk stopped at a not-present entry (a page fault). */
  readonly physical: number | null;
  /** Effective rights of the page (every level must allow them). */
  readonly user: boolean;
  readonly writable: boolean;
  /** Why there is no physical address, or how the address was translated. */
  readonly summary: string;
}

function readEntry(read: PhysicalReader, address: number): number {
  return u32At(read(address, ENTRY_BYTES), 0);
}

/** The MMU's walk for `linear` with the given paging registers. PAE is not decoded (the kernel does not use it). */
export function translateLinear(linear: number, registers: PagingRegisters, read: PhysicalReader): Translation {
  const address = linear >>> 0;
  const mode = pagingMode(registers);
  const unmapped = { linear: address, mode, user: true, writable: true };
  if (mode === 'disabled') return { ...unmapped, steps: [], physical: address, summary: 'paging disabled: physical = linear' };
  if (mode === 'pae') return { ...unmapped, steps: [], physical: null, summary: 'PAE paging is not decoded' };

  const pse = (registers.cr4 & CR4_PSE) !== 0;
  const directoryIndex = address >>> 22;
  const directoryEntryAddress = ((registers.cr3 & CR3_BASE_MASK) + directoryIndex * ENTRY_BYTES) >>> 0;
  const pde = decodeEntry('directory', directoryIndex, directoryEntryAddress, readEntry(read, directoryEntryAddress), pse);
  const steps: WalkStep[] = [{ level: 'directory', indexBits: `bits 31–22 = ${directoryIndex}`, entry: pde }];
  if (!pde.present) return { ...unmapped, steps, physical: null, user: false, writable: false, summary: 'page fault: directory entry not present' };
  if (pde.large) {
    const physical = (pde.address + (address & (LARGE_PAGE_SIZE - 1))) >>> 0;
    return { linear: address, mode, steps, physical, ...rights(pde.raw, pde.raw), summary: '4 MiB page' };
  }

  const tableIndex = (address >>> 12) & 0x3ff;
  const tableEntryAddress = (pde.address + tableIndex * ENTRY_BYTES) >>> 0;
  const pte = decodeEntry('table', tableIndex, tableEntryAddress, readEntry(read, tableEntryAddress), pse);
  steps.push({ level: 'table', indexBits: `bits 21–12 = ${tableIndex}`, entry: pte });
  if (!pte.present) return { ...unmapped, steps, physical: null, user: false, writable: false, summary: 'page fault: table entry not present' };
  const physical = (pte.address + (address & (PAGE_SIZE - 1))) >>> 0;
  return { linear: address, mode, steps, physical, ...rights(pde.raw, pte.raw), summary: '4 KiB page' };
}

/** A page's effective user and write rights: both levels must grant them. */
export function rights(directoryEntry: number, leafEntry: number): { user: boolean; writable: boolean } {
  const both = directoryEntry & leafEntry;
  return { user: (both & PAGE_USER) !== 0, writable: (both & PAGE_WRITABLE) !== 0 };
}

/** `length` bytes of linear memory at `linear`, page by page through the translation; unmapped bytes read as 0. */
export function readLinear(linear: number, length: number, registers: PagingRegisters, read: PhysicalReader): Uint8Array {
  if (pagingMode(registers) === 'disabled') return read(linear >>> 0, length);
  const bytes = new Uint8Array(length);
  let done = 0;
  while (done < length) {
    const address = (linear + done) >>> 0;
    const chunk = Math.min(length - done, PAGE_SIZE - (address & (PAGE_SIZE - 1)));
    const { physical } = translateLinear(address, registers, read);
    if (physical !== null) bytes.set(read(physical, chunk), done);
    done += chunk;
  }
  return bytes;
}
