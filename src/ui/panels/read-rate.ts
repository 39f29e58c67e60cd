/**
 * @fileoverview How live the visible panel's data is, for the dock's line
 * above the panel: while the machine runs, how often the panel is read
 * ("live: read 12 times a second"), counted over windows of at least a
 * second and reported as each ends — the live loop spaces reads out to stay
 * within its budget (`live-refresh.ts`), so the rate says how live a panel
 * is on this machine; once the machine stops, that the data is exact.
 *
 * Pipeline place: `PanelDock.tsx` feeds `ReadRate` one call per live read
 * and shows `livenessLine`.
 */
import type { MachineStatus } from '../machine/status.js';

/** The shortest window a rate is counted over, in ms. */
export const RATE_WINDOW_MS = 1000;

export class ReadRate {
  private reads = 0;

  constructor(private windowStart: number) {}

  /** Counts a read at `now` (ms); returns the reads per second of the window it ends, or null inside a window. */
  read(now: number): number | null {
    this.reads++;
    const elapsed = now - this.windowStart;
    if (elapsed < RATE_WINDOW_MS) return null;
    const perSecond = (this.reads * 1000) / elapsed;
    this.reads = 0;
    this.windowStart = now;
    return perSecond;
  }
}

/**
 * The dock's line above the panel: how live its data is. While running, how often it is read (once a rate is
 * known) and what that costs the emulator: at most `budgetShare` of its thread, or (null) nothing, v86 running in
 * a worker of its own (its line says so); once the machine stopped, that the data is exact; nothing while no kernel runs.
 */
export function livenessLine(status: MachineStatus, readsPerSecond: number | null, budgetShare: number | null): string | null {
  switch (status.kind) {
    case 'running': {
      const budget =
        budgetShare === null ? 'v86 runs on a thread of its own' : `the panels take at most ${Math.round(budgetShare * 100)} % of the emulator’s time`;
      if (readsPerSecond === null) return `live (${budget})`;
      return `live: read ${readsPerSecond === 1 ? 'once' : `${readsPerSecond} times`} a second (${budget})`;
    }
    case 'stopped':
      return 'paused: exact, as the machine holds it now';
    case 'halted':
      return 'halted: exact, as the machine stopped';
    case 'error':
      return 'crashed: exact, as the machine stopped';
    default:
      return null;
  }
}
