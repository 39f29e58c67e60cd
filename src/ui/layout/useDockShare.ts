/**
 * @fileoverview The panel dock's share of the window's height as React
 * state: loaded from browser storage once, moved while the splitter is
 * dragged, saved when a move ends (`dock-share.ts`).
 *
 * Pipeline place: used by `App.tsx`, which passes `move` and `keep` to the
 * `DockSplitter`.
 */
import { useCallback, useState } from 'react';
import { pageStorage } from '../editor/kernel-sources.js';
import { loadDockShare, saveDockShare } from './dock-share.js';

export interface DockShare {
  readonly share: number;
  /** Shows the dock at `share` (while dragging). */
  readonly move: (share: number) => void;
  /** Shows the dock at `share` and keeps it for the next visit. */
  readonly keep: (share: number) => void;
}

export function useDockShare(): DockShare {
  const [share, setShare] = useState(() => loadDockShare(pageStorage()));
  const keep = useCallback((next: number) => {
    setShare(next);
    saveDockShare(pageStorage(), next);
  }, []);
  return { share, move: setShare, keep };
}
