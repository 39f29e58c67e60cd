/**
 * @fileoverview Describes the host a benchmark ran on — date, cores, CPU model, load — printed above the figures
 * (and copied into docs/performance.md), since v86's timings follow the host's speed and its other work.
 */
import { availableParallelism, cpus, loadavg } from 'node:os';

/** e.g. "2026-05-04, 2 cores, AMD EPYC, load average 1.92 (1 min)". */
export function describeMachine(now = new Date()): string {
  const model = cpus()[0]?.model.trim() ?? 'unknown CPU';
  const date = now.toISOString().slice(0, 10);
  return `${date}, ${availableParallelism()} cores, ${model}, load average ${loadavg()[0].toFixed(2)} (1 min)`;
}
