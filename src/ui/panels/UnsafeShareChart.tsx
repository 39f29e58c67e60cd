/**
 * @fileoverview The unsafe panel's picture: one horizontal bar per module
 * (its unsafe share), a tick on each bar at the share of the paper's crate
 * that does the module's job, the kernel's total as the last bar, and two
 * vertical lines across all bars: the 5 % target and the paper's 3.27 %.
 * A click on a bar does what a click on the table row does.
 *
 * Pipeline place: drawn by `unsafe-panel.tsx` from `unsafeTables`' rows.
 */
import type { ModuleRow, UnsafeTables } from './unsafe-tables.js';

const ROW_PX = 16;
const LABEL_PX = 96;
const BAR_AREA_PX = 360;
const VALUE_PX = 56;
const AXIS_PX = 18;

/** The share axis ends a little past the largest share (or the target), at a whole percent. */
function axisMaxPct(tables: UnsafeTables): number {
  const shares = tables.modules.flatMap((row) => [row.sharePct, row.paper.sharePct]);
  return Math.ceil(Math.max(tables.targetPct, tables.total.sharePct, ...shares) * 1.05);
}

export function UnsafeShareChart({ tables, onSelect }: { tables: UnsafeTables; onSelect: (row: ModuleRow) => void }) {
  const maxPct = axisMaxPct(tables);
  const x = (pct: number) => LABEL_PX + (pct / maxPct) * BAR_AREA_PX;
  const height = (tables.modules.length + 1) * ROW_PX + AXIS_PX;
  const barsBottom = height - AXIS_PX;
  const marker = (pct: number, label: string, className: string, anchorEnd: boolean) => (
    <g className={className}>
      <line x1={x(pct)} x2={x(pct)} y1={0} y2={barsBottom} />
      <text x={x(pct) + (anchorEnd ? -3 : 3)} y={barsBottom + 12} textAnchor={anchorEnd ? 'end' : 'start'}>
        {label}
      </text>
    </g>
  );
  return (
    <svg
      className="unsafe-chart"
      data-testid="unsafe-chart"
      width={LABEL_PX + BAR_AREA_PX + VALUE_PX}
      height={height}
      role="img"
      aria-label={`Unsafe share per module; total ${tables.total.sharePct} %, target ${tables.targetPct} %, paper ${tables.paperTotal.sharePct} %`}
    >
      {tables.modules.map((row, index) => (
        <g key={row.module} className="unsafe-bar" data-module={row.module} transform={`translate(0 ${index * ROW_PX})`} onClick={() => onSelect(row)}>
          <title>{`${row.label}: ${row.unsafeLoc} of ${row.loc} lines unsafe (${row.sharePct} %); paper's ${row.paper.crate}: ${row.paper.sharePct} %`}</title>
          <text x={LABEL_PX - 6} y={ROW_PX - 4} textAnchor="end">
            {row.label}
          </text>
          <rect className={row.sharePct > tables.targetPct ? 'bar over-target' : 'bar'} x={LABEL_PX} y={3} width={x(row.sharePct) - LABEL_PX} height={ROW_PX - 6} />
          <line className="paper-tick" x1={x(row.paper.sharePct)} x2={x(row.paper.sharePct)} y1={1} y2={ROW_PX - 1} />
          <text className="value" x={LABEL_PX + BAR_AREA_PX + 4} y={ROW_PX - 4}>
            {row.sharePct.toFixed(2)} %
          </text>
        </g>
      ))}
      <g className="unsafe-bar total" transform={`translate(0 ${tables.modules.length * ROW_PX})`}>
        <text x={LABEL_PX - 6} y={ROW_PX - 4} textAnchor="end">
          Total
        </text>
        <rect className="bar total-bar" x={LABEL_PX} y={3} width={x(tables.total.sharePct) - LABEL_PX} height={ROW_PX - 6} />
        <text className="value" x={LABEL_PX + BAR_AREA_PX + 4} y={ROW_PX - 4}>
          {tables.total.sharePct.toFixed(2)} %
        </text>
      </g>
      {marker(tables.paperTotal.sharePct, `paper ${tables.paperTotal.sharePct} %`, 'paper-line', true)}
      {marker(tables.targetPct, `target ${tables.targetPct} %`, 'target-line', false)}
    </svg>
  );
}
