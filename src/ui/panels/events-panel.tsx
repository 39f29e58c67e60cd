/**
 * @fileoverview The `events` panel: the kernel's event ring — interrupts,
 * exceptions, page faults and context switches with their time-stamp-counter
 * times — as a timeline with one lane per kind (time on the x axis, hover a
 * mark for the event; `EventTimelineCanvas.tsx`) and as a list, newest
 * first. Events recorded since the last pause are highlighted; vectors are
 * named, task ids shown with their names, interrupted EIPs with their
 * function and source line.
 * Times are in ms of the kernel's own timer (the time-stamp counter's rate
 * estimated from the timer interrupts): the timeline's from the ring's oldest
 * event, the list's since the machine started. A live refresh redraws the
 * timeline's canvas and rewrites the list's lines in view (`EventLog.tsx`).
 * For a kernel without the descriptor it says so.
 *
 * Pipeline place: a `Panel` (see `panel.ts`) over `readKernelDescriptor`
 * and `buildEventTimeline`.
 */
import { useRef } from 'react';
import { hex } from '../decoders/cpu-state.js';
import { buildEventTimeline, type EventRow, type EventTimeline } from '../decoders/event-timeline.js';
import { readKernelDescriptor } from '../decoders/kernel-descriptor.js';
import { EventLog, type EventLine } from './EventLog.js';
import { EventTimelineCanvas } from './EventTimelineCanvas.js';
import type { Panel, PanelViewProps } from './panel.js';

export type EventsPanelData =
  | ({ readonly available: true; readonly timerHz: number } & EventTimeline)
  | { readonly available: false; readonly reason: string };

function formatTime(cycles: number, cyclesPerMs: number | null): string {
  return cyclesPerMs ? `${(cycles / cyclesPerMs).toFixed(2)} ms` : `${cycles.toLocaleString('en')} cycles`;
}

function detailText(row: EventRow): string {
  if (row.lane === 'interrupt' || row.lane === 'exception') return `at ${hex(row.detail)} ${row.at}`;
  return '';
}

/** The list's columns: widths in characters fit "Page Fault at 0x10000000 (mapped on demand)", "1,234,567,890 cycles" and "at <EIP> <function> (<file>:<line>)". */
const LIST_HEADERS = ['#', 'time since start', 'kind', 'event', 'task', 'detail'];
const LIST_WIDTHS = [9, 22, 16, 48, 18, 80];

/** The estimate may move this far (a fraction) before the list's times follow it: beyond, they are all redrawn. */
const RATE_SLACK = 0.02;

/**
 * The counter rate the list's times use: the first estimate, kept while later ones stay within RATE_SLACK of it.
 * The estimate (from the timer interrupts in the ring) moves a little on every refresh; times that followed it
 * would change on every row every refresh.
 */
function useHeldRate(cyclesPerMs: number | null): number | null {
  const held = useRef<number | null>(null);
  if (cyclesPerMs !== null && (held.current === null || Math.abs(cyclesPerMs / held.current - 1) > RATE_SLACK)) held.current = cyclesPerMs;
  return cyclesPerMs === null ? null : held.current;
}

/** The list's line at `position`, newest first: its time since the machine started (v86's time-stamp counter starts at 0), at the held rate. */
function listLine(data: EventTimeline, cyclesPerMs: number | null, position: number): EventLine {
  const event = data.rows[data.rows.length - 1 - position];
  return {
    index: event.index,
    kind: event.lane,
    values: [String(event.index), formatTime(data.originCycles + event.cycles, cyclesPerMs), event.lane, event.label, event.task, detailText(event)],
    isNew: event.isNew,
  };
}

function EventsView({ data }: PanelViewProps<EventsPanelData>) {
  const heldRate = useHeldRate(data.available ? data.cyclesPerMs : null);
  if (!data.available) return <p className="panel-missing">{data.reason}</p>;
  const newCount = data.rows.filter((row) => row.isNew).length;
  return (
    <div className="events-panel">
      <p className="panel-summary mono">
        {data.eventCount.toLocaleString('en')} events since boot · the ring holds the last {data.rows.length} · span{' '}
        {formatTime(data.spanCycles, data.cyclesPerMs)}
        {data.cyclesPerMs && (
          <span className="dim">
            {' '}
            (ms of the kernel’s timer: a tick of {(1000 / data.timerHz).toFixed(0)} ms ≈{' '}
            {Math.round((data.cyclesPerMs * 1000) / data.timerHz).toLocaleString('en')} TSC cycles)
          </span>
        )}{' '}
        ·{' '}
        <span className="changed">{newCount} new since the last pause</span>
      </p>
      <EventTimelineCanvas data={data} axisLabel={formatTime(data.spanCycles, data.cyclesPerMs)} />
      <EventLog
        headers={LIST_HEADERS}
        widths={LIST_WIDTHS}
        count={data.rows.length}
        lineAt={(position) => listLine(data, heldRate, position)}
        label="Events, newest first"
      />
    </div>
  );
}

export const eventsPanel: Panel<EventsPanelData> = {
  id: 'events',
  title: 'Events',
  read({ hardware, symbols }, baseline) {
    const kernel = readKernelDescriptor(hardware.readPhysical);
    if ('missing' in kernel) return { available: false, reason: kernel.missing };
    const newSince = baseline?.available ? baseline.eventCount : null;
    return { available: true, timerHz: kernel.descriptor.timerHz, ...buildEventTimeline(kernel.descriptor, newSince, symbols) };
  },
  View: EventsView,
  // Between two live reads the ring moves on by tens of events: no row is where an equal one was.
  shareUnchanged: false,
};
