/**
 * @fileoverview The `idt` panel: the 256 vectors of the table IDTR points
 * at — name (exception, IRQ, system call), gate type, selector, DPL, present
 * bit and handler address → symbol → source line (a click opens it), Bochs's
 * `info idt` line as each row's tooltip.
 *
 * Pipeline place: a `Panel` (see `panel.ts`) over `decodeIdt`; the table is
 * read through the paging translation because IDTR holds a linear address.
 */
import { useState } from 'react';
import type { TableRegister } from '../decoders/cpu-state.js';
import { hex } from '../decoders/cpu-state.js';
import { decodeIdt, GATE_BYTES, IDT_VECTORS, type IdtRow } from '../decoders/idt.js';
import { readLinear } from '../decoders/page-translate.js';
import { LastResult } from './last-result.js';
import { SourceLink } from './SourceLink.js';
import type { Panel, PanelViewProps } from './panel.js';

export interface IdtPanelData {
  readonly idtr: TableRegister;
  readonly presentCount: number;
  readonly rows: IdtRow[];
}

function IdtView({ data }: PanelViewProps<IdtPanelData>) {
  const [presentOnly, setPresentOnly] = useState(false);
  const rows = presentOnly ? data.rows.filter((r) => r.present) : data.rows;
  return (
    <div className="idt-panel">
      <p className="panel-summary mono">
        IDTR base={hex(data.idtr.base)} limit={hex(data.idtr.limit, 4)} · {data.presentCount} present gates
        {data.idtr.limit === 0 && ' · no IDT loaded yet'}
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
            <th>handler</th>
            <th>symbol</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.vector} data-vector={r.vector} title={r.bochs} className={r.present ? undefined : 'dim'}>
              <td>{hex(r.vector, 2)}</td>
              <td>
                {r.name}
                {r.device && <span className="dim"> ({r.device})</span>}
              </td>
              <td>{r.inTable ? r.gateType : 'beyond limit'}</td>
              <td>{r.inTable ? hex(r.selector, 4) : ''}</td>
              <td>{r.inTable ? r.dpl : ''}</td>
              <td>{r.present ? 'P' : '-'}</td>
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
          ))}
        </tbody>
      </table>
    </div>
  );
}

const lastRead = new LastResult<IdtPanelData>();

export const idtPanel: Panel<IdtPanelData> = {
  id: 'idt',
  title: 'IDT',
  read({ hardware, symbols }) {
    const cpu = hardware.cpu();
    const length = Math.min(cpu.idtr.limit + 1, IDT_VECTORS * GATE_BYTES);
    const table = cpu.idtr.limit > 0 ? readLinear(cpu.idtr.base, length, cpu, hardware.readPhysical) : new Uint8Array(0);
    return lastRead.get([table, cpu.idtr.base, cpu.idtr.limit, symbols], () => {
      const rows = decodeIdt(table, cpu.idtr.limit, symbols);
      return { idtr: cpu.idtr, presentCount: rows.filter((r) => r.present).length, rows };
    });
  },
  View: IdtView,
};
