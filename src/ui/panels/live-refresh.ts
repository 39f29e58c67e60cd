/**
 * @fileoverview The dock's live refresh loop, on a time budget: refreshes
 * every `intervalMs` at best, and after refreshes that took X ms — read and
 * render, and when they changed the page the browser's rendering of the next
 * frame — waits at least X·(1 − share)/share ms, so the refreshes take no
 * more than `share` of the page's main thread, where v86 emulates, whatever
 * a panel costs. The frame counts from when its rendering began: its
 * animation-frame time, or the end of the slice of emulation that ran then
 * (the machine says when), whichever is later; so its every step counts,
 * including those before its animation-frame callbacks (the layout and hit
 * test for the mouse's hover, 1–2 ms a frame in a Chromium trace, which the
 * loop did not count until 2026-11-27), and a fixed `unseenFrameMs` for
 * the browser's own tasks around each frame, which no callback sees (~0.5 ms
 * a frame in a Chromium trace of 2026-11-27: compositor messages, input, the
 * post-frame task; without it the panels took 5.2–5.8 % where the loop
 * counted 4.8 %). X is a moving average: one slow
 * refresh (a garbage collection, the machine busy elsewhere) lengthens the
 * next few waits a little rather than one a lot, for the same total; and
 * refreshes are never more than `maxIntervalMs` apart, since a frame can be
 * slow for reasons of its own (the editor rendering a build's results in the
 * same frame) and the panel must not freeze for it. No refresh while the
 * page is hidden; one at once when it shows again.
 *
 * Pipeline place: started by `PanelDock.tsx` while the machine runs, around
 * its read-and-render of the visible panel, which records what each refresh
 * was charged as a User Timing measure (`measureChargedRefresh`).
 */

export interface LivePolicy {
  /** The shortest time from one refresh's start to the next's. */
  readonly intervalMs: number;
  /** The largest share of the main thread's time the refreshes may take (0 < share < 1). */
  readonly share: number;
  /** The longest time from one refresh's start to the next's, whatever they cost. */
  readonly maxIntervalMs: number;
  /**
   * Browser work each rendered frame costs that no callback of the loop sees, added to every refresh that changed
   * the page: the tasks around the frame (compositor messages, input, the post-frame task).
   */
  readonly unseenFrameMs: number;
}

