/**
 * @fileoverview In the machine worker, where v86 draws no screen: follows
 * the calls v86's VGA card makes to its screen adapter (the dummy one v86
 * gives when there is no screen element) into a `TextScreen`, and hands
 * the changed rows on once the slice of emulation that changed them ends.
 *
 * v86's VGA card calls, on its adapter: `put_char(row, col, char, flags,
 * background, foreground)` with colours as 0xRRGGBB from its palette,
 * `set_size_text(cols, rows)`, `clear_screen()`, `update_cursor(row, col)`,
 * `update_cursor_scanline(start, end, visible)` and `set_mode(graphical)`
 * (checked against v86 0.5.462's libv86.mjs).
 *
 * Pipeline place: `Machine` applies it to each emulator it boots when its
 * options ask for the screen as updates (`MachineOptions.onScreenUpdate`).
 */
import { TextScreen, type ScreenUpdate } from './text-screen.js';

/** The adapter methods followed here; each still runs as v86 wrote it. */
export interface ScreenAdapterCalls {
  put_char(row: number, col: number, char: number, flags: number, bg: number, fg: number): void;
  set_size_text(cols: number, rows: number): void;
  clear_screen(): void;
  update_cursor(row: number, col: number): void;
  update_cursor_scanline(start: number, end: number, visible: boolean): void;
  set_mode(graphical: boolean): void;
  /** The dummy adapter's text, a string per row: its size before the capture began. */
  get_text_screen(): string[];
}

/** Follows `adapter` into a new TextScreen; `onUpdate` hears the changes of each slice, at its end. */
export function captureScreen(adapter: ScreenAdapterCalls, onUpdate: (update: ScreenUpdate) => void): TextScreen {
  const screen = new TextScreen();
  // v86 set the size as it built the machine, before the kernel ran; the first update sends the blank screen.
  const rows = adapter.get_text_screen();
  screen.setSize(rows[0]?.length ?? 0, rows.length);
  let scheduled = false;
  const changed = () => {
    if (scheduled) return;
    scheduled = true;
    // After the slice: a slice writes a line or a screenful of cells at once.
    queueMicrotask(() => {
      scheduled = false;
      onUpdate(screen.takeUpdate());
    });
  };
  const follow = <K extends keyof ScreenAdapterCalls>(name: K, apply: (...args: Parameters<ScreenAdapterCalls[K]>) => void) => {
    const original = adapter[name].bind(adapter) as (...args: Parameters<ScreenAdapterCalls[K]>) => void;
    (adapter[name] as (...args: Parameters<ScreenAdapterCalls[K]>) => void) = (...args) => {
      original(...args);
      apply(...args);
      changed();
    };
  };
  follow('put_char', (row, col, char, _flags, bg, fg) => screen.putChar(row, col, char, bg, fg));
  follow('set_size_text', (cols, rows) => screen.setSize(cols, rows));
  follow('clear_screen', () => screen.clear());
  follow('update_cursor', (row, col) => (screen.cursor = { ...screen.cursor, row, col }));
  follow('update_cursor_scanline', (_start, _end, visible) => (screen.cursor = { ...screen.cursor, visible }));
  follow('set_mode', (graphical) => (screen.graphical = graphical));
  changed();
  return screen;
}
