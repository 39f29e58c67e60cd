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
import type { Machine } from './machine.js';
import { terminalRows } from './terminal-rows.js';

/** The terminal's size, and its font as xterm.js is given it. */
export interface TerminalGeometry {
  readonly columns: number;
  readonly rows: number;
  readonly fontSizePx: number;
  readonly fontFamily: string;
}

/**
 * Shows `machine`'s COM1 output in `container` as `geometry`'s terminal
 * would; returns the function that removes the view.
 */
export function showEarlySerial(container: HTMLElement, machine: Machine, geometry: TerminalGeometry): () => void {
  const view = document.createElement('pre');
  view.className = 'serial-early';
  view.style.font = `${geometry.fontSizePx}px ${geometry.fontFamily}`;
  container.append(view);
  const rowPx = rowHeightPx(view);
  view.style.lineHeight = `${rowPx}px`;
  view.style.height = `${rowPx * geometry.rows}px`;

  let shownText: string | null = null;
  let frame = 0;
  const draw = () => {
    frame = 0;
    const text = machine.serialText();
    if (text === shownText) return;
    shownText = text;
    view.textContent = terminalRows(text, geometry.columns, geometry.rows).join('\n');
  };
  const drawNextFrame = () => {
    frame ||= requestAnimationFrame(draw);
  };
  draw(); // what COM1 got before the page rendered: in this very first frame
  const unsubscribeBytes = machine.onSerialByte(drawNextFrame);
  const unsubscribeStatus = machine.onStatusChange(drawNextFrame);
  return () => {
    cancelAnimationFrame(frame);
    unsubscribeStatus();
    unsubscribeBytes();
    view.remove();
  };
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
