/**
 * @fileoverview The `unsafe` panel: how much of eduOS-ts is unsafe code and
 * why, next to the seed paper's numbers — a bar per module (share %) with the
 * 5 % target and the paper's 3.27 % marked, the paper's Table 2 for the
 * kernel (LOC, unsafe LOC, share per module beside the matching crate), and
 * Table 1 for the chosen module (its `@unsafe` reasons and regions beside
 * the paper's reasons). A click on a module, reason or region opens its code
 * in the editor.
 *
 * Pipeline place: a `Panel` (see `panel.ts`) over the snapshot source's
 * unsafe report — the last good build's, or public/images/eduos.unsafe.json
 * for the prebuilt image — turned into rows by `unsafe-tables.ts`. A failed
 * build does not change it: the machine still runs the last good image.
 */
import { useState } from 'react';
import type { UnsafeReport } from '../../toolchain/unsafe/report-format.js';
import { LastResult } from './last-result.js';
import { requestOpenSource } from './open-source.js';
import type { Panel, PanelViewProps } from './panel.js';
import { unsafeTables, type CodeLocation, type ModuleRow, type UnsafeTables } from './unsafe-tables.js';
import { UnsafeShareChart } from './UnsafeShareChart.js';

export type UnsafePanelData = (UnsafeTables & { readonly available: true }) | { readonly available: false };

function open(location: CodeLocation | null): void {
  if (location) requestOpenSource(location);
}

function pct(value: number): string {
  return `${value.toFixed(2)} %`;
}

/** The module Table 1 shows until the user picks one. */
function mostUnsafe(rows: readonly ModuleRow[]): ModuleRow | undefined {
  return rows.reduce<ModuleRow | undefined>((best, row) => (!best || row.unsafeLoc > best.unsafeLoc ? row : best), undefined);
}

function UnsafeView({ data }: PanelViewProps<UnsafePanelData>) {
  const [chosen, setChosen] = useState<string | null>(null);
  if (!data.available) return <p className="dim">No unsafe report for this image (only the kernel's own images, prebuilt or built here, have one).</p>;
  const selected = data.modules.find((row) => row.module === chosen) ?? mostUnsafe(data.modules);
  const choose = (row: ModuleRow) => {
    setChosen(row.module);
    open(row.open);
  };
  return (
    <div className="unsafe-panel">
      <p className="panel-summary" data-testid="unsafe-total">
        <strong>Total {pct(data.total.sharePct)}</strong> unsafe: {data.total.unsafeLoc} of {data.total.loc} lines of code{' '}
        <span className={data.withinTarget ? 'within-target' : 'over-target-text'}>
          {data.withinTarget ? `within the ${data.targetPct} % target` : `above the ${data.targetPct} % target`}
        </span>
        <span className="dim"> · paper (RustyHermit and its crates): {pct(data.paperTotal.sharePct)}</span>
      </p>
      <UnsafeShareChart tables={data} onSelect={choose} />
      <h3>Table 2: lines of code and of unsafe code (click a module to open its code)</h3>
      <table className="panel-table mono unsafe-modules">
        <thead>
          <tr>
            <th>module</th>
            <th>files</th>
            <th>LOC</th>
            <th>unsafe</th>
            <th>share</th>
            <th>paper crate</th>
            <th>LOC</th>
            <th>unsafe</th>
            <th>share</th>
          </tr>
        </thead>
        <tbody>
          {data.modules.map((row) => (
            <tr
              key={row.module}
              data-module={row.module}
              className={row === selected ? 'clickable selected' : 'clickable'}
              title={row.open ? `open ${row.open.file}:${row.open.line}` : undefined}
              onClick={() => choose(row)}
            >
              <td>{row.module}</td>
              <td>{row.files}</td>
              <td>{row.loc}</td>
              <td>{row.unsafeLoc}</td>
              <td className={row.sharePct > data.targetPct ? 'over-target-text' : undefined}>{pct(row.sharePct)}</td>
              <td className="dim">{row.paper.crate}</td>
              <td className="dim">{row.paper.loc}</td>
              <td className="dim">{row.paper.louc}</td>
              <td className="dim">{pct(row.paper.sharePct)}</td>
            </tr>
          ))}
          <tr className="total-row">
            <td>Total</td>
            <td />
            <td>{data.total.loc}</td>
            <td>{data.total.unsafeLoc}</td>
            <td>{pct(data.total.sharePct)}</td>
            <td className="dim">{data.paperTotal.crate}</td>
            <td className="dim">{data.paperTotal.loc}</td>
            <td className="dim">{data.paperTotal.louc}</td>
            <td className="dim">{pct(data.paperTotal.sharePct)}</td>
          </tr>
        </tbody>
      </table>
      {selected && <ModuleReasons row={selected} />}
    </div>
  );
}

/** Table 1 for one module: its reasons and regions (click to open), and the paper's reasons for the same job. */
function ModuleReasons({ row }: { row: ModuleRow }) {
  return (
    <section data-testid="unsafe-reasons" data-module={row.module}>
      <h3>Table 1: why {row.module} needs unsafe code</h3>
      {row.reasons.length === 0 ? (
        <p className="dim">No unsafe code.</p>
      ) : (
        <table className="panel-table mono">
          <thead>
            <tr>
              <th>reason (@unsafe)</th>
              <th>regions</th>
              <th>lines</th>
            </tr>
          </thead>
          <tbody>
            {row.reasons.map((reason) => (
              <tr key={reason.reason} className="clickable" title={`open ${reason.open.file}:${reason.open.line}`} onClick={() => open(reason.open)}>
                <td>{reason.reason}</td>
                <td>{reason.regions}</td>
                <td>{reason.unsafeLoc}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="dim">
        Paper, Table 1:{' '}
        {row.paperReasons.length === 0
          ? 'no matching part of RustyHermit.'
          : row.paperReasons.map((paper) => `${paper.module}: ${paper.reasons.join('; ')}`).join(' · ')}
      </p>
      {row.regions.length > 0 && (
        <table className="panel-table mono">
          <thead>
            <tr>
              <th>region</th>
              <th>where</th>
              <th>lines</th>
              <th>operations</th>
            </tr>
          </thead>
          <tbody>
            {row.regions.map((region) => (
              <tr
                key={`${region.file}:${region.startLine}`}
                className="clickable"
                data-region={region.name}
                title={region.reason}
                onClick={() => open({ file: region.file, line: region.startLine })}
              >
                <td>{region.name}</td>
                <td>
                  {region.file}:{region.startLine}–{region.endLine}
                </td>
                <td>{region.unsafeLoc}</td>
                <td>{region.operations}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

const lastRead = new LastResult<UnsafePanelData>();

export const unsafePanel: Panel<UnsafePanelData> = {
  id: 'unsafe',
  title: 'Unsafe',
  read({ unsafeReport }) {
    const report: UnsafeReport | null = unsafeReport ?? null;
    return lastRead.get([report], () => (report ? { available: true, ...unsafeTables(report) } : { available: false }));
  },
  View: UnsafeView,
};
