/**
 * @fileoverview The VGA screen of a machine in the worker, drawn on the page
 * from its `TextScreen` (`remote-machine.ts` keeps it up to date): the same
 * elements and classes as v86's own screen adapter draws into
 * (`screen-element.ts`), one `div` per row with a `span` per run of one
 * colour, and the cursor as a cell in reversed colours. Rows are redrawn
 * only when they changed, at most once a frame. Graphics modes are not
 * shown (the kernel uses text mode 3).
 *
 * Pipeline place: `start-page.ts` makes it for the page's remote machine;
 * `Screen.tsx` shows it as it shows v86's element.
 */
import { createScreenElement } from '../screen-element.js';
import type { RemoteMachine } from './remote-machine.js';
import type { TextRun, TextScreen } from './text-screen.js';

const css = (rgb: number) => `#${(rgb & 0xffffff).toString(16).padStart(6, '0')}`;

function runSpan({ text, fg, bg }: TextRun, className?: string): HTMLSpanElement {
  const span = document.createElement('span');
  span.textContent = text;
  // The cursor's cell swaps its colours, as a block cursor shows.
  span.style.color = css(className ? bg : fg);
  span.style.backgroundColor = css(className ? fg : bg);
  if (className) span.className = className;
  return span;
}

/** A row's spans, the cursor's cell in a span of its own when the cursor is in this row. */
function rowSpans(screen: TextScreen, row: number): HTMLSpanElement[] {
  const runs = screen.rowRuns(row);
  const { cursor } = screen;
  if (!cursor.visible || cursor.row !== row || cursor.col >= screen.cols) return runs.map((run) => runSpan(run));
  const spans: HTMLSpanElement[] = [];
  let col = 0;
  for (const run of runs) {
    const at = cursor.col - col;
    if (at >= 0 && at < run.text.length) {
      if (at > 0) spans.push(runSpan({ ...run, text: run.text.slice(0, at) }));
      spans.push(runSpan({ ...run, text: run.text[at] }, 'v86-text-cursor'));
      if (at + 1 < run.text.length) spans.push(runSpan({ ...run, text: run.text.slice(at + 1) }));
    } else spans.push(runSpan(run));
    col += run.text.length;
  }
  return spans;
}

/** The screen element for `machine`, kept drawn as its text screen changes. */
export function createRemoteScreenElement(machine: RemoteMachine): HTMLElement {
  const display = createScreenElement();
  const text = display.querySelector<HTMLElement>('.v86-text')!;
  const dirty = new Set<number>();
  let cursorRow = -1;
  let frame: number | null = null;
  const draw = () => {
    frame = null;
    const { screen } = machine;
    while (text.children.length > screen.rows) text.lastElementChild!.remove();
    while (text.children.length < screen.rows) {
      dirty.add(text.children.length);
      text.append(document.createElement('div'));
    }
    // The cursor's old and new rows change too.
    [cursorRow, screen.cursor.row].forEach((row) => row >= 0 && row < screen.rows && dirty.add(row));
    cursorRow = screen.cursor.row;
    for (const row of dirty) text.children[row]?.replaceChildren(...rowSpans(screen, row));
    dirty.clear();
    text.title = screen.graphical ? 'The kernel switched to a graphics mode, which this screen does not show' : '';
  };
  machine.onScreenChange((rows) => {
    rows.forEach((row) => dirty.add(row));
    frame ??= requestAnimationFrame(draw);
  });
  return display;
}
