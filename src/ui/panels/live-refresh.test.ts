// The live refresh loop: at the interval when refreshes are cheap, slower when they are not — counting the frame a
// refresh makes the browser render from when its rendering began, not the emulator's slices before — never more than the share of the
// time; nothing while the page is hidden, at once when it shows again; nothing after stop. And the page's clock: a
// frame's rendering begins at its frame time, or when the slice of emulation running then ended. Each refresh reported as
// charged, and recorded as a User Timing measure.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { browserClock, delayAfter, LIVE_REFRESH_MEASURE, measureChargedRefresh, startLiveRefresh, type LiveClock, type RefreshOutcome } from './live-refresh.js';

const POLICY = { intervalMs: 66, share: 0.05, maxIntervalMs: 1000, unseenFrameMs: 0 };

/**
 * A clock whose time moves only when the test runs it; refreshes advance it by what they "cost", and a frame
 * after a refresh costs `frameMs`, rendered after `emulationMs` of v86's slices (unless the page is hidden).
 */
function fakeClock(frameMs = 0, emulationMs = 1) {
  let now = 0;
  let hidden = false;
  let visibilityListener: (() => void) | null = null;
  const timers = new Map<number, { at: number; callback: () => void }>();
  const frames = new Set<() => void>();
  let nextId = 1;
  const at = (ms: number, callback: () => void) => (timers.set(nextId, { at: now + ms, callback }), nextId++);
  const clock: LiveClock = {
    now: () => now,
    setTimeout: (callback, ms) => at(ms, callback),
    clearTimeout: (handle) => timers.delete(handle as number),
    afterNextFrame: (callback) => {
      const frame = () => {
        const began = now;
        now += frameMs;
        callback(began);
      };
      frames.add(frame);
      return () => frames.delete(frame);
    },
    hidden: () => hidden,
    onVisibilityChange: (listener) => ((visibilityListener = listener), () => (visibilityListener = null)),
  };
  /** Renders the frames asked for (while the page shows), then runs the timers due by then. */
  function step(until: number): boolean {
    if (!hidden && frames.size > 0) {
      const due = [...frames];
      frames.clear();
      now += emulationMs;
      due.forEach((frame) => frame());
      return true;
    }
    const next = [...timers].filter(([, t]) => t.at <= until).sort((a, b) => a[1].at - b[1].at)[0];
    if (!next) return false;
    timers.delete(next[0]);
    now = Math.max(now, next[1].at);
    next[1].callback();
    return true;
  }
  return {
    clock,
    spend: (ms: number) => (now += ms),
    runUntil(until: number) {
      while (step(until));
      now = Math.max(now, until);
    },
    setHidden(value: boolean) {
      hidden = value;
      visibilityListener?.();
    },
    get listening() {
      return visibilityListener !== null;
    },
    get pending() {
      return timers.size + frames.size;
    },
  };
}

describe('measureChargedRefresh', () => {
  it('records each charged refresh as a User Timing measure, and keeps at most 1000 of them', () => {
    performance.clearMeasures(LIVE_REFRESH_MEASURE);
    for (let i = 0; i < 1500; i++) measureChargedRefresh({ started: i, costMs: 4.5 });
    const measures = performance.getEntriesByName(LIVE_REFRESH_MEASURE, 'measure');
    expect(measures.length).toBeGreaterThan(0);
    expect(measures.length).toBeLessThanOrEqual(1000);
    expect(measures.at(-1)).toMatchObject({ startTime: 1499, duration: 4.5 });
    performance.clearMeasures(LIVE_REFRESH_MEASURE);
  });
});

describe('delayAfter', () => {
  it('keeps the interval for cheap refreshes and 19 × the cost for a 5 % share', () => {
    expect(delayAfter(1, POLICY)).toBe(65);
    expect(delayAfter(10, POLICY)).toBeCloseTo(190);
  });
});

