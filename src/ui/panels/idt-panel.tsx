/**
 * @fileoverview The `idt` panel: the 256 vectors of the table IDTR points
 * at — name (exception, IRQ, system call), gate type, selector, DPL, present
 * bit and handler address → symbol → source line (a click opens it), Bochs's
 * `info idt` line as each row's tooltip, and each vector's hits: entries
 * into the kernel's interrupt handler since boot, from eduOS-ts's per-vector
 * counters (with the growth since the last pause).
 *
 * Pipeline place: a `Panel` (see `panel.ts`) over `decodeIdt`; the table is
 * read through the paging translation because IDTR holds a linear address.
 * The hits come from the introspection descriptor (`readVectorCounts`).
 */
import { memo, useState } from 'react';
import type { TableRegister } from '../decoders/cpu-state.js';
import { hex } from '../decoders/cpu-state.js';
import { decodeIdt, GATE_BYTES, IDT_VECTORS, type IdtRow } from '../decoders/idt.js';
import { readVectorCounts } from '../decoders/kernel-descriptor.js';
import { readLinear } from '../decoders/page-translate.js';
import { DataTable, type Column, type RowAttributes } from './DataTable.js';
import { LastResult } from './last-result.js';
import { SourceLink } from './SourceLink.js';
import type { Panel, PanelViewProps } from './panel.js';

export interface IdtPanelData {
  readonly idtr: TableRegister;
  readonly presentCount: number;
  readonly rows: IdtRow[];
  /** Entries into the kernel's interrupt handler per vector since boot; null when the kernel keeps no counters. */
  readonly hits: number[] | null;
  /** The hits at the last pause (null before the first pause or without counters). */
  readonly hitsAtPause: number[] | null;
}

/** A row of the view: the decoded gate and its hits (the gates rarely change, the hits every tick). */
interface VectorRow {
  readonly gate: IdtRow;
  readonly hits: number | undefined;
  readonly atPause: number | undefined;
}

function growth({ hits, atPause }: VectorRow): number {
  return hits === undefined || atPause === undefined ? 0 : (hits - atPause) >>> 0;
}

/** Widths fit the longest texts: "SIMD Floating-Point Exception", "(invalid type 15, S=1)", counts into the billions, stub → dispatcher (source). */
const COLUMNS: readonly Column<VectorRow>[] = [
  { header: 'vec', width: '6ch', cell: ({ gate }) => hex(gate.vector, 2) },
  {
    header: 'name',
    width: '32ch',
    cell: ({ gate }) => (
      <>
        {gate.name}
        {gate.device && <span className="dim"> ({gate.device})</span>}
      </>
    ),
  },
  { header: 'gate', width: '25ch', cell: ({ gate }) => (gate.inTable ? gate.gateType : 'beyond limit') },
  { header: 'selector', width: '10ch', cell: ({ gate }) => (gate.inTable ? hex(gate.selector, 4) : '') },
  { header: 'DPL', width: '5ch', cell: ({ gate }) => (gate.inTable ? gate.dpl : '') },
  { header: 'P', width: '3ch', cell: ({ gate }) => (gate.present ? 'P' : '-') },
  {
    header: 'hits',
    className: 'hits',
    width: '15ch',
    cell: ({ hits }) => hits?.toLocaleString('en'),
    cellProps: (row) => ({
      className: growth(row) ? 'changed' : undefined,
      title: row.hits === undefined || row.atPause === undefined ? undefined : `+${growth(row)} since the last pause`,
    }),
  },
  { header: 'handler', width: '12ch', cell: ({ gate }) => (gate.inTable ? hex(gate.handler) : '') },
  {
    header: 'symbol',
    width: '110ch',
    cell: ({ gate }) => (
      <>
        <SourceLink symbol={gate.handlerSymbol} text={gate.symbol} />
        {gate.dispatch && (
          <>
            {' → '}
            <SourceLink symbol={gate.dispatch} text={`${gate.dispatch.name} (${gate.dispatch.file}:${gate.dispatch.line})`} />
          </>
        )}
      </>
    ),
  },
];

const vectorKey = (row: VectorRow) => row.gate.vector;
const vectorProps = ({ gate }: VectorRow): RowAttributes => ({ 'data-vector': gate.vector, title: gate.bochs, className: gate.present ? undefined : 'dim' });

/**
 * The "present only" checkbox, memoized: React sets an input's type and name again whenever it renders it, and
 * the summary around it renders on every live refresh (the hit counts).
 */
const PresentOnlyOption = memo(function PresentOnlyOption({ checked, onChange }: { checked: boolean; onChange: (checked: boolean) => void }) {
  return (
    <label className="panel-option">
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} /> present only
    </label>
  );
});

function IdtView({ data }: PanelViewProps<IdtPanelData>) {
  const [presentOnly, setPresentOnly] = useState(false);
  const gates = presentOnly ? data.rows.filter((r) => r.present) : data.rows;
  const rows = gates.map((gate) => ({ gate, hits: data.hits?.[gate.vector], atPause: data.hitsAtPause?.[gate.vector] }));
  return (
    <div className="idt-panel">
      <p className="panel-summary mono">
        IDTR base={hex(data.idtr.base)} limit={hex(data.idtr.limit, 4)} · {data.presentCount} present gates
        {data.idtr.limit === 0 && ' · no IDT loaded yet'}
        {data.hits === null && ' · no hit counters (the kernel publishes none)'}
        <PresentOnlyOption checked={presentOnly} onChange={setPresentOnly} />
      </p>
      <DataTable columns={COLUMNS} rows={rows} rowKey={vectorKey} rowProps={vectorProps} fixedRows />
    </div>
  );
}

/** The decoded gates (the hits change every tick, the gates rarely). */
const lastRead = new LastResult<Omit<IdtPanelData, 'hits' | 'hitsAtPause'>>();

export const idtPanel: Panel<IdtPanelData> = {
  id: 'idt',
  title: 'IDT',
  read({ hardware, symbols }, baseline) {
    const cpu = hardware.cpu();
    const length = Math.min(cpu.idtr.limit + 1, IDT_VECTORS * GATE_BYTES);
    const table = cpu.idtr.limit > 0 ? readLinear(cpu.idtr.base, length, cpu, hardware.readPhysical) : new Uint8Array(0);
    const gates = lastRead.get([table, cpu.idtr.base, cpu.idtr.limit, symbols], () => {
      const rows = decodeIdt(table, cpu.idtr.limit, symbols);
      return { idtr: cpu.idtr, presentCount: rows.filter((r) => r.present).length, rows };
    });
    return { ...gates, hits: readVectorCounts(hardware.readPhysical), hitsAtPause: baseline?.hits ?? null };
  },
  View: IdtView,
};
