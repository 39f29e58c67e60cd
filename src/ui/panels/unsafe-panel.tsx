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
import { useCallback, useState } from 'react';
import type { PaperTable2Row } from '../../toolchain/unsafe/paper-figures.js';
import type { LineCounts, UnsafeReport } from '../../toolchain/unsafe/report-format.js';
import { DataTable, type Column, type RowAttributes } from './DataTable.js';
import { LastResult } from './last-result.js';
import { requestOpenSource } from './open-source.js';
import type { Panel, PanelViewProps } from './panel.js';
import { unsafeTables, type CodeLocation, type ModuleRow, type ReasonRow, type RegionRow, type UnsafeTables } from './unsafe-tables.js';
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

/** A Table 2 row: a module, or the total (no module). */
interface Table2Row {
  readonly module: ModuleRow | null;
  readonly name: string;
  readonly files: number | null;
  readonly counts: LineCounts;
  readonly paper: PaperTable2Row;
  readonly overTarget: boolean;
  readonly selected: boolean;
}

const TABLE2_COLUMNS: readonly Column<Table2Row>[] = [
  { header: 'module', cell: (row) => row.name },
  { header: 'files', cell: (row) => row.files },
  { header: 'LOC', cell: (row) => row.counts.loc },
  { header: 'unsafe', cell: (row) => row.counts.unsafeLoc },
  { header: 'share', cell: (row) => pct(row.counts.sharePct), cellProps: (row) => ({ className: row.overTarget ? 'over-target-text' : undefined }) },
  { header: 'paper crate', cell: (row) => row.paper.crate, className: 'dim' },
  { header: 'LOC', cell: (row) => row.paper.loc, className: 'dim' },
  { header: 'unsafe', cell: (row) => row.paper.louc, className: 'dim' },
  { header: 'share', cell: (row) => pct(row.paper.sharePct), className: 'dim' },
];

const table2Key = (row: Table2Row) => (row.module ? `module ${row.module.module}` : 'total');

function table2Rows(data: UnsafeTables, selected: ModuleRow | undefined): Table2Row[] {
  const modules = data.modules.map((row) => ({
    module: row,
    name: row.label,
    files: row.files,
    counts: row,
    paper: row.paper,
    overTarget: row.sharePct > data.targetPct,
    selected: row === selected,
  }));
  return [...modules, { module: null, name: 'Total', files: null, counts: data.total, paper: data.paperTotal, overTarget: false, selected: false }];
}

function UnsafeView({ data }: PanelViewProps<UnsafePanelData>) {
  const [chosen, setChosen] = useState<string | null>(null);
  const choose = useCallback((row: ModuleRow) => {
    setChosen(row.module);
    open(row.open);
  }, []);
  const table2Props = useCallback(
    ({ module, selected }: Table2Row): RowAttributes =>
      module
        ? {
            'data-module': module.module,
            className: selected ? 'clickable selected' : 'clickable',
            title: module.open ? `open ${module.open.file}:${module.open.line}` : undefined,
            onClick: () => choose(module),
          }
        : { className: 'total-row' },
    [choose],
  );
  if (!data.available) return <p className="dim">No unsafe report for this image (only the kernel's own images, prebuilt or built here, have one).</p>;
  const selected = data.modules.find((row) => row.module === chosen) ?? mostUnsafe(data.modules);
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
      <DataTable columns={TABLE2_COLUMNS} rows={table2Rows(data, selected)} rowKey={table2Key} rowProps={table2Props} className="unsafe-modules" />
      {selected && <ModuleReasons row={selected} />}
    </div>
  );
}

const REASON_COLUMNS: readonly Column<ReasonRow>[] = [
  { header: 'reason (@unsafe)', cell: (reason) => reason.reason },
  { header: 'regions', cell: (reason) => reason.regions },
  { header: 'lines', cell: (reason) => reason.unsafeLoc },
];

const reasonKey = (reason: ReasonRow) => reason.reason;
const reasonProps = (reason: ReasonRow): RowAttributes => ({
  className: 'clickable',
  title: `open ${reason.open.file}:${reason.open.line}`,
  onClick: () => open(reason.open),
});

const REGION_COLUMNS: readonly Column<RegionRow>[] = [
  { header: 'region', cell: (region) => region.name },
  { header: 'where', cell: (region) => `${region.file}:${region.startLine}–${region.endLine}` },
  { header: 'lines', cell: (region) => region.unsafeLoc },
  { header: 'operations', cell: (region) => region.operations },
];

const regionKey = (region: RegionRow) => `${region.file}:${region.startLine}`;
const regionProps = (region: RegionRow): RowAttributes => ({
  className: 'clickable',
  'data-region': region.name,
  title: region.reason,
  onClick: () => open({ file: region.file, line: region.startLine }),
});

/** Table 1 for one module: its reasons and regions (click to open), and the paper's reasons for the same job. */
function ModuleReasons({ row }: { row: ModuleRow }) {
  return (
    <section data-testid="unsafe-reasons" data-module={row.module}>
      <h3>Table 1: the unsafe code in {row.label}, and why</h3>
      {row.reasons.length === 0 ? (
        <p className="dim">No unsafe code.</p>
      ) : (
        <DataTable columns={REASON_COLUMNS} rows={row.reasons} rowKey={reasonKey} rowProps={reasonProps} />
      )}
      <p className="dim">
        Paper, Table 1:{' '}
        {row.paperReasons.length === 0
          ? 'no matching part of RustyHermit.'
          : row.paperReasons.map((paper) => `${paper.module}: ${paper.reasons.join('; ')}`).join(' · ')}
      </p>
      {row.regions.length > 0 && <DataTable columns={REGION_COLUMNS} rows={row.regions} rowKey={regionKey} rowProps={regionProps} />}
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
