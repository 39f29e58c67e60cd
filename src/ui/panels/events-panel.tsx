/**
 * @fileoverview The `events` panel: the kernel's event ring — interrupts,
 * exceptions, page faults and context switches with their time-stamp-counter
 * times — as an SVG timeline with one lane per kind (time on the x axis,
 * hover a mark for the event) and as a list, newest first. Events recorded
 * since the last pause are highlighted; vectors are named, task ids shown
 * with their names, interrupted EIPs with their function and source line.
 * Times are in ms of the kernel's own timer (the time-stamp counter's rate
 * estimated from the timer interrupts). For a kernel without the descriptor
 * it says so.
 *
 * Pipeline place: a `Panel` (see `panel.ts`) over `readKernelDescriptor`
 * and `buildEventTimeline`.
 */
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

function Timeline({ data }: { data: EventTimeline }) {
  const span = Math.max(data.spanCycles, 1);
  const x = (cycles: number) => LABEL_WIDTH + (cycles / span) * PLOT_WIDTH;
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
      {/* Marks by position, like the list's rows: a refresh moves them all, so they are moved, not re-created. */}
      {data.rows.map((row, position) => {
        const lane = EVENT_LANES.indexOf(row.lane as (typeof EVENT_LANES)[number]);
        if (lane < 0) return null;
        return (
          <line
            key={position}
            data-event-index={row.index}
            x1={x(row.cycles)}
            x2={x(row.cycles)}
            y1={lane * LANE_HEIGHT + 3}
            y2={lane * LANE_HEIGHT + LANE_HEIGHT - 3}
            className={`event-mark event-${row.lane.replace(' ', '-')}${row.isNew ? ' event-new' : ''}`}
          >
            <title>{`#${row.index} ${formatTime(row.cycles, data.cyclesPerMs)}: ${row.label} (task ${row.task})`}</title>
          </line>
        );
      })}
      <text x={LABEL_WIDTH} y={height - 4} className="lane-label">
        0
      </text>
      <text x={LABEL_WIDTH + PLOT_WIDTH} y={height - 4} textAnchor="end" className="lane-label">
        {formatTime(data.spanCycles, data.cyclesPerMs)}
      </text>
    </svg>
  );
}

/** A row of the list: the event with its time as shown (the time is relative to the ring's oldest event). */
interface ListRow {
  readonly event: EventRow;
  readonly time: string;
}

/** Widths fit "Page Fault at 0x10000000 (mapped on demand)", "1,234,567,890 cycles" and "at <EIP> <function> (<file>:<line>)". */
const LIST_COLUMNS: readonly Column<ListRow>[] = [
  { header: '#', width: '9ch', cell: ({ event }) => event.index },
  { header: 'time', width: '22ch', cell: ({ time }) => time },
  { header: 'kind', width: '16ch', cell: ({ event }) => event.lane },
  { header: 'event', width: '48ch', cell: ({ event }) => event.label },
  { header: 'task', width: '18ch', cell: ({ event }) => event.task },
  { header: 'detail', width: '80ch', cell: ({ event }) => detailText(event) },
];

/**
 * Rows by position, newest first: each refresh moves every event down and changes every time (they count from the
 * ring's oldest event), so the rows are rewritten in place rather than created and removed.
 */
const listKey = (_row: ListRow, position: number) => position;
const listRowProps = ({ event }: ListRow): RowAttributes => ({
  'data-event-index': event.index,
  'data-kind': event.lane,
  className: event.isNew ? 'changed' : undefined,
});

function EventsView({ data }: PanelViewProps<EventsPanelData>) {
  if (!data.available) return <p className="panel-missing">{data.reason}</p>;
  const newCount = data.rows.filter((row) => row.isNew).length;
  const newestFirst = data.rows.map((event) => ({ event, time: formatTime(event.cycles, data.cyclesPerMs) })).reverse();
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