/** What the loop needs from its surroundings (a fake one in tests). */
export interface LiveClock {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  /** Calls `callback` once the browser has rendered the next frame, with when its rendering began; returns a function that cancels. */
  afterNextFrame(callback: (renderingBegan: number) => void): () => void;
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
 * The first task after the next frame's rendering (a high-priority one, so
 * v86's slices queued meanwhile come after it), told when that rendering
 * began: at the frame's time unless a slice of emulation still ran then —
 * no slice runs between the frame's start and its animation-frame callbacks.
 */
function afterNextFrame(emulatedUntil: () => number, callback: (renderingBegan: number) => void): () => void {
  let cancelled = false;
  const frame = requestAnimationFrame((frameTime) => {
    const began = Math.max(frameTime, emulatedUntil());
    soon(() => {
      if (!cancelled) callback(began);
    });
  });
  return () => {
    cancelled = true;
    cancelAnimationFrame(frame);
  };
}

/** The page's clock; `emulatedUntil` says when the machine's latest slice of emulation ended (`Machine.emulatedUntil`). */
export function browserClock(emulatedUntil: () => number): LiveClock {
  return {
    now: () => performance.now(),
    setTimeout: (callback, ms) => window.setTimeout(callback, ms),
    clearTimeout: (handle) => window.clearTimeout(handle as number),
    afterNextFrame: (callback) => afterNextFrame(emulatedUntil, callback),
    hidden: () => document.visibilityState === 'hidden',
    onVisibilityChange: (listener) => {
      document.addEventListener('visibilitychange', listener);
      return () => document.removeEventListener('visibilitychange', listener);
    },
  };
}

/** How long to wait after refreshes that took `costMs` (before `maxIntervalMs` caps it). */
export function delayAfter(costMs: number, policy: LivePolicy): number {
  return Math.max(policy.intervalMs - costMs, (costMs * (1 - policy.share)) / policy.share);
}

/** What the loop charged a refresh: when it started and what it cost, its frame included (ms). */
export interface ChargedRefresh {
  readonly started: number;
  readonly costMs: number;
}

/** The User Timing name of a live refresh, as the loop charged it (`measureChargedRefresh`). */
export const LIVE_REFRESH_MEASURE = 'live panel refresh';
/** The page keeps at most this many of those measures (a classroom tab may stay open all day, 15 a second). */
const KEPT_MEASURES = 1000;
let measuresKept = 0;

/**
 * Records `refresh` as a User Timing measure, LIVE_REFRESH_MEASURE: seen in the browser's performance tools, and
 * read by `bench/playground-figures.ts` (a PerformanceObserver) for what a panel's refresh costs.
 */
export function measureChargedRefresh(refresh: ChargedRefresh): void {
  if (++measuresKept > KEPT_MEASURES) {
    performance.clearMeasures(LIVE_REFRESH_MEASURE);
    measuresKept = 1;
  }
  performance.measure(LIVE_REFRESH_MEASURE, { start: refresh.started, duration: refresh.costMs });
}

/** Weight of the latest refresh in the moving average of their cost. */
const LATEST_WEIGHT = 0.25;

/** What a refresh that waits for its data resolves with: whether it changed the page, and when its work on this thread began. */
export interface RefreshOutcome {
  readonly changed: boolean;
  readonly workStarted: number;
}

/**
 * Calls `refresh` on `policy`'s budget until the returned function stops it;
 * `refresh` returns whether it changed the page (then the next frame's
 * rendering counts as part of its cost), or a promise of a `RefreshOutcome`
 * (its cost runs from its `workStarted`: the wait for its data costs this
 * thread nothing). The first call is `policy`'s interval away.
 * `charged`, if given, hears what each refresh was charged.
 */
export function startLiveRefresh(refresh: () => boolean | Promise<RefreshOutcome>, policy: LivePolicy, clock: LiveClock, charged?: (refresh: ChargedRefresh) => void): () => void {
  /** What the loop waits for: the next refresh, the rendering of a refresh's frame, or nothing (hidden, stopped). */
  let cancelWait: (() => void) | null = null;
  let averageMs: number | null = null;
  // A refresh dearer than this already earns the longest wait: counting more would only drag the average up for long.
  const largestCostMs = (policy.maxIntervalMs * policy.share) / (1 - policy.share);
  /** Waits for the next refresh after one that started at `started` and cost `costMs`. */
  const waitAfter = (started: number, costMs: number) => {
    charged?.({ started, costMs });
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
    if (typeof changed === 'boolean') return settle(started, changed);
    // A refresh that waits for its data (a snapshot from the machine worker): the loop waits with it, and charges
    // the refresh from when its work here began.
    let cancelled = false;
    cancelWait = () => {
      cancelled = true;
    };
    changed.then(
      (outcome) => cancelled || settle(outcome.workStarted, outcome.changed),
      () => cancelled || settle(clock.now(), false),
    );
  }
  function settle(started: number, changed: boolean): void {
    const ended = clock.now();
    if (changed) waitForFrame(started, ended);
    else waitAfter(started, ended - started);
  }
  /**
   * The refresh's frame, but no longer than the next refresh is due: a page that stops rendering (hidden
   * meanwhile) must not stall the loop, and a frame not rendered costs nothing.
   */
  function waitForFrame(started: number, ended: number): void {
    const proceed = (renderingBegan: number) => {
      cancelWait?.();
      waitAfter(started, ended - started + clock.now() - Math.max(renderingBegan, ended) + policy.unseenFrameMs);
    };
    const cancelFrame = clock.afterNextFrame(proceed);
    const fallback = clock.setTimeout(() => proceed(clock.now()), untilLatest(started));
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
