/**
 * @fileoverview The serial terminal's first view: COM1 output as plain text
 * rows in a `pre`, laid out and sized like the xterm.js terminal that
 * replaces it, so the kernel's first words are on screen one frame after
 * they arrive, before xterm.js (most of the page's script) has even loaded.
 *
 * Pipeline place: `SerialTerminal` shows it when it mounts and removes it
 * once xterm has drawn the same text (it then also shows every later byte);
 * until then it redraws from `Machine.serialText()` at most once a frame,
 * through `terminalRows`, so it can neither lose nor repeat a byte, and a new
 * boot (status 'loading') empties it as it does the terminal.
 */
import type { PlaygroundMachine } from './playground-machine.js';
import { terminalRows } from './terminal-rows.js';

/** The terminal's size, and its font as xterm.js is given it. */
export interface TerminalGeometry {
  readonly columns: number;
  readonly rows: number;
  readonly fontSizePx: number;
  readonly fontFamily: string;
}

/** The fewest rows the terminal shows, however little room it has. */
export const MIN_TERMINAL_ROWS = 4;

/** The early view, and how many rows it shows: the terminal that replaces it starts with as many. */
export interface EarlySerialView {
  readonly rows: number;
  readonly remove: () => void;
}

/**
 * Shows `machine`'s COM1 output in `container` as `geometry`'s terminal
 * would, in as many rows as fit the height the page's layout gives
 * `container` (`geometry.rows` while it has none: not laid out yet).
 */
export function showEarlySerial(container: HTMLElement, machine: PlaygroundMachine, geometry: TerminalGeometry): EarlySerialView {
  const roomPx = container.clientHeight;
  const view = document.createElement('pre');
  view.className = 'serial-early';
  view.style.font = `${geometry.fontSizePx}px ${geometry.fontFamily}`;
  container.append(view);
  const rowPx = rowHeightPx(view);
  const rows = roomPx > 0 ? Math.max(MIN_TERMINAL_ROWS, Math.floor(roomPx / rowPx)) : geometry.rows;
  view.style.lineHeight = `${rowPx}px`;
  view.style.height = `${rowPx * rows}px`;

  let shownText: string | null = null;
  let frame = 0;
  const draw = () => {
    frame = 0;
    const text = machine.serialText();
    if (text === shownText) return;
    shownText = text;
    view.textContent = terminalRows(text, geometry.columns, rows).join('\n');
  };
  const drawNextFrame = () => {
    frame ||= requestAnimationFrame(draw);
  };
  draw(); // what COM1 got before the page rendered: in this very first frame
  const unsubscribeBytes = machine.onSerialByte(drawNextFrame);
  const unsubscribeStatus = machine.onStatusChange(drawNextFrame);
  const remove = () => {
    cancelAnimationFrame(frame);
    unsubscribeStatus();
    unsubscribeBytes();
    view.remove();
  };
  return { rows, remove };
}

/**
 * The height of one terminal row, computed as xterm.js does: the font's line
 * height, rounded up to whole device pixels.
 */
function rowHeightPx(view: HTMLElement): number {
  const probe = document.createElement('span');
  probe.textContent = 'W';
  view.append(probe);
  const fontHeight = probe.getBoundingClientRect().height;
  probe.remove();
  return Math.ceil(fontHeight * devicePixelRatio) / devicePixelRatio;
}
