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
 * The hits come from the introspection descriptor (`readKernelDescriptor`).
 */
import { memo, useState } from 'react';
import type { TableRegister } from '../decoders/cpu-state.js';
import { hex } from '../decoders/cpu-state.js';
import { decodeIdt, GATE_BYTES, IDT_VECTORS, type IdtRow } from '../decoders/idt.js';
import { readKernelDescriptor } from '../decoders/kernel-descriptor.js';
import { readLinear } from '../decoders/page-translate.js';
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

function HitsCell({ hits, atPause }: { hits: number | undefined; atPause: number | undefined }) {
  if (hits === undefined) return <td className="hits" />;
  const growth = atPause === undefined ? 0 : (hits - atPause) >>> 0;
  return (
    <td className={growth ? 'hits changed' : 'hits'} title={atPause === undefined ? undefined : `+${growth} since the last pause`}>
      {hits.toLocaleString('en')}
    </td>
  );
}

interface IdtRowProps {
  readonly row: IdtRow;
  readonly hits: number | undefined;
  readonly atPause: number | undefined;
}

/** One vector; memoized, so a live refresh re-renders only the rows whose hits changed (the gates rarely do). */
const IdtRowView = memo(function IdtRowView({ row: r, hits, atPause }: IdtRowProps) {
  return (
    <tr data-vector={r.vector} title={r.bochs} className={r.present ? undefined : 'dim'}>
      <td>{hex(r.vector, 2)}</td>
      <td>
        {r.name}
        {r.device && <span className="dim"> ({r.device})</span>}
      </td>
      <td>{r.inTable ? r.gateType : 'beyond limit'}</td>
      <td>{r.inTable ? hex(r.selector, 4) : ''}</td>
      <td>{r.inTable ? r.dpl : ''}</td>
      <td>{r.present ? 'P' : '-'}</td>
      <HitsCell hits={hits} atPause={atPause} />
      <td>{r.inTable ? hex(r.handler) : ''}</td>
      <td>
        <SourceLink symbol={r.handlerSymbol} text={r.symbol} />
        {r.dispatch && (
          <>
            {' → '}
            <SourceLink symbol={r.dispatch} text={`${r.dispatch.name} (${r.dispatch.file}:${r.dispatch.line})`} />
          </>
        )}
      </td>
    </tr>
  );
});

function IdtView({ data }: PanelViewProps<IdtPanelData>) {
  const [presentOnly, setPresentOnly] = useState(false);
  const rows = presentOnly ? data.rows.filter((r) => r.present) : data.rows;
  return (
    <div className="idt-panel">
      <p className="panel-summary mono">
        IDTR base={hex(data.idtr.base)} limit={hex(data.idtr.limit, 4)} · {data.presentCount} present gates
        {data.idtr.limit === 0 && ' · no IDT loaded yet'}
        {data.hits === null && ' · no hit counters (the kernel publishes none)'}
        <label className="panel-option">
          <input type="checkbox" checked={presentOnly} onChange={(e) => setPresentOnly(e.target.checked)} /> present only
        </label>
      </p>
      <table className="panel-table mono">
        <thead>
          <tr>
            <th>vec</th>
            <th>name</th>
            <th>gate</th>
            <th>selector</th>
            <th>DPL</th>
            <th>P</th>
            <th className="hits">hits</th>
            <th>handler</th>
            <th>symbol</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <IdtRowView key={r.vector} row={r} hits={data.hits?.[r.vector]} atPause={data.hitsAtPause?.[r.vector]} />
          ))}
        </tbody>
      </table>
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
    const kernel = readKernelDescriptor(hardware.readPhysical);
    const hits = 'descriptor' in kernel ? kernel.descriptor.vectorCounts : null;
    return { ...gates, hits, hitsAtPause: baseline?.hits ?? null };
  },
  View: IdtView,
};
