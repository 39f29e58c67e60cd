/**
 * @fileoverview Reads the kernel's `bench` output (src/kernel/bench/index.ts)
 * back from the COM1 log: the last "Table 3:" block, its rows as numbers
 * (eduOS-ts ticks per operation beside the paper's Linux, HermitCore and
 * RustyHermit cycles), and the closing int 0x80 / function-call getpid
 * ratio line, which marks the run as complete. Pure, so it is unit-tested on
 * the kernel's text.
 *
 * Pipeline place: the bench panel (`bench-panel.tsx`) parses the serial log
 * with it on every read; a block without its ratio line is a run in
 * progress.
 */

/** The first words of the kernel's header line. */
export const BENCH_HEADER = 'Table 3:';

/** The five rows the kernel prints, in its order (ROW_* in src/kernel/bench/index.ts). */
export const BENCH_ACTIVITIES = [
  'getpid() function call',
  'getpid() int 0x80',
  'sched_yield()',
  'thread creation',
  'page fault handling',
] as const;

export interface BenchRow {
  readonly activity: string;
  /** How many operations the average is over. */
  readonly runs: number;
  /** eduOS-ts: time-stamp-counter ticks per operation (in v86 the counter follows the host clock). */
  readonly eduos: number;
  /** The paper's Table 3: CPU cycles per operation on a Xeon Gold 6132. */
  readonly linux: number;
  readonly hermitCore: number;
  readonly rustyHermit: number;
}

export interface BenchRun {
  /** Where the block starts in the log (the index of "Table 3:"). */
  readonly offset: number;
  /** What the header says the paper's figures are, e.g. "Lankes et al., PLOS'19, Table 3 (Xeon Gold 6132 @2.6 GHz)". */
  readonly paperSource: string;
  /** The rows printed so far. */
  readonly rows: readonly BenchRow[];
  /** The closing line has been printed: every row is there. */
  readonly complete: boolean;
  /** int 0x80 getpid / function-call getpid, as the kernel printed it; null until printed (or printed as "inf"). */
  readonly getpidRatio: number | null;
  /** getpid calls that returned another task's id (0 unless a path is broken); null until printed. */
  readonly wrongGetpidAnswers: number | null;
}

const ROW_PATTERN = /^(.+?)\s+(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s+(\d+)$/;
const RATIO_PATTERN = /^int 0x80 \/ function-call getpid: ([\d.]+|inf)x.*wrong getpid answers: (\d+)/;

/** The last benchmark run in `log` (complete or still printing), or null when `bench` has not printed yet. */
export function parseLastBenchRun(log: string): BenchRun | null {
  const offset = log.lastIndexOf(BENCH_HEADER);
  if (offset === -1) return null;
  const lines = log.slice(offset).split('\n').map((line) => line.replace(/\r$/, ''));
  const paperSource = lines[0].replace(/^.*eduOS-ts beside /, '');
  const rows: BenchRow[] = [];
  let complete = false;
  let getpidRatio: number | null = null;
  let wrongGetpidAnswers: number | null = null;
  // lines[1] is the column header; a last line without its newline is still being printed.
  for (const line of lines.slice(2, -1)) {
    const ratio = RATIO_PATTERN.exec(line);
    if (ratio) {
      complete = true;
      getpidRatio = ratio[1] === 'inf' ? null : Number(ratio[1]);
      wrongGetpidAnswers = Number(ratio[2]);
      break;
    }
    const row = benchRow(line);
    if (!row) break;
    rows.push(row);
  }
  return { offset, paperSource, rows, complete, getpidRatio, wrongGetpidAnswers };
}

function benchRow(line: string): BenchRow | null {
  const match = ROW_PATTERN.exec(line);
  if (!match) return null;
  const [runs, eduos, linux, hermitCore, rustyHermit] = match.slice(2).map(Number);
  return { activity: match[1], runs, eduos, linux, hermitCore, rustyHermit };
}
