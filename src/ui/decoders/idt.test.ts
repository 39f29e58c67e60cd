// IDT decoding on a hand-built table: names, gate types, selectors, DPL, present bits, handlers → symbols, the limit.
import { describe, expect, it } from 'vitest';
import { DebugSymbols, type DebugInfo } from './debug-symbols.js';
import { decodeIdt } from './idt.js';

/** An 8-byte gate: offset split around the selector and the type/attribute byte (Intel SDM 6.11). */
function gate(table: DataView, vector: number, handler: number, selector: number, attributes: number): void {
  table.setUint32(vector * 8, (handler & 0xffff) | (selector << 16), true);
  table.setUint32(vector * 8 + 4, (handler & 0xffff0000) | (attributes << 8), true);
}

function table(vectors: number): { bytes: Uint8Array; view: DataView } {
  const bytes = new Uint8Array(vectors * 8);
  return { bytes, view: new DataView(bytes.buffer) };
}

const INFO = {
  version: 1,
  entry: 0x200000,
  textStart: 0x200000,
  textEnd: 0x203000,
  dataStart: 0x100000,
  files: ['arch/x86/interrupts.ts'],
  functions: [{ index: 3, name: 'arch/x86/interrupts/interrupt_handler', start: 0x202000, end: 0x202100, file: 0, line: 88 }],
  lines: [],
  globals: [],
  tables: [],
  memory: { base: 0, initialPages: 1, maxPages: 1, sizeVariable: 0x100000 },
  data: [],
  runtime: { isr_stubs: 0x200000, isr_common: 0x201000 },
} satisfies DebugInfo;

describe('decodeIdt', () => {
  it('gives 256 rows named by vector, with gate type, selector, DPL, present bit and Bochs line', () => {
    const { bytes, view } = table(256);
    gate(view, 14, 0x001012f0, 0x08, 0x8e);
    gate(view, 3, 0x00101300, 0x08, 0xef);
    gate(view, 0x80, 0x00101400, 0x08, 0xef);
    gate(view, 32, 0x00101500, 0x08, 0x0e); // not present
    gate(view, 8, 0, 0x28, 0x85); // task gate to the TSS at 0x28
    const rows = decodeIdt(bytes, 256 * 8 - 1, null);
    expect(rows).toHaveLength(256);
    expect(rows[14]).toMatchObject({ name: 'Page Fault', kind: 'exception', gateType: '32-Bit Interrupt Gate', selector: 8, dpl: 0, present: true, handler: 0x1012f0 });
    expect(rows[14].bochs).toBe('IDT[0x0e]=32-Bit Interrupt Gate target=0x0008:0x001012f0, DPL=0');
    expect(rows[3]).toMatchObject({ name: 'Breakpoint', gateType: '32-Bit Trap Gate', dpl: 3 });
    expect(rows[0x80]).toMatchObject({ name: 'System Call', kind: 'syscall', gateType: '32-Bit Trap Gate', dpl: 3, present: true });
    expect(rows[32]).toMatchObject({ name: 'IRQ 0', device: 'PIT timer', present: false });
    expect(rows[47].name).toBe('IRQ 15');
    expect(rows[8]).toMatchObject({ name: 'Double Fault', gateType: 'Task Gate', selector: 0x28 });
    expect(rows[0].name).toBe('Divide Error');
    expect(rows[13].name).toBe('General Protection');
    expect(rows[1]).toMatchObject({ present: false, gateType: '(invalid type 0)' });
  });

  it('marks vectors beyond IDTR’s limit as outside the table', () => {
    const { bytes, view } = table(256);
    gate(view, 40, 0x101000, 0x08, 0x8e);
    const rows = decodeIdt(bytes, 32 * 8 - 1, null);
    expect(rows[31].inTable).toBe(true);
    expect(rows[32].inTable).toBe(false);
    expect(rows[40]).toMatchObject({ inTable: false, present: false });
  });

  it('names a runtime entry stub and the kernel function it dispatches to', () => {
    const { bytes, view } = table(256);
    gate(view, 14, 0x200000 + 14 * 16, 0x08, 0x8e);
    const row = decodeIdt(bytes, 256 * 8 - 1, new DebugSymbols(INFO))[14];
    expect(row.symbol).toBe('runtime:isr_stubs+0xe0');
    expect(row.dispatch).toEqual({ name: 'arch/x86/interrupts/interrupt_handler', offset: 0, file: 'arch/x86/interrupts.ts', line: 88 });
  });
});
