// The events timeline over a hand-made descriptor: names of vectors and tasks, lanes, relative times, the TSC rate
// estimated from the timer, and the events since the last pause.
import { describe, expect, it } from 'vitest';
import type { KernelDescriptor, KernelEvent } from '../../kernel-abi/descriptor.js';
import { DebugSymbols, type DebugInfo } from './debug-symbols.js';
import { buildEventTimeline, estimateCyclesPerMs } from './event-timeline.js';

function event(index: number, timestamp: bigint, kind: KernelEvent['kind'], argument: number, taskId: number | null, detail: number): KernelEvent {
  return { index, timestamp, kind, argument, taskId, detail };
}

const EVENTS: KernelEvent[] = [
  event(40, 5_000_000n, 'interrupt', 32, 1, 0x201000),
  event(41, 5_000_100n, 'context switch', 0, 1, 0),
  event(42, 15_000_000n, 'interrupt', 32, 0, 0x202000),
  event(43, 15_000_500n, 'exception', 14, 0, 0x203000),
  event(44, 15_000_600n, 'page fault', 1, 0, 0x1000_0000),
  event(45, 15_000_700n, 'interrupt', 0x80, 0, 0x204000),
  event(46, 25_000_000n, 'interrupt', 32, 0, 0x202000),
  event(47, 25_000_001n, 'exception', 14, null, 0),
  event(48, 25_000_002n, 'page fault', 0, 0, 0xdeadb000),
];

const DESCRIPTOR = {
  timerHz: 100,
  tasks: [{ id: 0, name: 'idle' }, { id: 1, name: 'shell' }],
  eventCount: 49,
  events: EVENTS,
} as unknown as KernelDescriptor;

describe('buildEventTimeline', () => {
  it('names each event, its lane and its task', () => {
    const { rows } = buildEventTimeline(DESCRIPTOR, null);
    expect(rows.map((row) => [row.lane, row.label, row.task])).toEqual([
      ['interrupt', 'IRQ 0 PIT timer', '1 shell'],
      ['context switch', 'switch 1 shell → 0 idle', '1 shell'],
      ['interrupt', 'IRQ 0 PIT timer', '0 idle'],
      ['exception', 'Page Fault', '0 idle'],
      ['page fault', 'Page Fault at 0x10000000 (mapped on demand)', '0 idle'],
      ['interrupt', 'int 0x80 System Call', '0 idle'],
      ['interrupt', 'IRQ 0 PIT timer', '0 idle'],
      ['exception', 'Page Fault', 'boot'],
      ['page fault', 'Page Fault at 0xdeadb000 (bad access)', '0 idle'],
    ]);
  });

  it('names the interrupted code of interrupts and exceptions', () => {
    const info = {
      version: 1, entry: 0x201000, textStart: 0x201000, textEnd: 0x205000, dataStart: 0x100000, files: ['shell/demos.ts'],
      functions: [{ index: 0, name: 'shell/demos/busy', start: 0x202000, end: 0x202100, file: 0, line: 48 }],
      lines: [0x202000, 0, 0, 48], globals: [], tables: [], memory: { base: 0, initialPages: 1, maxPages: 1, sizeVariable: 0 }, data: [], runtime: {},
    } satisfies DebugInfo;
    const rows = buildEventTimeline(DESCRIPTOR, null, new DebugSymbols(info)).rows;
    expect(rows.map((row) => row.at)).toEqual(['', '', 'shell/demos/busy (shell/demos.ts:48)', '', '', '', 'shell/demos/busy (shell/demos.ts:48)', '', '']);
  });

  it('times events from the oldest in the ring and counts the lanes', () => {
    const timeline = buildEventTimeline(DESCRIPTOR, null);
    expect(timeline.rows.map((row) => row.cycles).slice(0, 3)).toEqual([0, 100, 10_000_000]);
    expect(timeline.spanCycles).toBe(20_000_002);
    expect(timeline.laneCounts).toEqual({ interrupt: 4, exception: 2, 'page fault': 2, 'context switch': 1 });
    expect(timeline.eventCount).toBe(49);
    expect(JSON.parse(JSON.stringify(timeline))).toEqual(timeline);
  });

  it('estimates the counter rate from the timer interrupts: 10,000,000 cycles per 10 ms tick', () => {
    expect(buildEventTimeline(DESCRIPTOR, null).cyclesPerMs).toBe(1_000_000);
    expect(estimateCyclesPerMs(EVENTS.slice(0, 2), 100)).toBeNull();
    // Ticks delivered in a burst (an emulator catching up) do not skew it: 3 ticks over 30 ms.
    const burst = [event(1, 0n, 'interrupt', 32, 0, 0), event(2, 100n, 'interrupt', 32, 0, 0), event(3, 30_000_000n, 'interrupt', 32, 0, 0)];
    expect(estimateCyclesPerMs(burst, 100)).toBe(1_500_000);
  });

  it('marks the events recorded since the last pause', () => {
    const rows = buildEventTimeline(DESCRIPTOR, 46).rows;
    expect(rows.filter((row) => row.isNew).map((row) => row.index)).toEqual([46, 47, 48]);
    expect(buildEventTimeline(DESCRIPTOR, null).rows.some((row) => row.isNew)).toBe(false);
  });
});
