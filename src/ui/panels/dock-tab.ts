/**
 * @fileoverview The panel dock's open tab, kept outside the dock: a share
 * link records it and opening a link brings it back, whether the dock is
 * mounted yet or not (it mounts after the first output, or not at all while
 * "Panels" is off). Null until a tab is chosen: the dock shows its first.
 *
 * Pipeline place: written by `PanelDock.tsx` (a tab clicked) and by the
 * share links (`ui/share/useSharedLink.ts`, a link opened); read by the dock
 * and by `ui/share/page-share.ts`.
 */

let openTab: string | null = null;
const listeners = new Set<(panelId: string) => void>();

/** The panel id of the tab chosen last (null: none chosen, the dock shows its first). */
export function dockTab(): string | null {
  return openTab;
}

/** Shows `panelId`'s tab in the dock (now, or when it mounts); an id the dock does not have leaves its tab as it is. */
export function showDockTab(panelId: string): void {
  openTab = panelId;
  for (const listener of listeners) listener(panelId);
}

/** Calls `listener` on every `showDockTab`; returns the unsubscribe function. */
export function onDockTab(listener: (panelId: string) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
