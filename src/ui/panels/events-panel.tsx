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
      {data.rows.map((row) => {
        const lane = EVENT_LANES.indexOf(row.lane as (typeof EVENT_LANES)[number]);
        if (lane < 0) return null;
        return (
          <line
            key={row.index}
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

function EventsView({ data }: PanelViewProps<EventsPanelData>) {
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
      <Timeline data={data} />
      <table className="panel-table mono" aria-label="Events">
        <thead>
          <tr>
            <th>#</th>
            <th>time</th>
            <th>kind</th>
            <th>event</th>
            <th>task</th>
            <th>detail</th>
          </tr>
        </thead>
        <tbody>
          {[...data.rows].reverse().map((row) => (
            <tr key={row.index} data-event-index={row.index} data-kind={row.lane} className={row.isNew ? 'changed' : undefined}>
              <td>{row.index}</td>
              <td>{formatTime(row.cycles, data.cyclesPerMs)}</td>
              <td>{row.lane}</td>
              <td>{row.label}</td>
              <td>{row.task}</td>
              <td>{detailText(row)}</td>
            </tr>
          ))}
        </tbody>
      </table>
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
