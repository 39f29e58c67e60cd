/**
 * @fileoverview The kernel's event ring (docs/kernel-abi.md) as a timeline:
 * each event named ("IRQ 0 PIT timer", "Page Fault", "switch shell → idle"),
 * placed in its lane (interrupt, exception, page fault, context switch) at its
 * time-stamp-counter time relative to the oldest event in the ring, with the
 * task ids turned into names and the events since the last pause marked.
 * The time stamp counter's rate is estimated from the timer interrupts in the
 * ring (the timer fires `timerHz` times a second), so times read in ms too.
 *
 * Pipeline place: pure; the events panel calls it with the decoded
 * descriptor (and the image's symbols, for interrupted EIPs). Rows carry
 * plain numbers (no bigint), so they are JSON.
 */
import type { KernelDescriptor, KernelEvent } from '../../kernel-abi/descriptor.js';
import { hex } from './cpu-state.js';
import { formatSymbol, type DebugSymbols } from './debug-symbols.js';
import { DEFAULT_IRQ_BASE, SYSCALL_VECTOR, vectorName } from './vector-names.js';

export const EVENT_LANES = ['interrupt', 'exception', 'page fault', 'context switch'] as const;
export type EventLane = (typeof EVENT_LANES)[number];

const TIMER_VECTOR = DEFAULT_IRQ_BASE;

export interface EventRow {
  /** Position in the stream of all events since boot. */
  readonly index: number;
  readonly lane: EventLane | 'other';
  /** Time-stamp-counter cycles after the oldest event in the ring. */
  readonly cycles: number;
  /** What happened, e.g. "IRQ 0 PIT timer", "Page Fault at 0x10000000 (mapped on demand)", "switch shell → idle". */
  readonly label: string;
  /** Interrupt/exception: the vector; page fault: 1 mapped on demand, 0 bad access; switch: 0. */
  readonly argument: number;
  readonly taskId: number | null;
  /** "id name" of the task running then, "boot" before the first task. */
  readonly task: string;
  /** Interrupted EIP, faulting address or the id switched to, as the ring has it. */
  readonly detail: number;
  /** Interrupts and exceptions: the interrupted EIP → "function+0x.. (file:line)" ("" without symbols). */
  readonly at: string;
  /** Recorded after the last pause (the baseline). */
  readonly isNew: boolean;
}

export interface EventTimeline {
  readonly rows: EventRow[];
  /** The time-stamp counter at the oldest event in the ring, which `rows[].cycles` count from (0 for an empty ring). */
  readonly originCycles: number;
  /** Events since boot. */
  readonly eventCount: number;
  /** Cycles from the oldest to the newest event in the ring. */
  readonly spanCycles: number;
  /** Time-stamp-counter cycles per millisecond, from the timer interrupts in the ring; null with fewer than two. */
  readonly cyclesPerMs: number | null;
  /** Events per lane in the ring. */
  readonly laneCounts: Record<EventLane, number>;
}

function taskLabel(id: number | null, names: ReadonlyMap<number, string>): string {
  if (id === null) return 'boot';
  const name = names.get(id);
  return name ? `${id} ${name}` : `${id}`;
}

function vectorLabel(vector: number): string {
  if (vector === SYSCALL_VECTOR) return `int ${hex(vector, 2)} System Call`;
  const { name, device } = vectorName(vector);
  return [name || `vector ${vector}`, device].filter(Boolean).join(' ');
}

function eventLabel(event: KernelEvent, names: ReadonlyMap<number, string>): string {
  switch (event.kind) {
    case 'interrupt':
    case 'exception':
      return vectorLabel(event.argument);
    case 'page fault':
      return `Page Fault at ${hex(event.detail)} (${event.argument === 1 ? 'mapped on demand' : 'bad access'})`;
    case 'context switch':
      return `switch ${taskLabel(event.taskId, names)} → ${taskLabel(event.detail, names)}`;
    default:
      return event.kind;
  }
}

function laneOf(event: KernelEvent): EventLane | 'other' {
  return (EVENT_LANES as readonly string[]).includes(event.kind) ? (event.kind as EventLane) : 'other';
}

/**
 * Mean cycles per timer tick over the timer interrupts in the ring, times the timer's rate: the counter's cycles
 * per ms. The mean, not the gaps one by one: an emulator that falls behind delivers the ticks it owes in bursts.
 */
export function estimateCyclesPerMs(events: readonly KernelEvent[], timerHz: number): number | null {
  const stamps = events.filter((e) => e.kind === 'interrupt' && e.argument === TIMER_VECTOR).map((e) => e.timestamp);
  if (stamps.length < 2 || timerHz === 0) return null;
  const cyclesPerTick = Number(stamps[stamps.length - 1] - stamps[0]) / (stamps.length - 1);
  return cyclesPerTick > 0 ? (cyclesPerTick * timerHz) / 1000 : null;
}

/**
 * The timeline of `descriptor`'s ring. `newSince` is the event count at the
 * last pause: events with a higher index are marked new (none when null).
 */
export function buildEventTimeline(descriptor: KernelDescriptor, newSince: number | null, symbols: DebugSymbols | null = null): EventTimeline {
  const names = new Map(descriptor.tasks.map((task) => [task.id, task.name]));
  const events = descriptor.events;
  const origin = events[0]?.timestamp ?? 0n;
  const rows = events.map((event) => ({
    index: event.index,
    lane: laneOf(event),
    cycles: Number(event.timestamp - origin),
    label: eventLabel(event, names),
    argument: event.argument,
    taskId: event.taskId,
    task: taskLabel(event.taskId, names),
    detail: event.detail,
    at: symbols && (event.kind === 'interrupt' || event.kind === 'exception') ? formatSymbol(symbols.symbolize(event.detail)) : '',
    isNew: newSince !== null && event.index >= newSince,
  }));
  const laneCounts = Object.fromEntries(EVENT_LANES.map((lane) => [lane, rows.filter((row) => row.lane === lane).length])) as Record<EventLane, number>;
  return {
    rows,
    originCycles: Number(origin),
    eventCount: descriptor.eventCount,
    spanCycles: rows.length ? rows[rows.length - 1].cycles : 0,
    cyclesPerMs: estimateCyclesPerMs(events, descriptor.timerHz),
    laneCounts,
  };
}
