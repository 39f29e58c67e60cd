// Registers decoding on fixed values: EFLAGS in QEMU's [DOSZAPC] form and by name, CR0/CR3/CR4 bits, selectors, EIP → symbol.
import { describe, expect, it } from 'vitest';
import { decodeControlRegisters } from './control-registers.js';
import type { CpuState } from './cpu-state.js';
import { DebugSymbols, type DebugInfo } from './debug-symbols.js';
import { decodeEflags } from './eflags.js';
import { decodeRegisters } from './registers.js';
import { decodeSelector } from './segment-selector.js';

const CPU: CpuState = {
  general: { eax: 1, ecx: 2, edx: 0x3f8, ebx: 4, esp: 0x200ff0, ebp: 0x200ff8, esi: 0, edi: 0xffffffff },
  eip: 0x101004,
  eflags: 0x246,
  cr0: 0x80010011,
  cr2: 0xdeadb000,
  cr3: 0x200018,
  cr4: 0x90,
  segments: { es: 0x10, cs: 0x1b, ss: 0x23, ds: 0x10, fs: 0x10, gs: 0x10 },
  tr: 0x28,
  ldtr: 0,
  gdtr: { base: 0x100158, limit: 47 },
  idtr: { base: 0x100190, limit: 2047 },
  cpl: 3,
  protectedMode: true,
  instructionCount: 42,
};

const INFO = {
  version: 1,
  entry: 0x101000,
  textStart: 0x101000,
  textEnd: 0x101100,
  dataStart: 0x100000,
  files: ['main.ts'],
  functions: [{ index: 0, name: 'main/_start', start: 0x101000, end: 0x101080, file: 0, line: 20 }],
  lines: [0x101000, 0, 0, 20, 0x101004, 2, 0, 23],
  globals: [],
  tables: [],
  memory: { base: 0, initialPages: 1, maxPages: 1, sizeVariable: 0x100000 },
  data: [],
  runtime: {},
} satisfies DebugInfo;

describe('EFLAGS', () => {
  it('writes the arithmetic flags and DF in QEMU order, and names every set flag', () => {
    const flags = decodeEflags(0x246); // ZF PF IF + reserved bit 1
    expect(flags.qemu).toBe('[---Z-P-]');
    expect(flags.set).toEqual(['PF', 'ZF', 'IF']);
    expect(flags.interruptsEnabled).toBe(true);
    expect(decodeEflags(0xcd5).qemu).toBe('[DOSZAPC]');
    expect(decodeEflags(0x3002).iopl).toBe(3);
  });
});

describe('control registers', () => {
  it('names CR0, CR3 and CR4 bits and explains CR2 and CR3', () => {
    const [cr0, cr2, cr3, cr4] = decodeControlRegisters(0x80010011, 0xdeadb000, 0x200018, 0x90);
    expect(cr0.set).toEqual(['PE', 'ET', 'WP', 'PG']);
    expect(cr2).toMatchObject({ value: 0xdeadb000, set: [], note: 'linear address of the last page fault' });
    expect(cr3.set).toEqual(['PWT', 'PCD']);
    expect(cr3.note).toBe('page directory at 0x00200000');
    expect(cr4.set).toEqual(['PSE', 'PGE']);
  });
});

describe('registers', () => {
  it('decodes selectors into index, table and RPL', () => {
    expect(decodeSelector(0x1b)).toEqual({ selector: 0x1b, index: 3, table: 'GDT', rpl: 3 });
    expect(decodeSelector(0x0f)).toMatchObject({ index: 1, table: 'LDT', rpl: 3 });
  });

  it('gives QEMU’s summary line, EIP’s function and source line, and every segment register', () => {
    const data = decodeRegisters(CPU, new DebugSymbols(INFO));
    expect(data.qemu).toBe('EIP=00101004 EFL=00000246 [---Z-P-] CPL=3');
    expect(data.eip.symbol).toBe('main/_start+0x4 (main.ts:23)');
    expect(data.general.map((r) => r.name)).toEqual(['eax', 'ecx', 'edx', 'ebx', 'esp', 'ebp', 'esi', 'edi']);
    expect(data.general[7].hex).toBe('0xffffffff');
    expect(data.segments.map((s) => `${s.name}=${s.selector}`)).toEqual(['es=16', 'cs=27', 'ss=35', 'ds=16', 'fs=16', 'gs=16', 'tr=40', 'ldtr=0']);
    expect(data.control[0].set).toContain('PE');
  });

  it('leaves EIP unnamed without debug information', () => {
    expect(decodeRegisters(CPU, null).eip.symbol).toBe('');
  });
});
