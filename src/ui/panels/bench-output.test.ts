// The bench output parser on the kernel's own text (as printed in v86, docs/performance.md): complete runs, runs
// still printing, the last of several runs, CR LF line ends, and logs without a run.
import { describe, expect, it } from 'vitest';
import { BENCH_ACTIVITIES, parseLastBenchRun } from './bench-output.js';

const HEADER = `Table 3: cycles per operation (rdtsc), eduOS-ts beside Lankes et al., PLOS'19, Table 3 (Xeon Gold 6132 @2.6 GHz)
activity                     runs   eduOS-ts    Linux HermitCore RustyHermit
`;
const ROWS = `getpid() function call     200000      12105     1962         13          36
getpid() int 0x80           20000     184602     1962         13          36
sched_yield()               50000      58864     2428        108         233
thread creation               200    1268714     9782       8785        7790
page fault handling          1024    1169465     6969       7718        9061
`;
const RATIO = 'int 0x80 / function-call getpid: 15.3x (target >= 20x); wrong getpid answers: 0\n';
const PROMPT = 'eduos> ';

describe('parseLastBenchRun', () => {
  it('reads every row and the ratio of a complete run', () => {
    const log = `eduOS-ts 0.1.0 booting\n${PROMPT}bench\n${HEADER}${ROWS}${RATIO}${PROMPT}`;
    const run = parseLastBenchRun(log)!;
    expect(run.complete).toBe(true);
    expect(run.offset).toBe(log.indexOf('Table 3:'));
    expect(run.paperSource).toBe("Lankes et al., PLOS'19, Table 3 (Xeon Gold 6132 @2.6 GHz)");
    expect(run.rows.map((row) => row.activity)).toEqual([...BENCH_ACTIVITIES]);
    expect(run.rows[1]).toEqual({ activity: 'getpid() int 0x80', runs: 20000, eduos: 184602, linux: 1962, hermitCore: 13, rustyHermit: 36 });
    expect(run.rows[4]).toMatchObject({ runs: 1024, eduos: 1169465, linux: 6969, hermitCore: 7718, rustyHermit: 9061 });
    expect(run.getpidRatio).toBe(15.3);
    expect(run.wrongGetpidAnswers).toBe(0);
  });

  it('reports a run still printing: finished rows only, not a half-printed one', () => {
    const log = `${PROMPT}bench\n${HEADER}${ROWS.split('\n').slice(0, 2).join('\n')}\nsched_yield()      500`;
    const run = parseLastBenchRun(log)!;
    expect(run.complete).toBe(false);
    expect(run.rows.map((row) => row.activity)).toEqual(['getpid() function call', 'getpid() int 0x80']);
    expect(run.getpidRatio).toBeNull();
    expect(parseLastBenchRun(`${PROMPT}bench\nTable 3: cycles per`)).toMatchObject({ rows: [], complete: false });
  });

  it('takes the last of several runs', () => {
    const second = ROWS.replace('12105', '777');
    const log = `${HEADER}${ROWS}${RATIO}${PROMPT}bench\n${HEADER}${second}${RATIO.replace('15.3', '237.6')}`;
    const run = parseLastBenchRun(log)!;
    expect(run.rows[0].eduos).toBe(777);
    expect(run.getpidRatio).toBe(237.6);
    expect(run.offset).toBeGreaterThan(0);
  });

  it('accepts CR LF line ends and output after the run', () => {
    const log = `${HEADER}${ROWS}${RATIO}${PROMPT}ps\n  1 idle   0 ready 5\n`.replace(/\n/g, '\r\n');
    const run = parseLastBenchRun(log)!;
    expect(run.complete).toBe(true);
    expect(run.rows).toHaveLength(5);
  });

  it('finds nothing in a log without a run', () => {
    expect(parseLastBenchRun('')).toBeNull();
    expect(parseLastBenchRun(`eduOS-ts 0.1.0 booting\n${PROMPT}help\n`)).toBeNull();
  });
});
