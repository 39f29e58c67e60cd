/**
 * @fileoverview Which rows of a table body with one fixed row height are
 * near what its scroll container shows (the panel's body), plus a margin on
 * each side — whether or not the page is scrolled to the panel, so what the
 * panel shows does not depend on where the page is. Follows scrolling and
 * resizing.
 *
 * Pipeline place: the events panel's list (`EventLog.tsx`) renders only
 * these lines; a padding keeps the place of those above.
 */
import { useLayoutEffect, useState, type RefObject } from 'react';
import { flushSync } from 'react-dom';

/** Rows `first` (inclusive) to `end` (exclusive). */
export interface RowRange {
  readonly first: number;
  readonly end: number;
}

/**
 * Rows written out beyond each edge of the view, so that scrolling by a row shows one already there (a longer
 * scroll has its rows written before the next frame: the listener renders at once). One: while the machine runs,
 * every row near the view is written again on each refresh, a margin row at ~0.08 ms of the main thread
 * (2026-11-27 trace of the events panel).
 */
export const MARGIN_ROWS = 1;

/** Until the first measurement: the top of the table, where a panel opens. */
const INITIAL_RANGE: RowRange = { first: 0, end: 64 };

/**
 * The rows near the view: `bodyTop` is where the body's first row starts and `viewTop`/`viewBottom` the scroll
 * container's edges, all in the same coordinates (the window's).
 */
export function rowsNearView(bodyTop: number, viewTop: number, viewBottom: number, rowHeight: number): RowRange {
  const first = Math.max(0, Math.floor((viewTop - bodyTop) / rowHeight) - MARGIN_ROWS);
  const end = Math.max(first, Math.ceil((viewBottom - bodyTop) / rowHeight) + MARGIN_ROWS);
  return { first, end };
}

function scrollContainer(element: Element): Element | null {
  for (let parent = element.parentElement; parent; parent = parent.parentElement) {
    if (/(auto|scroll)/.test(getComputedStyle(parent).overflowY)) return parent;
  }
  return null;
}

/** The rows of `body` (each `rowHeight` px high) near the view; `INITIAL_RANGE` when `enabled` is false. */
export function useRowsInView(body: RefObject<HTMLElement | null>, rowHeight: number, enabled: boolean): RowRange {
  const [range, setRange] = useState(INITIAL_RANGE);
  useLayoutEffect(() => {
    const element = body.current;
    if (!enabled || !element) return;
    const container = scrollContainer(element);
    const update = () => {
      const view = container?.getBoundingClientRect() ?? { top: 0, bottom: window.innerHeight };
      const next = rowsNearView(element.getBoundingClientRect().top, view.top, view.bottom, rowHeight);
      setRange((was) => (was.first === next.first && was.end === next.end ? was : next));
    };
    update();
    // From a scroll or a resize: rendered at once, before the frame that shows the new position.
    const updateNow = () => flushSync(update);
    // Scroll events do not bubble; a capturing listener on the window hears the container's.
    const options = { capture: true, passive: true } as const;
    window.addEventListener('scroll', updateNow, options);
    window.addEventListener('resize', updateNow, options);
    return () => {
      window.removeEventListener('scroll', updateNow, options);
      window.removeEventListener('resize', updateNow, options);
    };
  }, [body, rowHeight, enabled]);
  return range;
}
