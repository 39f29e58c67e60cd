/**
 * @fileoverview The events panel's list: one line of text per event, its
 * values in fixed-width columns (`text-columns.ts`) under a header line,
 * events since the last pause highlighted; each line carries its event's
 * `data-event-index` and `data-kind`. Only the lines near the view are
 * written out.
 *
 * Lines of text, not a table: a running kernel records tens of events
 * between two live refreshes, so each refresh rewrites every line in view.
 * With a cell per value that was six texts and six boxes per row to lay out
 * again (~500 layout objects, 3–5 ms of the main thread per refresh in a
 * Chromium trace, 2026-11-27); one text per line is a sixth of them. Lines
 * are kept by position, so a refresh changes texts and makes no elements
 * (keyed by event instead, each refresh made tens of new elements, whose
 * style cost more than the texts saved: tried). Only the lines near the
 * view are in the document (`useRowsInView.ts`), after a padding as high as
 * the lines above them: the others cost each refresh nothing at all.
 *
 * Pipeline place: rendered by `events-panel.tsx`; styled in panels.css.
 */
import { memo, useRef, type CSSProperties } from 'react';
import { textColumns, type ColumnWidths } from './text-columns.js';
import { useRowsInView } from './useRowsInView.js';

/** A line's height in px: the list's height here, each line's in panels.css (through `--line-height`). */
const LINE_HEIGHT_PX = 16;
const LOG_STYLE = { '--line-height': `${LINE_HEIGHT_PX}px` } as CSSProperties;

export interface EventLine {
  /** The event's number since boot. */
  readonly index: number;
  /** Its lane ("interrupt", "context switch", …). */
  readonly kind: string;
  /** The values of its columns. */
  readonly values: readonly string[];
  /** Recorded since the last pause. */
  readonly isNew: boolean;
}

interface LineProps {
  readonly line: EventLine;
  readonly widths: ColumnWidths;
}

function LineView({ line, widths }: LineProps) {
  return (
    <li data-event-index={line.index} data-kind={line.kind} className={line.isNew ? 'changed' : undefined}>
      {textColumns(line.values, widths)}
    </li>
  );
}

function sameLine(a: EventLine, b: EventLine): boolean {
  return a.index === b.index && a.kind === b.kind && a.isNew === b.isNew && a.values.length === b.values.length && a.values.every((value, i) => value === b.values[i]);
}

/** A line equal to its last render (the same event, the same texts) is not rendered again. */
const Line = memo(LineView, (a, b) => a.widths === b.widths && sameLine(a.line, b.line));

export interface EventLogProps {
  /** The columns' headers and widths (keep `widths` the same array: a new one renders every line again). */
  readonly headers: readonly string[];
  readonly widths: ColumnWidths;
  /** How many lines, and the line at a position (0 the first): asked only for the lines near the view. */
  readonly count: number;
  readonly lineAt: (position: number) => EventLine;
  readonly label: string;
}

export function EventLog({ headers, widths, count, lineAt, label }: EventLogProps) {
  const list = useRef<HTMLOListElement>(null);
  const near = useRowsInView(list, LINE_HEIGHT_PX, true);
  const first = Math.min(near.first, count);
  const positions = Array.from({ length: Math.max(0, Math.min(near.end, count) - first) }, (_, i) => first + i);
  return (
    <div className="event-log mono" style={LOG_STYLE}>
      <div className="event-log-header">{textColumns(headers, widths)}</div>
      <ol ref={list} aria-label={label} style={{ height: count * LINE_HEIGHT_PX, paddingTop: first * LINE_HEIGHT_PX }}>
        {positions.map((position) => (
          <Line key={position} line={lineAt(position)} widths={widths} />
        ))}
      </ol>
    </div>
  );
}
