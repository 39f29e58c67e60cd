/**
 * @fileoverview The events panel's list: one line of text per event, its
 * values in fixed-width columns (`text-columns.ts`) under a header line,
 * events since the last pause highlighted; each line carries its event's
 * `data-event-index` and `data-kind`.
 *
 * Lines of text, not a table: a running kernel records tens of events
 * between two live refreshes, so each refresh rewrites every line in view.
 * With a cell per value that was six texts and six boxes per row to lay out
 * again (~500 layout objects, 3–5 ms of the main thread per refresh in a
 * Chromium trace, 2026-11-27); one text per line is a sixth of them. Lines
 * are kept by position, so a refresh changes texts and makes no elements,
 * and lines far from the view are left empty (`useRowsInView.ts`).
 *
 * Pipeline place: rendered by `events-panel.tsx`; styled in panels.css.
 */
import { memo, useRef } from 'react';
import { useRowsInView } from './useRowsInView.js';

/** A line's height in px (panels.css: `.event-log li`). */
const LINE_HEIGHT_PX = 16;

export interface EventLine {
  /** The event's number since boot. */
  readonly index: number;
  /** Its lane ("interrupt", "context switch", …). */
  readonly kind: string;
  /** The whole line, its columns padded (`textColumns`). */
  readonly text: string;
  /** Recorded since the last pause. */
  readonly isNew: boolean;
}

interface LineProps extends EventLine {
  /** Far from the view: the line without its text. */
  readonly placeholder: boolean;
}

const Line = memo(function Line({ index, kind, text, isNew, placeholder }: LineProps) {
  return (
    <li data-event-index={index} data-kind={kind} className={isNew ? 'changed' : undefined}>
      {placeholder ? null : text}
    </li>
  );
});

export function EventLog({ header, lines, label }: { header: string; lines: readonly EventLine[]; label: string }) {
  const list = useRef<HTMLOListElement>(null);
  const near = useRowsInView(list, LINE_HEIGHT_PX, true);
  return (
    <div className="event-log mono">
      <div className="event-log-header">{header}</div>
      <ol ref={list} aria-label={label} style={{ height: lines.length * LINE_HEIGHT_PX }}>
        {lines.map((line, position) => (
          <Line key={position} {...line} placeholder={position < near.first || position >= near.end} />
        ))}
      </ol>
    </div>
  );
}