describe('startLiveRefresh', () => {
  it('refreshes at about the interval when refreshes cost little', () => {
    const fake = fakeClock(1);
    let refreshes = 0;
    const stop = startLiveRefresh(() => (refreshes++, fake.spend(1), true), POLICY, fake.clock);
    fake.runUntil(1000);
    expect(refreshes).toBe(14); // 66 ms apart, plus the 1 ms of emulation until each frame renders
    stop();
  });

  it('gives refreshes and their frames no more than their share of the time when they are expensive', () => {
    const fake = fakeClock(8);
    let refreshes = 0;
    const stop = startLiveRefresh(() => (refreshes++, fake.spend(12), true), POLICY, fake.clock);
    fake.runUntil(10_000);
    expect((refreshes * (12 + 8)) / 10_000).toBeLessThanOrEqual(0.05);
    expect(refreshes).toBeGreaterThanOrEqual(24);
    stop();
  });

  it("charges each rendered frame the browser's work that no callback sees, too", () => {
    const fake = fakeClock(8);
    let refreshes = 0;
    const charged: { started: number; costMs: number }[] = [];
    const stop = startLiveRefresh(() => (refreshes++, fake.spend(12), true), { ...POLICY, unseenFrameMs: 5 }, fake.clock, (c) => charged.push(c));
    fake.runUntil(10_000);
    // 12 + 8 + 5 ms a refresh: ~20 of them in 10 s at 5 % (≥ 24 without the unseen 5 ms, as below).
    expect(refreshes).toBeGreaterThanOrEqual(19);
    expect(refreshes).toBeLessThanOrEqual(21);
    // Each refresh is reported as charged: its 12 ms, its frame's 8 and the unseen 5, from when it started.
    expect(charged).toHaveLength(refreshes);
    expect(charged.every((c) => c.costMs === 25)).toBe(true);
    expect(charged[0].started).toBe(POLICY.intervalMs);
    stop();
  });

  it('reports a refresh that changed nothing as charged its own time only', () => {
    const fake = fakeClock(8);
    const charged: number[] = [];
    const stop = startLiveRefresh(() => (fake.spend(2), false), { ...POLICY, unseenFrameMs: 5 }, fake.clock, (c) => charged.push(c.costMs));
    fake.runUntil(1000);
    expect(charged.length).toBeGreaterThan(10);
    expect(charged.every((ms) => ms === 2)).toBe(true);
    stop();
  });

  it("charges a refresh its frame from when its rendering began, not the emulator's slices before it", () => {
    const fake = fakeClock(8, 30);
    let refreshes = 0;
    const stop = startLiveRefresh(() => (refreshes++, fake.spend(12), true), POLICY, fake.clock);
    fake.runUntil(10_000);
    // 12 + 8 ms a refresh: 19 × 20 ms apart, plus the 30 ms of emulation before each frame, as above (not 19 × 50 ms).
    expect(refreshes).toBeGreaterThanOrEqual(24);
    expect(refreshes).toBeLessThanOrEqual(26);
    stop();
  });

  it('refreshes at least once a second, however much refreshes and their frames cost', () => {
    const fake = fakeClock(300);
    const starts: number[] = [];
    const stop = startLiveRefresh(() => (starts.push(fake.clock.now()), fake.spend(100), true), POLICY, fake.clock);
    fake.runUntil(10_000);
    const gaps = starts.slice(1).map((start, i) => start - starts[i]);
    expect(gaps.length).toBeGreaterThanOrEqual(8);
    for (const gap of gaps) expect(gap).toBeLessThanOrEqual(POLICY.maxIntervalMs);
    stop();
  });

  it('spreads the wait for one slow refresh over the next ones instead of stalling', () => {
    const fake = fakeClock();
    const starts: number[] = [];
    const cost = () => (starts.length === 5 ? 100 : 1);
    const stop = startLiveRefresh(() => (starts.push(fake.clock.now()), fake.spend(cost()), false), POLICY, fake.clock);
    fake.runUntil(5000);
    const gaps = starts.slice(1).map((start, i) => start - starts[i]);
    expect(Math.max(...gaps)).toBeLessThan(700); // 100 ms, then 19 × 100 ms (a second at the most) without averaging
    expect(gaps[4]).toBeGreaterThan(66); // but the slow refresh still slowed the next ones
    stop();
  });

  it('is back at the interval a few refreshes after a very slow one', () => {
    const fake = fakeClock();
    const starts: number[] = [];
    const stop = startLiveRefresh(() => (starts.push(fake.clock.now()), fake.spend(starts.length === 1 ? 5000 : 1), false), POLICY, fake.clock);
    fake.runUntil(20_000);
    const gaps = starts.slice(1).map((start, i) => start - starts[i]);
    for (const gap of gaps.slice(12, 16)) expect(gap).toBeLessThanOrEqual(POLICY.intervalMs + 1);
    expect(starts[12] - starts[1]).toBeLessThan(4000); // not the 20 s an average of the full 5 s would take
    stop();
  });

  it('counts no frame for a refresh that changed nothing', () => {
    const fake = fakeClock(50);
    let refreshes = 0;
    const stop = startLiveRefresh(() => (refreshes++, fake.spend(1), false), POLICY, fake.clock);
    fake.runUntil(1000);
    expect(refreshes).toBe(15);
    stop();
  });

  it('skips refreshes while the page is hidden and refreshes at once when it shows again', () => {
    const fake = fakeClock();
    let refreshes = 0;
    const stop = startLiveRefresh(() => (refreshes++, false), POLICY, fake.clock);
    fake.runUntil(100);
    expect(refreshes).toBe(1);
    fake.setHidden(true);
    fake.runUntil(5000);
    expect(refreshes).toBe(1);
    expect(fake.pending).toBe(0);
    fake.setHidden(false);
    expect(refreshes).toBe(2);
    fake.runUntil(5066);
    expect(refreshes).toBe(3);
    stop();
  });

  it('goes on without a frame that does not come (the page hid before rendering), then rests until it shows', () => {
    const fake = fakeClock();
    let refreshes = 0;
    const hideOnFirst = () => {
      refreshes++;
      if (refreshes === 1) fake.setHidden(true);
      return true;
    };
    const stop = startLiveRefresh(hideOnFirst, POLICY, fake.clock);
    fake.runUntil(5000);
    expect(refreshes).toBe(1);
    expect(fake.pending).toBe(0); // the frame given up after a second, and no refresh waiting while hidden
    fake.setHidden(false);
    expect(refreshes).toBe(2);
    stop();
  });

  it('waits for a refresh that waits for its data, charges it its work after the data came, and stops while it waits', async () => {
    const fake = fakeClock(0);
    const pending: ((outcome: RefreshOutcome) => void)[] = [];
    const charged: number[] = [];
    const stop = startLiveRefresh(() => new Promise<RefreshOutcome>((resolve) => pending.push(resolve)), POLICY, fake.clock, (c) => charged.push(c.costMs));
    fake.runUntil(66);
    expect(pending).toHaveLength(1);
    fake.spend(10); // the wait for the data
    const workStarted = fake.clock.now();
    fake.spend(3);
    pending[0]({ changed: false, workStarted });
    await Promise.resolve();
    expect(charged).toEqual([3]);
    fake.runUntil(1000);
    expect(pending).toHaveLength(2);
    fake.runUntil(5000);
    expect(pending).toHaveLength(2); // no third refresh while the second waits, however long
    stop();
    pending[1]({ changed: true, workStarted: fake.clock.now() });
    await Promise.resolve();
    fake.runUntil(3000);
    expect(pending).toHaveLength(2);
    expect(fake.pending).toBe(0);
  });

  it('stops: no timer, no frame and no visibility listener left', () => {
    const fake = fakeClock();
    let refreshes = 0;
    const stop = startLiveRefresh(() => (refreshes++, true), POLICY, fake.clock);
    fake.runUntil(66);
    stop();
    fake.runUntil(1000);
    expect(refreshes).toBe(1);
    expect(fake.pending).toBe(0);
    expect(fake.listening).toBe(false);
  });
});

describe("browserClock's afterNextFrame", () => {
  /** Stands in for the page's requestAnimationFrame and scheduler.postTask; returns a function that renders the frame at `frameTime`. */
  function stubFrames(): (frameTime: number) => Promise<void> {
    const callbacks: FrameRequestCallback[] = [];
    vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => callbacks.push(callback));
    vi.stubGlobal('cancelAnimationFrame', () => {});
    vi.stubGlobal('scheduler', { postTask: (task: () => void) => Promise.resolve().then(task) });
    return async (frameTime) => {
      callbacks.splice(0).forEach((callback) => callback(frameTime));
      await Promise.resolve();
      await Promise.resolve();
    };
  }
  afterEach(() => vi.unstubAllGlobals());

  it.each([
    ['at the frame time when no emulation ran then', 90, 100],
    ['when the slice of emulation running at the frame time ended', 103.5, 103.5],
  ])('says the rendering began %s', async (_when, emulatedUntil, expected) => {
    const render = stubFrames();
    const began: number[] = [];
    browserClock(() => emulatedUntil).afterNextFrame((time) => began.push(time));
    await render(100);
    expect(began).toEqual([expected]);
  });
});
