/**
 * @fileoverview The `bench` panel: a "Run benchmarks" button types `bench`
 * into the kernel's shell on COM1; the panel follows the output as the
 * kernel prints it (progress: rows done out of five) and shows the result
 * beside the paper's Table 3 as a log-scale bar chart and a table, with the
 * int 0x80 / function-call getpid ratio against its 20× target. The last
 * complete result stays until the next run finishes — also across reboots.
 *
 * Pipeline place: a `Panel` (see `panel.ts`) over the snapshot source's
 * serial console; the output is parsed by `bench-output.ts` (the format is
 * src/kernel/bench/index.ts's), the chart is `BenchChart.tsx`.
 */
import { useState } from 'react';
import { BENCH_ACTIVITIES, parseLastBenchRun, type BenchRow, type BenchRun } from './bench-output.js';
import { BenchChart } from './BenchChart.js';
import { DataTable, type Column, type RowAttributes } from './DataTable.js';
import { LastResult } from './last-result.js';
import type { Panel, PanelViewProps, SerialConsole } from './panel.js';

/** The shell command, as typed. */
const BENCH_COMMAND = 'bench\n';
/** Issue #3's target for int 0x80 getpid over function-call getpid. */
const GETPID_RATIO_TARGET = 20;

export interface BenchPanelData {
  /** False when the panel cannot type into COM1 (no serial console): the button is off. */
  readonly canRun: boolean;
  /** The last run in COM1's log since boot, complete or still printing; null before the first. */
  readonly run: BenchRun | null;
  /** The last complete run (this boot's or an earlier one's); null before the first finishes. */
  readonly result: BenchRun | null;
  /** Rows the kernel prints per run. */
  readonly rowCount: number;
  readonly getpidRatioTarget: number;
  /** Characters in COM1's log: a run requested at this length has started once `run.offset` reaches it. */
  readonly logLength: number;
  /** Which boot the log is of: a request made in an earlier boot was dropped with its log. */
  readonly boot: number;
}

function BenchView({ data, source }: PanelViewProps<BenchPanelData>) {
  const [request, setRequest] = useState<{ at: number; boot: number } | null>(null);
  const running = data.run !== null && !data.run.complete;
  // Typed, but the kernel has not answered yet (a reboot, which empties the log, drops the request).
  const starting =
    request !== null && request.boot === data.boot && request.at <= data.logLength && (data.run === null || data.run.offset < request.at);
  const shown = running ? data.run : data.result;
  const run = () => {
    setRequest({ at: data.logLength, boot: data.boot });
    source.serial?.send(BENCH_COMMAND);
  };
  return (
    <div className="bench-panel">
      <p className="panel-summary">
        <button type="button" className="primary" data-testid="bench-run" onClick={run} disabled={!data.canRun || running || starting}>
          Run benchmarks
        </button>{' '}
        <span data-testid="bench-progress" data-state={running ? 'running' : starting ? 'starting' : shown ? 'done' : 'none'}>
          {running
            ? `running: ${data.run!.rows.length} of ${data.rowCount} rows done, measuring ${BENCH_ACTIVITIES[data.run!.rows.length] ?? '…'}`
            : starting
              ? 'sent `bench` to the shell…'
              : shown
                ? shown === data.run
                  ? 'done'
                  : 'the last run, before the machine rebooted'
                : 'types `bench` into the shell on COM1 (takes several seconds in v86)'}
        </span>
      </p>
      {shown && <BenchResult run={shown} data={data} />}
    </div>
  );
}

const COLUMNS: readonly Column<BenchRow>[] = [
  { header: 'activity', cell: (row) => row.activity },
  { header: 'runs', cell: (row) => row.runs },
  { header: 'eduOS-ts', cell: (row) => row.eduos },
  { header: 'Linux', cell: (row) => row.linux, className: 'dim' },
  { header: 'HermitCore', cell: (row) => row.hermitCore, className: 'dim' },
  { header: 'RustyHermit', cell: (row) => row.rustyHermit, className: 'dim' },
];

const activityKey = (row: BenchRow) => row.activity;
const activityProps = (row: BenchRow): RowAttributes => ({ 'data-activity': row.activity });

function BenchResult({ run, data }: { run: BenchRun; data: BenchPanelData }) {
  return (
    <>
      {run.getpidRatio !== null && (
        <p className="mono" data-testid="bench-ratio">
          int 0x80 / function-call getpid: <strong>{run.getpidRatio}×</strong>{' '}
          <span className={run.getpidRatio >= data.getpidRatioTarget ? 'within-target' : 'over-target-text'}>
            (target ≥ {data.getpidRatioTarget}×)
          </span>
          {run.wrongGetpidAnswers !== 0 && <span className="over-target-text"> · {run.wrongGetpidAnswers} wrong getpid answers</span>}
        </p>
      )}
      <BenchChart rows={run.rows} />
      <DataTable columns={COLUMNS} rows={run.rows} rowKey={activityKey} rowProps={activityProps} className="bench-table" />
      <p className="dim note">
        eduOS-ts: time-stamp-counter ticks per operation in v86, where the counter follows the host's clock — emulated
        time, not CPU cycles. Paper: CPU cycles, {run.paperSource}. Compare the ratios between rows, not the numbers.
      </p>
    </>
  );
}

/** The last complete run per machine (its serial console), kept when a reboot empties the log. */
const completedRuns = new WeakMap<SerialConsole, BenchRun>();
const lastRead = new LastResult<BenchPanelData>();

function benchData(serial: SerialConsole | undefined): BenchPanelData {
  const text = serial?.text() ?? '';
  const boot = serial?.boot() ?? 0;
  return lastRead.get([serial, text, boot], () => {
    const run = parseLastBenchRun(text);
    if (serial && run?.complete) completedRuns.set(serial, run);
    const result = run?.complete ? run : (serial && completedRuns.get(serial)) || null;
    return { canRun: serial !== undefined, run, result, rowCount: BENCH_ACTIVITIES.length, getpidRatioTarget: GETPID_RATIO_TARGET, logLength: text.length, boot };
  });
}

export const benchPanel: Panel<BenchPanelData> = {
  id: 'bench',
  title: 'Bench',
  read: ({ serial }) => benchData(serial),
  View: BenchView,
};
