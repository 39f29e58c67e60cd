/**
 * @fileoverview The dock's live refresh loop, on a time budget: refreshes
 * every `intervalMs` at best, and after refreshes that took X ms — read and
 * render, and when they changed the page the browser's rendering of the next
 * frame (style, layout, paint) — waits at least X·(1 − share)/share ms, so
 * the refreshes take no more than `share` of the page's main thread, where
 * v86 emulates, whatever a panel costs. X is a moving average: one slow
 * refresh (a garbage collection, the machine busy elsewhere) lengthens the
 * next few waits a little rather than one a lot, for the same total; and
 * refreshes are never more than `maxIntervalMs` apart, since a frame can be
 * slow for reasons of its own (the editor rendering a build's results in the
 * same frame) and the panel must not freeze for it. No refresh while the
 * page is hidden; one at once when it shows again.
 *
 * Pipeline place: started by `PanelDock.tsx` while the machine runs, around
 * its read-and-render of the visible panel.
 */

export interface LivePolicy {
  /** The shortest time from one refresh's start to the next's. */
  readonly intervalMs: number;
  /** The largest share of the main thread's time the refreshes may take (0 < share < 1). */
  readonly share: number;
  /** The longest time from one refresh's start to the next's, whatever they cost. */
  readonly maxIntervalMs: number;
}

/** What the loop needs from its surroundings (a fake one in tests). */
export interface LiveClock {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  /** Calls `callback` with how long the browser took to render the next frame; returns a function that cancels. */
  afterNextFrame(callback: (renderMs: number) => void): () => void;
  /** True while the page is not shown (a background tab, a minimised window). */
  hidden(): boolean;
  /** Calls `listener` when the page's visibility changes; returns the unsubscribe function. */
  onVisibilityChange(listener: () => void): () => void;
}

/** The Prioritized Task Scheduling API (Chromium, Firefox); not in TypeScript's DOM types yet. */
interface TaskScheduler {
  postTask(task: () => void, options: { priority: 'user-blocking' }): Promise<void>;
}

/** Runs `task` in a task of its own, ahead of the page's ordinary tasks where the browser has task priorities. */
function soon(task: () => void): void {
  const scheduler = (globalThis as { scheduler?: TaskScheduler }).scheduler;
  if (scheduler) {
    void scheduler.postTask(task, { priority: 'user-blocking' });
    return;
  }
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    channel.port1.close();
    task();
  };
  channel.port2.postMessage(null);
}

/**
 * The next frame's rendering, timed from its animation-frame callbacks to the
 * first task after it: a high-priority one, so v86's slices queued meanwhile
 * do not count. Other callbacks of that frame count too: the estimate errs on
 * the safe side.
 */
function afterNextFrame(callback: (renderMs: number) => void): () => void {
  let cancelled = false;
  const frame = requestAnimationFrame(() => {
    const started = performance.now();
    soon(() => {
      if (!cancelled) callback(performance.now() - started);
    });
  });
  return () => {
    cancelled = true;
    cancelAnimationFrame(frame);
  };
}

export const BROWSER_CLOCK: LiveClock = {
  now: () => performance.now(),
  setTimeout: (callback, ms) => window.setTimeout(callback, ms),
  clearTimeout: (handle) => window.clearTimeout(handle as number),
  afterNextFrame,
  hidden: () => document.visibilityState === 'hidden',
  onVisibilityChange: (listener) => {
    document.addEventListener('visibilitychange', listener);
    return () => document.removeEventListener('visibilitychange', listener);
  },
};

/** How long to wait after refreshes that took `costMs` (before `maxIntervalMs` caps it). */
export function delayAfter(costMs: number, policy: LivePolicy): number {
  return Math.max(policy.intervalMs - costMs, (costMs * (1 - policy.share)) / policy.share);
}

/** Weight of the latest refresh in the moving average of their cost. */
const LATEST_WEIGHT = 0.25;

/**
 * Calls `refresh` on `policy`'s budget until the returned function stops it;
 * `refresh` returns whether it changed the page (then the next frame's
 * rendering counts as part of its cost). The first call is `policy`'s interval away.
 */
export function startLiveRefresh(refresh: () => boolean, policy: LivePolicy, clock: LiveClock = BROWSER_CLOCK): () => void {
  /** What the loop waits for: the next refresh, the rendering of a refresh's frame, or nothing (hidden, stopped). */
  let cancelWait: (() => void) | null = null;
  let averageMs: number | null = null;
  // A refresh dearer than this already earns the longest wait: counting more would only drag the average up for long.
  const largestCostMs = (policy.maxIntervalMs * policy.share) / (1 - policy.share);
  /** Waits for the next refresh after one that started at `started` and cost `costMs`. */
  const waitAfter = (started: number, costMs: number) => {
    const counted = Math.min(costMs, largestCostMs);
    averageMs = averageMs === null ? counted : averageMs + LATEST_WEIGHT * (counted - averageMs);
    wait(Math.min(delayAfter(averageMs, policy), untilLatest(started)));
  };
  const untilLatest = (started: number) => Math.max(0, started + policy.maxIntervalMs - clock.now());
  const wait = (ms: number) => {
    const handle = clock.setTimeout(tick, ms);
    cancelWait = () => clock.clearTimeout(handle);
  };
  function tick(): void {
    cancelWait = null;
    if (clock.hidden()) return; // resumed by the visibility listener
    const started = clock.now();
    const changed = refresh();
    const refreshMs = clock.now() - started;
    if (changed) waitForFrame(started, refreshMs);
    else waitAfter(started, refreshMs);
  }
  /** The refresh's frame, but no longer than the next refresh is due: a page that stops rendering (hidden meanwhile) must not stall the loop. */
  function waitForFrame(started: number, refreshMs: number): void {
    const proceed = (renderMs: number) => {
      cancelWait?.();
      waitAfter(started, refreshMs + renderMs);
    };
    const cancelFrame = clock.afterNextFrame(proceed);
    const fallback = clock.setTimeout(() => proceed(clock.now() - started - refreshMs), untilLatest(started));
    cancelWait = () => {
      cancelFrame();
      clock.clearTimeout(fallback);
    };
  }
  const stopListening = clock.onVisibilityChange(() => {
    if (!clock.hidden() && cancelWait === null) tick();
  });
  wait(policy.intervalMs);
  return () => {
    cancelWait?.();
    cancelWait = null;
    stopListening();
  };
}
