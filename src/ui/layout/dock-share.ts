/**
 * @fileoverview How much of the window's height the panel dock takes when
 * the page fits the window (styles.css): a share the user sets by dragging
 * or with the arrow keys on the line above the dock (`DockSplitter.tsx`),
 * kept in browser storage so that it survives a reload. A share rather than
 * pixels, so that it still fits when the window is resized.
 *
 * Pipeline place: `App.tsx` reads it once, sets it as the CSS variable
 * `--dock-share` on the page, and saves it after each change.
 */

/** The storage key; one value for every workspace, it is a property of the screen, not of an experiment. */
export const DOCK_SHARE_KEY = 'eduos-playground.dock-share';

/** What a first visit gets: the editor and the machine above, a panel's first ~20 rows below. */
export const DEFAULT_DOCK_SHARE = 0.45;

/** The smallest and largest share: the dock keeps its tabs and a few rows, the editor a few lines. */
export const MIN_DOCK_SHARE = 0.15;
export const MAX_DOCK_SHARE = 0.8;

/** One arrow key press moves the line this much. */
export const DOCK_SHARE_STEP = 0.05;

/** `share` within the limits (DEFAULT_DOCK_SHARE for anything that is not a number). */
export function clampDockShare(share: number): number {
  if (!Number.isFinite(share)) return DEFAULT_DOCK_SHARE;
  return Math.min(MAX_DOCK_SHARE, Math.max(MIN_DOCK_SHARE, share));
}

/** The dock's share for a line dragged to `pointerY` in a window `windowHeight` high: the dock is what lies below it. */
export function dockShareAt(pointerY: number, windowHeight: number): number {
  return clampDockShare((windowHeight - pointerY) / windowHeight);
}

/** The share saved in `storage`, or the default (nothing saved, no storage, or a value that is not a share). */
export function loadDockShare(storage: Pick<Storage, 'getItem'> | null): number {
  const saved = storage?.getItem(DOCK_SHARE_KEY);
  return saved ? clampDockShare(Number(saved)) : DEFAULT_DOCK_SHARE;
}

/** Saves `share` in `storage`; a storage that refuses (full, private mode) only loses the setting. */
export function saveDockShare(storage: Pick<Storage, 'setItem'> | null, share: number): void {
  try {
    storage?.setItem(DOCK_SHARE_KEY, share.toFixed(3));
  } catch {
    // The dock keeps its height for this visit.
  }
}
