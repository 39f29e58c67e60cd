/**
 * @fileoverview Decodes the control registers CR0, CR2, CR3 and CR4 with the
 * Intel manual's bit names (SDM vol. 3, 2.5).
 *
 * Pipeline place: used by the registers decoder (`registers.ts`); the page
 * table decoder reads CR0.PG, CR3 and CR4.PSE through the same constants.
 */
import { decodeBits, setBitNames, type BitField, type DecodedBit } from './bit-fields.js';

export const CR0_PE = 1 << 0;
export const CR0_WP = 1 << 16;
export const CR0_PG = 1 << 31;
export const CR4_PSE = 1 << 4;
export const CR4_PAE = 1 << 5;
export const CR4_PGE = 1 << 7;
/** CR3's page-directory base: bits 12–31. */
export const CR3_BASE_MASK = 0xfffff000;

export const CR0_BITS: readonly BitField[] = [
  { bit: 0, name: 'PE', meaning: 'protection enable (protected mode)' },
  { bit: 1, name: 'MP', meaning: 'monitor coprocessor' },
  { bit: 2, name: 'EM', meaning: 'x87 emulation' },
  { bit: 3, name: 'TS', meaning: 'task switched' },
  { bit: 4, name: 'ET', meaning: 'extension type (387)' },
  { bit: 5, name: 'NE', meaning: 'native x87 error reporting' },
  { bit: 16, name: 'WP', meaning: 'write protect: ring 0 honours read-only pages' },
  { bit: 18, name: 'AM', meaning: 'alignment mask' },
  { bit: 29, name: 'NW', meaning: 'not write-through' },
  { bit: 30, name: 'CD', meaning: 'cache disable' },
  { bit: 31, name: 'PG', meaning: 'paging enabled' },
];

export const CR3_BITS: readonly BitField[] = [
  { bit: 3, name: 'PWT', meaning: 'page directory write-through' },
  { bit: 4, name: 'PCD', meaning: 'page directory cache disable' },
];

export const CR4_BITS: readonly BitField[] = [
  { bit: 0, name: 'VME', meaning: 'virtual-8086 mode extensions' },
  { bit: 1, name: 'PVI', meaning: 'protected-mode virtual interrupts' },
  { bit: 2, name: 'TSD', meaning: 'RDTSC only in ring 0' },
  { bit: 3, name: 'DE', meaning: 'debugging extensions' },
  { bit: 4, name: 'PSE', meaning: 'page size extensions: 4 MiB pages' },
  { bit: 5, name: 'PAE', meaning: 'physical address extension' },
  { bit: 6, name: 'MCE', meaning: 'machine-check enable' },
  { bit: 7, name: 'PGE', meaning: 'global pages' },
  { bit: 8, name: 'PCE', meaning: 'RDPMC in any ring' },
  { bit: 9, name: 'OSFXSR', meaning: 'FXSAVE/FXRSTOR and SSE' },
  { bit: 10, name: 'OSXMMEXCPT', meaning: 'unmasked SSE exceptions' },
  { bit: 11, name: 'UMIP', meaning: 'user-mode instruction prevention' },
  { bit: 16, name: 'FSGSBASE', meaning: 'RDFSBASE and friends' },
  { bit: 18, name: 'OSXSAVE', meaning: 'XSAVE' },
  { bit: 20, name: 'SMEP', meaning: 'supervisor-mode execution prevention' },
  { bit: 21, name: 'SMAP', meaning: 'supervisor-mode access prevention' },
];

export interface DecodedControlRegister {
  readonly name: 'cr0' | 'cr2' | 'cr3' | 'cr4';
  readonly value: number;
  /** Names of the set bits, e.g. ["PE", "PG"]; empty for CR2, whose value is an address. */
  readonly set: string[];
  readonly bits: DecodedBit[];
  /** What the value means beyond its bits: CR2's faulting address, CR3's page directory. */
  readonly note?: string;
}

function decoded(name: DecodedControlRegister['name'], value: number, fields: readonly BitField[], note?: string): DecodedControlRegister {
  return { name, value: value >>> 0, set: setBitNames(value, fields), bits: decodeBits(value, fields), ...(note ? { note } : {}) };
}

export function decodeControlRegisters(cr0: number, cr2: number, cr3: number, cr4: number): DecodedControlRegister[] {
  const directory = `page directory at 0x${((cr3 & CR3_BASE_MASK) >>> 0).toString(16).padStart(8, '0')}`;
  return [
    decoded('cr0', cr0, CR0_BITS),
    decoded('cr2', cr2, [], 'linear address of the last page fault'),
    decoded('cr3', cr3, CR3_BITS, directory),
    decoded('cr4', cr4, CR4_BITS),
  ];
}
