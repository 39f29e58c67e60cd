/**
 * @fileoverview Draws v86's text screen only when it changed. v86's screen
 * adapter redraws in a requestAnimationFrame loop that never stops, so the
 * page renders 60 frames a second even when nothing on the screen changed —
 * each one committed, and with a long panel table on the page (the IDT's 256
 * rows) laid out for visibility and layerized again: a steady cost taken
 * from the main thread where v86 emulates. In text mode the screen changes
 * only through the adapter's own methods (`put_char`, the cursor, the mode,
 * the size, the font), so after a frame in which none was called the loop
 * pauses, and the next such call starts it again. Graphics modes keep v86's
 * loop: it pulls each frame from the VGA memory itself.
 *
 * Pipeline place: applied by `emulator.ts` to each emulator it builds.
 */

/** The adapter's methods that draw or schedule; every other method may change what the screen shows. */
const DRAWING_METHODS = new Set(['timer', 'update_screen', 'update_text', 'update_graphical', 'update_graphical_text', 'init', 'destroy', 'make_screenshot']);

/**
 * v86's screen adapter (`emulator.screen_adapter`): `timer` asks for the next frame, whose callback draws and calls
 * `timer` again. Without a screen container (in Node) v86 gives a dummy adapter with no frame loop and no `timer`.
 */
export interface ScreenAdapterInternals {
  timer?(): void;
  [method: string]: unknown;
}

/** Applies to `adapter` if it has a frame loop; a dummy adapter is left as it is. */
export function drawScreenOnlyWhenChanged(adapter: ScreenAdapterInternals): void {
  if (typeof adapter.timer !== 'function') return;
  const requestFrame = adapter.timer.bind(adapter);
  let graphical = false;
  let changed = true;
  let frameRequested = true; // the adapter's own loop is running
  adapter.timer = () => {
    frameRequested = graphical || changed;
    changed = false;
    if (frameRequested) requestFrame();
  };
  for (const name of Object.keys(adapter)) {
    const method = adapter[name];
    if (typeof method !== 'function' || DRAWING_METHODS.has(name)) continue;
    adapter[name] = (...args: unknown[]) => {
      if (name === 'set_mode') graphical = Boolean(args[0]);
      changed = true;
      if (!frameRequested) {
        frameRequested = true;
        changed = false;
        requestFrame();
      }
      return (method as (...a: unknown[]) => unknown).apply(adapter, args);
    };
  }
}
