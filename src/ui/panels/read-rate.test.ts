// ReadRate: reads per second over windows of at least RATE_WINDOW_MS, reported as each window ends; livenessLine: the
// dock's words for how live the panel's data is.
import { describe, expect, it } from 'vitest';
import { livenessLine, RATE_WINDOW_MS, ReadRate } from './read-rate.js';

describe('ReadRate', () => {
  it('reports nothing inside a window, then the reads per second of the window', () => {
    const rate = new ReadRate(0);
    for (let t = 100; t < RATE_WINDOW_MS; t += 100) expect(rate.read(t)).toBeNull();
    expect(rate.read(1000)).toBe(10); // reads at 100, 200, …, 1000 ms: 10 in 1 s
  });

  it('starts a new window where the last ended, and counts a longer window by its length', () => {
    const rate = new ReadRate(0);
    rate.read(1000);
    expect(rate.read(1500)).toBeNull();
    expect(rate.read(3000)).toBe(1); // two reads in the 2 s after the first window
  });
});

describe('livenessLine', () => {
  it('says how often a running machine is read, and that a stopped one is exact', () => {
    expect(livenessLine({ kind: 'running' }, null, 0.05)).toMatch(/^live \(the panels take at most 5 % /);
    expect(livenessLine({ kind: 'running' }, 12, 0.05)).toMatch(/^live: read 12 times a second \(/);
    expect(livenessLine({ kind: 'running' }, 1, 0.05)).toMatch(/^live: read once a second \(/);
    expect(livenessLine({ kind: 'running' }, 15, null)).toBe('live: read 15 times a second (v86 runs on a thread of its own)');
    expect(livenessLine({ kind: 'stopped' }, 12, 0.05)).toBe('paused: exact, as the machine holds it now');
    expect(livenessLine({ kind: 'halted', exitCode: 0 }, null, 0.05)).toMatch(/^halted: exact/);
    expect(livenessLine({ kind: 'error', message: 'triple fault' }, null, 0.05)).toMatch(/^crashed: exact/);
    expect(livenessLine({ kind: 'loading', step: 'starting v86' }, null, 0.05)).toBeNull();
    expect(livenessLine({ kind: 'idle' }, null, 0.05)).toBeNull();
  });
});
