// drawScreenOnlyWhenChanged over an object shaped like v86's ScreenAdapter (Node has no screen adapter: v86 makes
// one only for a DOM container): frames are asked for while the screen changes, none once a frame changed nothing,
// and again at the next change; graphics mode keeps v86's endless loop.
import { describe, expect, it } from 'vitest';
import { drawScreenOnlyWhenChanged, type ScreenAdapterInternals } from './screen-frames.js';

/** The adapter's loop as v86 has it: `timer` queues a frame, the frame's callback draws and calls `timer` again. */
function fakeAdapter() {
  const queued: (() => void)[] = [];
  const drawn: string[] = [];
  let pendingText = '';
  const adapter: ScreenAdapterInternals & { timer(): void; update_screen(): void; set_mode(graphical: boolean): void } = {
    timer() {
      queued.push(() => adapter.update_screen());
    },
    update_screen() {
      if (pendingText) drawn.push(pendingText);
      pendingText = '';
      adapter.timer();
    },
    put_char(row: number, column: number, char: number) {
      pendingText += String.fromCharCode(char);
    },
    set_mode() {},
  };
  /** Runs the frames queued now (one animation frame); returns how many ran. */
  const frame = () => queued.splice(0).map((callback) => callback()).length;
  return { adapter, frame, drawn };
}

describe('drawScreenOnlyWhenChanged', () => {
  it('stops asking for frames once one changed nothing, and starts again at the next change', () => {
    const { adapter, frame, drawn } = fakeAdapter();
    adapter.timer(); // the adapter's loop runs from its init
    drawScreenOnlyWhenChanged(adapter);
    (adapter.put_char as (r: number, c: number, ch: number) => void)(0, 0, 65);
    expect(frame()).toBe(1);
    expect(drawn).toEqual(['A']);
    expect(frame()).toBe(1); // the change came after the frame was asked for: one more to be sure
    expect(frame()).toBe(0);
    expect(frame()).toBe(0);
    (adapter.put_char as (r: number, c: number, ch: number) => void)(0, 1, 66);
    expect(frame()).toBe(1);
    expect(drawn).toEqual(['A', 'B']);
  });

  it("leaves v86's dummy adapter (no screen, no frame loop) as it is", () => {
    const putChar = () => {};
    const dummy = { put_char: putChar };
    drawScreenOnlyWhenChanged(dummy);
    expect(dummy.put_char).toBe(putChar);
  });

  it('keeps the endless loop in graphics mode', () => {
    const { adapter, frame } = fakeAdapter();
    adapter.timer();
    drawScreenOnlyWhenChanged(adapter);
    adapter.set_mode(true);
    for (let i = 0; i < 5; i++) expect(frame()).toBe(1);
    adapter.set_mode(false);
    frame();
    frame();
    expect(frame()).toBe(0);
  });
});
