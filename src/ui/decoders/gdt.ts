/**
 * @fileoverview Decodes the Global Descriptor Table read through GDTR,
 * Bochs style: one row per descriptor with selector, base, limit (scaled by
 * the granularity bit), kind (code, data, TSS, LDT, gate), access rights,
 * DPL and flags, and Bochs's `info gdt` line
 * (`gdt[0x0008]=Code segment, base=0x00000000, limit=0xffffffff, Execute/Read, Accessed, 32-bit`).
 *
 * Pipeline place: pure; the GDT panel reads the table's bytes from the
 * machine and hands them here.
 */
import { hex } from './cpu-state.js';
import { rawDescriptor, SYSTEM_TYPE_NAMES, type RawDescriptor } from './descriptor.js';

export const DESCRIPTOR_BYTES = 8;

export type DescriptorKind = 'null' | 'code' | 'data' | 'tss' | 'ldt' | 'gate' | 'reserved';

export interface GdtRow {
  readonly index: number;
  /** The selector that loads this descriptor with RPL 0. */
  readonly selector: number;
  readonly kind: DescriptorKind;
  readonly base: number;
  /** The last valid offset: the 20-bit limit, scaled to 4 KiB units when G is set. */
  readonly limit: number;
  /** Bochs's words for the type, e.g. "Execute/Read, Accessed" or "32-Bit TSS (Busy)". */
  readonly access: string;
  readonly dpl: number;
  readonly present: boolean;
  /** G (4 KiB granularity), D/B (32-bit), L (64-bit code), AVL (free for the OS). */
  readonly flags: { readonly granularity: boolean; readonly defaultBig: boolean; readonly long: boolean; readonly available: boolean };
  readonly bochs: string;
  readonly low: number;
  readonly high: number;
}

function codeAccess(type: number): string {
  const words = [type & 0x2 ? 'Execute/Read' : 'Execute-Only'];
  if (type & 0x4) words.push('Conforming');
  if (type & 0x1) words.push('Accessed');
  return words.join(', ');
}

function dataAccess(type: number): string {
  const words = [type & 0x2 ? 'Read/Write' : 'Read-Only'];
  if (type & 0x4) words.push('Expand-down');
  if (type & 0x1) words.push('Accessed');
  return words.join(', ');
}

function kindOf(index: number, d: RawDescriptor): DescriptorKind {
  if (index === 0) return 'null';
  if (d.codeOrData) return d.type & 0x8 ? 'code' : 'data';
  const name = SYSTEM_TYPE_NAMES[d.type];
  if (!name) return 'reserved';
  if (name.includes('TSS')) return 'tss';
  return name === 'LDT' ? 'ldt' : 'gate';
}

function describe(kind: DescriptorKind, d: RawDescriptor, base: number, limit: number, defaultBig: boolean): string {
  const range = `base=${hex(base)}, limit=${hex(limit)}`;
  switch (kind) {
    case 'null':
      return 'Null entry';
    case 'code':
      return `Code segment, ${range}, ${codeAccess(d.type)}, ${defaultBig ? '32-bit' : '16-bit'}`;
    case 'data':
      return `Data segment, ${range}, ${dataAccess(d.type)}`;
    case 'tss':
    case 'ldt':
      return `${SYSTEM_TYPE_NAMES[d.type]}, ${range}`;
    case 'gate':
      return SYSTEM_TYPE_NAMES[d.type];
    case 'reserved':
      return `??? descriptor hi=${hex(d.high)}, lo=${hex(d.low)}`;
  }
}

function decodeDescriptor(table: Uint8Array, index: number): GdtRow {
  const d = rawDescriptor(table, index * DESCRIPTOR_BYTES);
  const base = ((d.low >>> 16) | ((d.high & 0xff) << 16) | (d.high & 0xff000000)) >>> 0;
  const rawLimit = (d.low & 0xffff) | (d.high & 0x000f0000);
  const granularity = ((d.high >>> 23) & 1) === 1;
  const flags = {
    granularity,
    defaultBig: ((d.high >>> 22) & 1) === 1,
    long: ((d.high >>> 21) & 1) === 1,
    available: ((d.high >>> 20) & 1) === 1,
  };
  const limit = (granularity ? (rawLimit << 12) | 0xfff : rawLimit) >>> 0;
  const kind = kindOf(index, d);
  const access = kind === 'code' ? codeAccess(d.type) : kind === 'data' ? dataAccess(d.type) : (SYSTEM_TYPE_NAMES[d.type] ?? '');
  const text = describe(kind, d, base, limit, flags.defaultBig);
  const notPresent = kind !== 'null' && !d.present ? ', not present' : '';
  return {
    index,
    selector: index * DESCRIPTOR_BYTES,
    kind,
    base,
    limit,
    access: kind === 'null' ? '' : access,
    dpl: d.dpl,
    present: d.present,
    flags,
    bochs: `gdt[${hex(index * DESCRIPTOR_BYTES, 4)}]=${text}${kind === 'null' ? '' : `, DPL=${d.dpl}`}${notPresent}`,
    low: d.low,
    high: d.high,
  };
}

/** Decodes the descriptors of the GDT `table` (bytes at GDTR's base) that GDTR's `limit` covers. */
export function decodeGdt(table: Uint8Array, limit: number): GdtRow[] {
  const count = Math.min(Math.floor((limit + 1) / DESCRIPTOR_BYTES), Math.floor(table.length / DESCRIPTOR_BYTES));
  return Array.from({ length: count }, (_, index) => decodeDescriptor(table, index));
}
