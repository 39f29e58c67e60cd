/**
 * @fileoverview The bench panel's picture of Table 3: per activity, one bar
 * each for eduOS-ts (in v86) and the paper's Linux, HermitCore and
 * RustyHermit, on a logarithmic axis — the figures span five orders of
 * magnitude (13 cycles for HermitCore's getpid, over a million ticks for a
 * thread in v86), so only a log scale shows them all.
 *
 * Pipeline place: drawn by `bench-panel.tsx` from `parseLastBenchRun`'s rows.
 */
import type { BenchRow } from './bench-output.js';

export const BENCH_SERIES = [
  { key: 'eduos', label: 'eduOS-ts (v86, ticks)', colour: '#7ee787' },
  { key: 'linux', label: 'Linux (paper)', colour: '#ff7b72' },
  { key: 'hermitCore', label: 'HermitCore (paper)', colour: '#79c0ff' },
  { key: 'rustyHermit', label: 'RustyHermit (paper)', colour: '#d2a8ff' },
] as const;

const LABEL_PX = 150;
const AXIS_WIDTH_PX = 380;
const VALUE_PX = 70;
const BAR_PX = 7;
const GROUP_GAP_PX = 8;
const AXIS_PX = 20;
/** Room above the first bar for its value label. */
const TOP_PX = 8;

/** log10 of the axis' end: the first power of ten above every value (at least 10^4, the paper's range). */
function topDecade(rows: readonly BenchRow[]): number {
  const largest = Math.max(1, ...rows.flatMap((row) => BENCH_SERIES.map((series) => row[series.key])));
  return Math.max(4, Math.ceil(Math.log10(largest + 1)));
}

function decadeLabel(decade: number): string {
  return decade >= 6 ? `10^${decade}` : String(10 ** decade).replace(/000$/, 'k');
}

export function BenchChart({ rows }: { rows: readonly BenchRow[] }) {
  const decades = topDecade(rows);
  const x = (value: number) => LABEL_PX + (value <= 1 ? 0 : (Math.log10(value) / decades) * AXIS_WIDTH_PX);
  const groupPx = BENCH_SERIES.length * BAR_PX + GROUP_GAP_PX;
  const barsBottom = TOP_PX + rows.length * groupPx;
  const height = barsBottom + AXIS_PX;
  return (
    <figure className="bench-chart">
      <svg data-testid="bench-chart" width={LABEL_PX + AXIS_WIDTH_PX + VALUE_PX} height={height} role="img" aria-label="Table 3, log scale">
        {Array.from({ length: decades + 1 }, (_, decade) => (
          <g key={decade} className="decade">
            <line x1={x(10 ** decade)} x2={x(10 ** decade)} y1={TOP_PX} y2={barsBottom} />
            <text x={x(10 ** decade)} y={barsBottom + 13} textAnchor="middle">
              {decadeLabel(decade)}
            </text>
          </g>
        ))}
        {rows.map((row, index) => (
          <g key={row.activity} data-activity={row.activity} transform={`translate(0 ${TOP_PX + index * groupPx})`}>
            <text x={LABEL_PX - 6} y={(BENCH_SERIES.length * BAR_PX) / 2 + 4} textAnchor="end">
              {row.activity}
            </text>
            {BENCH_SERIES.map((series, bar) => (
              <g key={series.key} className="bench-bar" data-series={series.key}>
                <title>{`${row.activity}, ${series.label}: ${row[series.key]}`}</title>
                <rect x={LABEL_PX} y={bar * BAR_PX} width={x(row[series.key]) - LABEL_PX} height={BAR_PX - 1} fill={series.colour} />
                {series.key === 'eduos' && (
                  <text className="value" x={x(row.eduos) + 4} y={bar * BAR_PX + BAR_PX - 1}>
                    {row.eduos}
                  </text>
                )}
              </g>
            ))}
          </g>
        ))}
      </svg>
      <figcaption>
        <ul className="legend">
          {BENCH_SERIES.map((series) => (
            <li key={series.key}>
              <span className="swatch" style={{ background: series.colour }} /> {series.label}
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}
