/**
 * @fileoverview The `events` panel: the kernel's event ring — interrupts,
 * exceptions, page faults and context switches with their time-stamp-counter
 * times — as an SVG timeline with one lane per kind (time on the x axis,
 * hover a mark for the event) and as a list, newest first. Events recorded
 * since the last pause are highlighted; vectors are named, task ids shown
 * with their names, interrupted EIPs with their function and source line.
 * Times are in ms of the kernel's own timer (the time-stamp counter's rate
 * estimated from the timer interrupts): the timeline's from the ring's oldest
 * event, the list's since the machine started. A live refresh renders only
 * what changed: the marks and rows of new events, not all 128 again. For a
 * kernel without the descriptor it says so.
 *
 * Pipeline place: a `Panel` (see `panel.ts`) over `readKernelDescriptor`
 * and `buildEventTimeline`.
 */
import { memo, useRef } from 'react';
import { hex } from '../decoders/cpu-state.js';
import { buildEventTimeline, EVENT_LANES, type EventRow, type EventTimeline } from '../decoders/event-timeline.js';
import { readKernelDescriptor } from '../decoders/kernel-descriptor.js';
import { DataTable, type Column, type RowAttributes } from './DataTable.js';
import type { Panel, PanelViewProps } from './panel.js';

export type EventsPanelData =
  | ({ readonly available: true; readonly timerHz: number } & EventTimeline)
  | { readonly available: false; readonly reason: string };

const LANE_HEIGHT = 22;
const LABEL_WIDTH = 110;
const PLOT_WIDTH = 560;
const AXIS_HEIGHT = 18;

function formatTime(cycles: number, cyclesPerMs: number | null): string {
  return cyclesPerMs ? `${(cycles / cyclesPerMs).toFixed(2)} ms` : `${cycles.toLocaleString('en')} cycles`;
}

function detailText(row: EventRow): string {
  if (row.lane === 'interrupt' || row.lane === 'exception') return `at ${hex(row.detail)} ${row.at}`;
  return '';
}

/**
 * Where the marks sit: at (time-stamp counter − `base`) / `unit`, inside a group whose transform maps the ring's
 * span onto the plot. A refresh then changes that one transform and adds the marks of new events (and drops the
 * oldest), instead of moving all 128 marks. `unit` (a power of two, about a pixel of the span when chosen) and
 * `base` stay while they fit, so the marks' coordinates stay small enough for the renderer's float32 precision.
 */
interface MarkFrame {
  readonly base: number;
  readonly unit: number;
}

/** Coordinates beyond this many units start a new frame (float32 has 24 bits of mantissa). */
const MAX_MARK_UNITS = 2 ** 22;
/** A frame's unit may drift this far (either way) from a pixel of the span before a new frame is chosen. */
const UNIT_SLACK = 16;

function markFrame(previous: MarkFrame | null, originCycles: number, spanCycles: number): MarkFrame {
  const pixel = Math.max(spanCycles, 1) / PLOT_WIDTH;
  if (previous && previous.unit < pixel * UNIT_SLACK && previous.unit > pixel / UNIT_SLACK) {
    const newest = (originCycles + spanCycles - previous.base) / previous.unit;
    if (originCycles >= previous.base && newest < MAX_MARK_UNITS) return previous;
  }
  return { base: originCycles, unit: 2 ** Math.floor(Math.log2(pixel)) };
}

interface MarkProps {
  readonly index: number;
  readonly x: number;
  readonly lane: number;
  readonly kind: string;
  readonly isNew: boolean;
  readonly title: string;
}

/** One event's mark; rendered once, when its event first shows (its props stay the same while it stays in the ring). */
const Mark = memo(function Mark({ index, x, lane, kind, isNew, title }: MarkProps) {
  return (
    <line
      data-event-index={index}
      x1={x}
      x2={x}
      y1={lane * LANE_HEIGHT + 3}
      y2={lane * LANE_HEIGHT + LANE_HEIGHT - 3}
      className={`event-mark event-${kind.replace(' ', '-')}${isNew ? ' event-new' : ''}`}
    >
      <title>{title}</title>
    </line>
  );
});

