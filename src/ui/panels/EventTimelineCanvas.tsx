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
 * `data-marks-<kind>` and `data-marks-new` attributes, for tests and tools,
 * and the plot's width on `data-plot-width` (where `markCentre` puts a mark).
 *
 * The canvas is as wide as the panel (a ResizeObserver on its box): the time
 * axis spans what room there is, from a label column wide enough for the
 * longest lane's name with its count.
 *
 * Pipeline place: drawn by `events-panel.tsx` from `buildEventTimeline`'s rows.
 */
import { useLayoutEffect, useRef, useState, type MouseEvent, type RefObject } from 'react';
import { EVENT_LANES, type EventLane, type EventRow, type EventTimeline } from '../decoders/event-timeline.js';

const LANE_HEIGHT = 22;
/** Room for the longest label, "context switch (128)" (the ring holds 128 events), in FONT. */
const LABEL_WIDTH = 140;
/** The plot's width before the canvas knows its box's (and in tests). */
export const DEFAULT_PLOT_WIDTH = 560;
/** The narrowest plot, however narrow the panel: below it the canvas scrolls with the panel. */
const MIN_PLOT_WIDTH = 200;
/** Room right of the plot, for the axis label's last digit. */
const RIGHT_MARGIN = 10;
const AXIS_HEIGHT = 18;
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

function markX(cycles: number, spanCycles: number, plotWidth: number): number {
  return LABEL_WIDTH + (cycles / Math.max(spanCycles, 1)) * plotWidth;
}

/** The plot's width on a canvas `boxWidth` CSS px wide. */
export function plotWidthFor(boxWidth: number): number {
  return Math.max(MIN_PLOT_WIDTH, Math.floor(boxWidth) - LABEL_WIDTH - RIGHT_MARGIN);
}

/** Where `row`'s mark is drawn on the canvas (its middle), in CSS px; null for an event of no lane. */
export function markCentre(row: EventRow, spanCycles: number, plotWidth = DEFAULT_PLOT_WIDTH): { x: number; y: number } | null {
  const lane = EVENT_LANES.indexOf(row.lane as EventLane);
  return lane < 0 ? null : { x: markX(row.cycles, spanCycles, plotWidth), y: lane * LANE_HEIGHT + LANE_HEIGHT / 2 };
}

/** Draws the lanes, their labels, the marks (new ones last, on top) and the time axis. */
function draw(context: CanvasRenderingContext2D, data: EventTimeline, axisLabel: string, plotWidth: number): void {
  context.clearRect(0, 0, LABEL_WIDTH + plotWidth + RIGHT_MARGIN, HEIGHT);
  context.font = FONT;
  EVENT_LANES.forEach((lane, i) => {
    context.fillStyle = LANE_BACKGROUNDS[i % 2];
    context.fillRect(0, i * LANE_HEIGHT, LABEL_WIDTH + plotWidth, LANE_HEIGHT);
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
        const x = markX(mark.row.cycles, data.spanCycles, plotWidth);
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
  context.fillText(axisLabel, LABEL_WIDTH + plotWidth, HEIGHT - 4);
  context.textAlign = 'start';
}

/** What the canvas's title says with the pointer at (x, y): the nearest event of the lane there, if one is near. */
export function hoveredTitle(data: EventTimeline, x: number, y: number, plotWidth = DEFAULT_PLOT_WIDTH): string {
  const lane = Math.floor(y / LANE_HEIGHT);
  let best: EventRow | null = null;
  let bestDistance = HOVER_PX;
  for (const mark of marks(data.rows)) {
    const distance = Math.abs(markX(mark.row.cycles, data.spanCycles, plotWidth) - x);
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

/** The plot's width for the box `element` sits in, kept current as the box resizes (the dock's splitter, the window). */
function usePlotWidth(element: RefObject<HTMLElement | null>): number {
  const [plotWidth, setPlotWidth] = useState(DEFAULT_PLOT_WIDTH);
  useLayoutEffect(() => {
    const box = element.current;
    if (!box) return;
    const fit = () => setPlotWidth(plotWidthFor(box.clientWidth));
    fit();
    const observer = new ResizeObserver(fit);
    observer.observe(box);
    return () => observer.disconnect();
  }, [element]);
  return plotWidth;
}

export function EventTimelineCanvas({ data, axisLabel }: { data: EventTimeline; axisLabel: string }) {
  const box = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const plotWidth = usePlotWidth(box);
  const width = LABEL_WIDTH + plotWidth + RIGHT_MARGIN;
  const scale = typeof window === 'undefined' ? 1 : window.devicePixelRatio || 1;
  useLayoutEffect(() => {
    const context = canvas.current?.getContext('2d');
    if (!context) return;
    context.setTransform(scale, 0, 0, scale, 0, 0);
    draw(context, data, axisLabel, plotWidth);
  }, [data, axisLabel, scale, plotWidth]);
  const hover = (event: MouseEvent<HTMLCanvasElement>) => {
    const rect = event.currentTarget.getBoundingClientRect();
    event.currentTarget.title = hoveredTitle(data, event.clientX - rect.left, event.clientY - rect.top, plotWidth);
  };
  return (
    <div ref={box} className="event-timeline-box">
      <canvas
        ref={canvas}
        className="event-timeline"
        data-testid="event-timeline"
        width={Math.round(width * scale)}
        height={Math.round(HEIGHT * scale)}
        style={{ width, height: HEIGHT }}
        role="img"
        aria-label="Event timeline"
        data-plot-width={plotWidth}
        onMouseMove={hover}
        {...markCounts(data.rows)}
      />
    </div>
  );
}
