// GDT decoding on descriptors as kernels write them: flat code and data, user segments, a TSS, a 16-bit segment.
import { describe, expect, it } from 'vitest';
import { decodeGdt } from './gdt.js';

function gdtOf(quads: bigint[]): Uint8Array {
  const bytes = new Uint8Array(quads.length * 8);
  const view = new DataView(bytes.buffer);
  quads.forEach((quad, i) => view.setBigUint64(i * 8, quad, true));
  return bytes;
}

const TABLE = gdtOf([
  0n,
  0x00cf9a000000ffffn, // 0x08 kernel code
  0x00cf92000000ffffn, // 0x10 kernel data
  0x00cffb000000ffffn, // 0x18 user code, accessed
  0x00cff2000000ffffn, // 0x20 user data
  0x0000_8b00_7000_0067n, // 0x28 busy 32-bit TSS at 0x7000
  0x00009a0f0000ffffn, // 0x30 16-bit code at 0x0f0000, byte granular
  0x0000000000000000n, // 0x38 empty (not present)
]);

describe('decodeGdt', () => {
  const rows = decodeGdt(TABLE, TABLE.length - 1);

  it('decodes flat code and data segments like Bochs', () => {
    expect(rows[0]).toMatchObject({ kind: 'null', bochs: 'gdt[0x0000]=Null entry' });
    expect(rows[1]).toMatchObject({ selector: 8, kind: 'code', base: 0, limit: 0xffffffff, dpl: 0, present: true });
    expect(rows[1].bochs).toBe('gdt[0x0008]=Code segment, base=0x00000000, limit=0xffffffff, Execute/Read, 32-bit, DPL=0');
    expect(rows[2].bochs).toBe('gdt[0x0010]=Data segment, base=0x00000000, limit=0xffffffff, Read/Write, DPL=0');
    expect(rows[3]).toMatchObject({ kind: 'code', dpl: 3, access: 'Execute/Read, Accessed' });
    expect(rows[4]).toMatchObject({ kind: 'data', dpl: 3 });
    expect(rows[1].flags).toEqual({ granularity: true, defaultBig: true, long: false, available: false });
  });

  it('decodes a TSS and a byte-granular 16-bit segment', () => {
    expect(rows[5]).toMatchObject({ kind: 'tss', base: 0x7000, limit: 0x67, access: '32-Bit TSS (Busy)' });
    expect(rows[5].bochs).toBe('gdt[0x0028]=32-Bit TSS (Busy), base=0x00007000, limit=0x00000067, DPL=0');
    expect(rows[6]).toMatchObject({ kind: 'code', base: 0x0f0000, limit: 0xffff });
    expect(rows[6].bochs).toContain('16-bit');
    expect(rows[7]).toMatchObject({ kind: 'reserved', present: false });
  });

  it('reads only what GDTR’s limit covers', () => {
    expect(decodeGdt(TABLE, 3 * 8 - 1)).toHaveLength(3);
    expect(decodeGdt(TABLE, 0)).toHaveLength(0);
  });
});
