// rowsNearView: the rows inside the visible part of the scroll container, plus MARGIN_ROWS on each side.
import { describe, expect, it } from 'vitest';
import { MARGIN_ROWS, rowsNearView } from './useRowsInView.js';

describe('rowsNearView', () => {
  it('gives the rows from the top when the table starts in view', () => {
    // Body at y = 100, view from 0 to 420: rows 0–19 are visible (16 px each), then the margin.
    expect(rowsNearView(100, 0, 420, 16)).toEqual({ first: 0, end: 20 + MARGIN_ROWS });
  });

  it('follows a scrolled table: the rows under the view, with the margin above and below', () => {
    // Body scrolled 1600 px up (row 100 at the view's top), view 320 px high: rows 100–119.
    expect(rowsNearView(-1600, 0, 320, 16)).toEqual({ first: 100 - MARGIN_ROWS, end: 120 + MARGIN_ROWS });
  });

  it('gives the rows within the margin of a table just below the view, and none of one far below', () => {
    expect(rowsNearView(500 + 16 * (MARGIN_ROWS - 2), 0, 500, 16)).toEqual({ first: 0, end: 2 });
    expect(rowsNearView(5000, 0, 500, 16)).toEqual({ first: 0, end: 0 });
  });
});
