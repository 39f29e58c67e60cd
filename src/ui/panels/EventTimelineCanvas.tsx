/**
 * @fileoverview The events panel's timeline: one lane per kind of event
 * (interrupt, exception, page fault, context switch) with a mark per event of
 * the kernel's ring at its time-stamp-counter time, the events since the last
 * pause drawn bright; hovering a mark names its event (the canvas's title).
 *
 * Drawn on a canvas, not as SVG marks: a live refresh brings tens of new
 * events, and 128 SVG lines (with their titles) cost the browser style, layout,
 * paint and layerization on every refresh, time taken from v86 on the same
 * thread; a redrawn canvas is one image. What is drawn is on the canvas's
 * `data-marks-<kind>` and `data-marks-new` attributes, for tests and tools.
 *
 * Pipeline place: drawn by `events-panel.tsx` from `buildEventTimeline`'s rows.
 */
import { useLayoutEffect, useRef, type MouseEvent } from 'react';
import { EVENT_LANES, type EventLane, type EventRow, type EventTimeline } from '../decoders/event-timeline.js';

const LANE_HEIGHT = 22;
const LABEL_WIDTH = 110;
const PLOT_WIDTH = 560;
const AXIS_HEIGHT = 18;
const WIDTH = LABEL_WIDTH + PLOT_WIDTH + 10;
const HEIGHT = EVENT_LANES.length * LANE_HEIGHT + AXIS_HEIGHT;
/** Within this many px of the pointer, along the time axis, a mark is the one hovered. */
const HOVER_PX = 4;

const LANE_COLOURS: Record<EventLane, string> = {
  interrupt: '#79c0ff',
  exception: '#ff7b72',
  'page fault': '#d2a8ff',
  'context switch': '#7ee787',
};
const LANE_BACKGROUNDS = ['#16181d', '#1b1e24'];
const LABEL_COLOUR = '#9da5b4';
const FONT = '11px ui-monospace, monospace';

/** The events on the timeline (those of a known lane), with their lane's position. */
function marks(rows: readonly EventRow[]): { row: EventRow; lane: number }[] {
  return rows.map((row) => ({ row, lane: EVENT_LANES.indexOf(row.lane as EventLane) })).filter((mark) => mark.lane >= 0);
}

function markX(cycles: number, spanCycles: number): number {
  return LABEL_WIDTH + (cycles / Math.max(spanCycles, 1)) * PLOT_WIDTH;
}

/** Where `row`'s mark is drawn on the canvas (its middle), in CSS px; null for an event of no lane. */
export function markCentre(row: EventRow, spanCycles: number): { x: number; y: number } | null {
  const lane = EVENT_LANES.indexOf(row.lane as EventLane);
  return lane < 0 ? null : { x: markX(row.cycles, spanCycles), y: lane * LANE_HEIGHT + LANE_HEIGHT / 2 };
}

/** Draws the lanes, their labels, the marks (new ones last, on top) and the time axis. */
function draw(context: CanvasRenderingContext2D, data: EventTimeline, axisLabel: string): void {
  context.clearRect(0, 0, WIDTH, HEIGHT);
  context.font = FONT;
  EVENT_LANES.forEach((lane, i) => {
    context.fillStyle = LANE_BACKGROUNDS[i % 2];
    context.fillRect(0, i * LANE_HEIGHT, LABEL_WIDTH + PLOT_WIDTH, LANE_HEIGHT);
    context.fillStyle = LABEL_COLOUR;
    context.fillText(`${lane} (${data.laneCounts[lane]})`, 4, i * LANE_HEIGHT + 15);
  });
  const all = marks(data.rows);
  // One path per lane and age, stroked once, rather than a stroke per mark (128 of them on every refresh).
  for (const isNew of [false, true]) {
    context.globalAlpha = isNew ? 1 : 0.55;
    context.lineWidth = isNew ? 2 : 1.5;
    EVENT_LANES.forEach((laneName, lane) => {
      context.strokeStyle = LANE_COLOURS[laneName];
      context.beginPath();
      for (const mark of all) {
        if (mark.row.isNew !== isNew || mark.lane !== lane) continue;
        const x = markX(mark.row.cycles, data.spanCycles);
        context.moveTo(x, lane * LANE_HEIGHT + 3);
        context.lineTo(x, lane * LANE_HEIGHT + LANE_HEIGHT - 3);
      }
      context.stroke();
    });
  }
  context.globalAlpha = 1;
  context.fillStyle = LABEL_COLOUR;
  context.fillText('0', LABEL_WIDTH, HEIGHT - 4);
  context.textAlign = 'end';
  context.fillText(axisLabel, LABEL_WIDTH + PLOT_WIDTH, HEIGHT - 4);
  context.textAlign = 'start';
}

/** What the canvas's title says with the pointer at (x, y): the nearest event of the lane there, if one is near. */
export function hoveredTitle(data: EventTimeline, x: number, y: number): string {
  const lane = Math.floor(y / LANE_HEIGHT);
  let best: EventRow | null = null;
  let bestDistance = HOVER_PX;
  for (const mark of marks(data.rows)) {
    const distance = Math.abs(markX(mark.row.cycles, data.spanCycles) - x);
    if (mark.lane === lane && distance <= bestDistance) [best, bestDistance] = [mark.row, distance];
  }
  return best ? `#${best.index} at TSC ${data.originCycles + best.cycles}: ${best.label} (task ${best.task})` : '';
}

/** The canvas's attribute for the number of marks of each lane. */
const LANE_ATTRIBUTES = EVENT_LANES.map((lane) => `data-marks-${lane.replace(' ', '-')}`);

/** How many marks of each kind (and new ones) the timeline draws: the canvas's data attributes. */
export function markCounts(rows: readonly EventRow[]): Record<`data-marks-${string}`, number> {
  const perLane = EVENT_LANES.map(() => 0);
  let fresh = 0;
  for (const { row, lane } of marks(rows)) {
    perLane[lane]++;
    if (row.isNew) fresh++;
  }
  return Object.fromEntries([['data-marks-new', fresh], ...LANE_ATTRIBUTES.map((name, i) => [name, perLane[i]])]);
}

export function EventTimelineCanvas({ data, axisLabel }: { data: EventTimeline; axisLabel: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const scale = typeof window === 'undefined' ? 1 : window.devicePixelRatio || 1;
  useLayoutEffect(() => {
    const context = canvas.current?.getContext('2d');
    if (!context) return;
    context.setTransform(scale, 0, 0, scale, 0, 0);
    draw(context, data, axisLabel);
  }, [data, axisLabel, scale]);
  const hover = (event: MouseEvent<HTMLCanvasElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    event.currentTarget.title = hoveredTitle(data, event.clientX - box.left, event.clientY - box.top);
  };
  return (
    <canvas
      ref={canvas}
      className="event-timeline"
      data-testid="event-timeline"
      width={Math.round(WIDTH * scale)}
      height={Math.round(HEIGHT * scale)}
      style={{ width: WIDTH, height: HEIGHT }}
      role="img"
      aria-label="Event timeline"
      onMouseMove={hover}
      {...markCounts(data.rows)}
    />
  );
}
