/**
 * @fileoverview The `gdt` panel, Bochs `info gdt` style: every descriptor
 * the GDTR limit covers, with selector, kind (code, data, TSS, LDT, gate),
 * base, limit, access rights, DPL and flags; the segment registers that use
 * a descriptor are named beside it.
 *
 * Pipeline place: a `Panel` (see `panel.ts`) over `decodeGdt`; the table is
 * read through the paging translation because GDTR holds a linear address.
 */
import type { TableRegister } from '../decoders/cpu-state.js';
import { hex, SEGMENT_REGISTER_NAMES } from '../decoders/cpu-state.js';
import { decodeGdt, type GdtRow } from '../decoders/gdt.js';
import { readLinear } from '../decoders/page-translate.js';
import { DataTable, type Column, type RowAttributes } from './DataTable.js';
import { LastResult } from './last-result.js';
import type { Panel, PanelViewProps } from './panel.js';

/** GDTR's limit is 16 bits: at most 8192 descriptors. */
const MAX_GDT_BYTES = 0x10000;

export interface GdtPanelData {
  readonly gdtr: TableRegister;
  readonly rows: (GdtRow & { readonly loadedIn: string[] })[];
}

function flagText(row: GdtRow): string {
  const { granularity, defaultBig, long, available } = row.flags;
  return [granularity && 'G', defaultBig && 'D/B', long && 'L', available && 'AVL'].filter(Boolean).join(' ');
}

type GdtViewRow = GdtPanelData['rows'][number];

/** The null descriptor shows no base, limit or DPL. */
const unlessNull = (row: GdtRow, text: () => string | number) => (row.kind === 'null' ? '' : text());

const COLUMNS: readonly Column<GdtViewRow>[] = [
  { header: 'selector', cell: (r) => hex(r.selector, 4) },
  { header: 'kind', cell: (r) => r.kind },
  { header: 'base', cell: (r) => unlessNull(r, () => hex(r.base)) },
  { header: 'limit', cell: (r) => unlessNull(r, () => hex(r.limit)) },
  { header: 'access', cell: (r) => r.access },
  { header: 'DPL', cell: (r) => unlessNull(r, () => r.dpl) },
  { header: 'P', cell: (r) => (r.present ? 'P' : '-') },
  { header: 'flags', cell: flagText },
  { header: 'in', cell: (r) => r.loadedIn.join(' ').toUpperCase() },
];

const rowKey = (r: GdtViewRow) => r.index;
const rowProps = (r: GdtViewRow): RowAttributes => ({ 'data-selector': r.selector, 'data-kind': r.kind, title: r.bochs });

function GdtView({ data }: PanelViewProps<GdtPanelData>) {
  return (
    <div className="gdt-panel">
      <p className="panel-summary mono">
        GDTR base={hex(data.gdtr.base)} limit={hex(data.gdtr.limit, 4)} · {data.rows.length} descriptors
        {data.rows.length === 0 && ' · no GDT loaded (the boot loader’s segments are in use)'}
      </p>
      <DataTable columns={COLUMNS} rows={data.rows} rowKey={rowKey} rowProps={rowProps} />
    </div>
  );
}

const lastRead = new LastResult<GdtPanelData>();

export const gdtPanel: Panel<GdtPanelData> = {
  id: 'gdt',
  title: 'GDT',
  read({ hardware }) {
    const cpu = hardware.cpu();
    const length = Math.min(cpu.gdtr.limit + 1, MAX_GDT_BYTES);
    const table = cpu.gdtr.limit > 0 ? readLinear(cpu.gdtr.base, length, cpu, hardware.readPhysical) : new Uint8Array(0);
    const users = [...SEGMENT_REGISTER_NAMES.map((name) => [name, cpu.segments[name]] as const), ['tr', cpu.tr] as const, ['ldtr', cpu.ldtr] as const];
    return lastRead.get([table, cpu.gdtr.base, cpu.gdtr.limit, ...users.map(([, selector]) => selector)], () => ({
      gdtr: cpu.gdtr,
      rows: decodeGdt(table, cpu.gdtr.limit).map((row) => ({
        ...row,
        loadedIn: row.index === 0 ? [] : users.filter(([, selector]) => selector >>> 3 === row.index && (selector & 4) === 0).map(([name]) => name),
      })),
    }));
  },
  View: GdtView,
};