function Timeline({ data }: { data: EventTimeline }) {
  const frameRef = useRef<MarkFrame | null>(null);
  const frame = (frameRef.current = markFrame(frameRef.current, data.originCycles, data.spanCycles));
  const spanUnits = Math.max(data.spanCycles, 1) / frame.unit;
  const originUnits = (data.originCycles - frame.base) / frame.unit;
  const height = EVENT_LANES.length * LANE_HEIGHT + AXIS_HEIGHT;
  return (
    <svg className="event-timeline" data-testid="event-timeline" width={LABEL_WIDTH + PLOT_WIDTH + 10} height={height} role="img" aria-label="Event timeline">
      {EVENT_LANES.map((lane, i) => (
        <g key={lane} data-lane={lane}>
          <rect x={0} y={i * LANE_HEIGHT} width={LABEL_WIDTH + PLOT_WIDTH} height={LANE_HEIGHT} className={i % 2 ? 'lane lane-odd' : 'lane'} />
          <text x={4} y={i * LANE_HEIGHT + 15} className="lane-label">
            {lane} ({data.laneCounts[lane]})
          </text>
        </g>
      ))}
      <g transform={`translate(${LABEL_WIDTH} 0) scale(${PLOT_WIDTH / spanUnits} 1) translate(${-originUnits} 0)`}>
        {data.rows.map((row) => {
          const lane = EVENT_LANES.indexOf(row.lane as (typeof EVENT_LANES)[number]);
          if (lane < 0) return null;
          const cycles = data.originCycles + row.cycles;
          return (
            <Mark
              key={row.index}
              index={row.index}
              x={(cycles - frame.base) / frame.unit}
              lane={lane}
              kind={row.lane}
              isNew={row.isNew}
              title={`#${row.index} at TSC ${cycles}: ${row.label} (task ${row.task})`}
            />
          );
        })}
      </g>
      <text x={LABEL_WIDTH} y={height - 4} className="lane-label">
        0
      </text>
      <text x={LABEL_WIDTH + PLOT_WIDTH} y={height - 4} textAnchor="end" className="lane-label">
        {formatTime(data.spanCycles, data.cyclesPerMs)}
      </text>
    </svg>
  );
}

/**
 * A row of the list, in plain values: a row equal to its last render (the same event, the same time) is not
 * rendered again (`DataTable`'s memoized rows), so a refresh renders only the events new since the last one.
 */
interface ListRow {
  readonly index: number;
  /** Since the machine started (v86's time-stamp counter starts at 0), at the view's held counter rate. */
  readonly time: string;
  readonly lane: EventRow['lane'];
  readonly label: string;
  readonly task: string;
  readonly detail: string;
  readonly isNew: boolean;
}

/** Widths fit "Page Fault at 0x10000000 (mapped on demand)", "1,234,567,890 cycles" and "at <EIP> <function> (<file>:<line>)". */
const LIST_COLUMNS: readonly Column<ListRow>[] = [
  { header: '#', width: '9ch', cell: (row) => row.index },
  { header: 'time since start', width: '22ch', cell: (row) => row.time },
  { header: 'kind', width: '16ch', cell: (row) => row.lane },
  { header: 'event', width: '48ch', cell: (row) => row.label },
  { header: 'task', width: '18ch', cell: (row) => row.task },
  { header: 'detail', width: '80ch', cell: (row) => row.detail },
];

/** Rows by event, newest first: a refresh adds the new events at the top and drops the oldest at the bottom. */
const listKey = (row: ListRow) => row.index;
const listRowProps = (row: ListRow): RowAttributes => ({
  'data-event-index': row.index,
  'data-kind': row.lane,
  className: row.isNew ? 'changed' : undefined,
});

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

function listRows(data: EventTimeline, cyclesPerMs: number | null): ListRow[] {
  return data.rows
    .map((event) => ({
      index: event.index,
      time: formatTime(data.originCycles + event.cycles, cyclesPerMs),
      lane: event.lane,
      label: event.label,
      task: event.task,
      detail: detailText(event),
      isNew: event.isNew,
    }))
    .reverse();
}

function EventsView({ data }: PanelViewProps<EventsPanelData>) {
  const heldRate = useHeldRate(data.available ? data.cyclesPerMs : null);
  if (!data.available) return <p className="panel-missing">{data.reason}</p>;
  const newCount = data.rows.filter((row) => row.isNew).length;
  const newestFirst = listRows(data, heldRate);
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
      <Timeline data={data} />
      <DataTable columns={LIST_COLUMNS} rows={newestFirst} rowKey={listKey} rowProps={listRowProps} label="Events" fixedRows windowed />
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
};
