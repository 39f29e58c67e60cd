// shareUnchanged: equal reads give back the old object; a changed read keeps the old objects of its unchanged parts.
import { describe, expect, it } from 'vitest';
import { sharedForPanel, shareUnchanged } from './share-unchanged.js';

describe('shareUnchanged', () => {
  it('gives back the previous data when the new read equals it by value', () => {
    const previous = { rows: [{ id: 1, name: 'idle' }], hits: [0, 5], title: null };
    const next = { rows: [{ id: 1, name: 'idle' }], hits: [0, 5], title: null };
    expect(shareUnchanged(previous, next)).toBe(previous);
  });

  it('keeps the unchanged rows of a changed read, and the changed ones as read', () => {
    const idle = { id: 1, name: 'idle', ticks: 10 };
    const shell = { id: 2, name: 'shell', ticks: 3 };
    const previous = { rows: [idle, shell], tick: 7 };
    const next = { rows: [{ ...idle }, { ...shell, ticks: 4 }], tick: 8 };
    const shared = shareUnchanged(previous, next);
    expect(shared).toEqual(next);
    expect(shared).not.toBe(previous);
    expect(shared.rows[0]).toBe(idle);
    expect(shared.rows[1]).toBe(next.rows[1]);
  });

  it('treats added or removed members and rows as changes', () => {
    expect(shareUnchanged({ a: 1 }, { a: 1, b: 2 })).toEqual({ a: 1, b: 2 });
    expect(shareUnchanged({ a: 1, b: 2 }, { a: 1 })).toEqual({ a: 1 });
    const first = { id: 1 };
    const shared = shareUnchanged([first], [{ id: 1 }, { id: 2 }]);
    expect(shared).toEqual([{ id: 1 }, { id: 2 }]);
    expect(shared[0]).toBe(first);
    expect(shareUnchanged([1, 2], [1])).toEqual([1]);
  });

  it('compares anything but arrays and plain objects by identity', () => {
    const bytes = Uint8Array.of(1, 2);
    expect(shareUnchanged(bytes, Uint8Array.of(1, 2))).not.toBe(bytes);
    class Box {
      constructor(readonly n: number) {}
    }
    const box = new Box(1);
    expect(shareUnchanged({ box }, { box: new Box(1) }).box).not.toBe(box);
    expect(shareUnchanged(null, { a: 1 })).toEqual({ a: 1 });
    expect(shareUnchanged(Number.NaN, Number.NaN)).toBeNaN();
  });

  it('leaves the reads of a panel that opts out as they are, equal or not', () => {
    const shown = { rows: [{ index: 1 }], count: 1 };
    const equal = { rows: [{ index: 1 }], count: 1 };
    expect(sharedForPanel({}, shown, equal)).toBe(shown);
    expect(sharedForPanel({ shareUnchanged: true }, shown, equal)).toBe(shown);
    expect(sharedForPanel({ shareUnchanged: false }, shown, equal)).toBe(equal);
  });
});
