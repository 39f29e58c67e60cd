/**
 * @fileoverview The line between the workspace and the panel dock, when the
 * page fits the window: drag it, or focus it and press the arrow keys (Home
 * and End for the limits), to give the dock more or less of the window's
 * height — as the splitters between an IDE's panes. A window separator in
 * ARIA's terms, so a screen reader says what it is and its value.
 *
 * Pipeline place: rendered by `App.tsx` above the dock; hidden by
 * styles.css where the page scrolls instead of fitting the window. The
 * share and its limits are `dock-share.ts`'s.
 */
import type { KeyboardEvent, PointerEvent } from 'react';
import { clampDockShare, DOCK_SHARE_STEP, dockShareAt, MAX_DOCK_SHARE, MIN_DOCK_SHARE } from './dock-share.js';

interface DockSplitterProps {
  /** The dock's share of the window's height now. */
  readonly share: number;
  /** Called while the line moves, with the new share. */
  readonly onChange: (share: number) => void;
  /** Called once a move has ended (pointer released, key pressed), with the share to keep. */
  readonly onCommit: (share: number) => void;
}

const KEY_SHARES: Record<string, (share: number) => number> = {
  ArrowUp: (share) => share + DOCK_SHARE_STEP,
  ArrowDown: (share) => share - DOCK_SHARE_STEP,
  Home: () => MAX_DOCK_SHARE,
  End: () => MIN_DOCK_SHARE,
};

export function DockSplitter({ share, onChange, onCommit }: DockSplitterProps) {
  const shareAt = (event: PointerEvent) => dockShareAt(event.clientY, window.innerHeight);
  const drag = {
    onPointerDown: (event: PointerEvent<HTMLDivElement>) => {
      event.currentTarget.setPointerCapture(event.pointerId);
      event.preventDefault(); // no text selection while dragging
    },
    onPointerMove: (event: PointerEvent<HTMLDivElement>) => {
      if (event.currentTarget.hasPointerCapture(event.pointerId)) onChange(shareAt(event));
    },
    onPointerUp: (event: PointerEvent<HTMLDivElement>) => {
      if (!event.currentTarget.hasPointerCapture(event.pointerId)) return;
      event.currentTarget.releasePointerCapture(event.pointerId);
      onCommit(shareAt(event));
    },
  };
  const onKeyDown = (event: KeyboardEvent) => {
    const next = KEY_SHARES[event.key];
    if (!next) return;
    event.preventDefault();
    const moved = clampDockShare(next(share));
    onChange(moved);
    onCommit(moved);
  };
  return (
    <div
      className="dock-splitter"
      role="separator"
      aria-orientation="horizontal"
      aria-label="Panel dock height (drag, or the arrow keys)"
      aria-valuemin={Math.round(MIN_DOCK_SHARE * 100)}
      aria-valuemax={Math.round(MAX_DOCK_SHARE * 100)}
      aria-valuenow={Math.round(share * 100)}
      tabIndex={0}
      data-testid="dock-splitter"
      onKeyDown={onKeyDown}
      {...drag}
    />
  );
}
