// The event timeline canvas's geometry and what it tells without pixels: where a mark sits, which event the
// pointer names, and the mark counts the canvas carries for tests and tools.
import { describe, expect, it } from 'vitest';
import type { EventRow, EventTimeline } from '../decoders/event-timeline.js';
import { DEFAULT_PLOT_WIDTH, hoveredTitle, markCentre, markCounts, plotWidthFor } from './EventTimelineCanvas.js';

function row(index: number, lane: EventRow['lane'], cycles: number, isNew = false): EventRow {
  return { index, lane, cycles, label: `event ${index}`, argument: 0, taskId: 1, task: '1 shell', detail: 0, at: '', isNew };
}

const ROWS = [row(10, 'interrupt', 0), row(11, 'context switch', 500), row(12, 'other', 600), row(13, 'interrupt', 1000, true)];
const TIMELINE: EventTimeline = {
  rows: ROWS,
  originCycles: 7000,
  eventCount: 14,
  spanCycles: 1000,
  cyclesPerMs: null,
  laneCounts: { interrupt: 2, exception: 0, 'page fault': 0, 'context switch': 1 },
};

describe('EventTimelineCanvas', () => {
  it('places marks by time across the plot, in their lane; events of no lane have none', () => {
    const first = markCentre(ROWS[0], 1000)!;
    const last = markCentre(ROWS[3], 1000)!;
    const middle = markCentre(ROWS[1], 1000)!;
    expect(last.x - first.x).toBeGreaterThan(0);
    expect(middle.x).toBeCloseTo((first.x + last.x) / 2);
    expect(first.y).toBe(last.y);
    expect(middle.y).toBeGreaterThan(first.y); // the context-switch lane is below the interrupt lane
    expect(markCentre(ROWS[2], 1000)).toBeNull();
  });

  it('names the event under the pointer, in the lane the pointer is in, and nothing away from marks', () => {
    const last = markCentre(ROWS[3], 1000)!;
    expect(hoveredTitle(TIMELINE, last.x + 1, last.y)).toBe('#13 at TSC 8000: event 13 (task 1 shell)');
    const middle = markCentre(ROWS[1], 1000)!;
    expect(hoveredTitle(TIMELINE, middle.x, middle.y)).toBe('#11 at TSC 7500: event 11 (task 1 shell)');
    expect(hoveredTitle(TIMELINE, middle.x, last.y)).toBe(''); // the interrupt lane has no mark there
  });

  it('spans the time axis over the width the panel gives it, down to a narrowest plot', () => {
    const wide = plotWidthFor(900);
    expect(plotWidthFor(600)).toBeLessThan(wide);
    expect(plotWidthFor(600)).toBeGreaterThan(plotWidthFor(400));
    expect(plotWidthFor(600) + 300).toBe(wide);
    expect(plotWidthFor(100)).toBe(plotWidthFor(50)); // the narrowest plot: the canvas scrolls with the panel
    const [first, last] = [markCentre(ROWS[0], 1000, wide)!, markCentre(ROWS[3], 1000, wide)!];
    expect(last.x - first.x).toBe(wide);
    expect(markCentre(ROWS[3], 1000)!.x - markCentre(ROWS[0], 1000)!.x).toBe(DEFAULT_PLOT_WIDTH);
    expect(hoveredTitle(TIMELINE, last.x, last.y, wide)).toBe('#13 at TSC 8000: event 13 (task 1 shell)');
    expect(hoveredTitle(TIMELINE, last.x, last.y, DEFAULT_PLOT_WIDTH)).toBe(''); // the pointer past the default plot's end
  });

  it('counts the marks drawn per kind and the new ones', () => {
    expect(markCounts(ROWS)).toEqual({
      'data-marks-new': 1,
      'data-marks-interrupt': 2,
      'data-marks-exception': 0,
      'data-marks-page-fault': 0,
      'data-marks-context-switch': 1,
    });
  });
});
