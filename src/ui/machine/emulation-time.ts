/**
 * @fileoverview When the main thread last emulated. v86 runs on the page's
 * main thread, one slice of emulation (`do_tick`, about a millisecond while
 * the guest is busy) per task, and the browser renders a frame only between
 * two tasks: a frame that was due while a slice ran begins when that slice
 * ends. The machine notes the end of every slice of every emulator it runs
 * here, so the panels' live refresh (`src/ui/panels/live-refresh.ts`) can
 * tell when the rendering of its frame began.
 *
 * Pipeline place: `machine.ts` watches each emulator's loop with `watch`;
 * `Machine.emulatedUntil` reads the time.
 */
import type { V86Internals } from './emulator.js';

export class EmulationTime {
  private lastSliceEnd = 0;

  /** `performance.now()` at the end of the latest slice (0 before the first). */
  get until(): number {
    return this.lastSliceEnd;
  }

  /** Notes the end of every slice `loop` runs from now on (its `do_tick`, however it is called). */
  watch(loop: V86Internals['v86']): void {
    const tick = loop.do_tick.bind(loop);
    loop.do_tick = () => {
      try {
        tick();
      } finally {
        this.lastSliceEnd = performance.now();
      }
    };
  }
}
