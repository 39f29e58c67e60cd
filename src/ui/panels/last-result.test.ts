// LastResult: the same object while inputs are equal (bytes by value, the rest by identity), a new one otherwise.
import { describe, expect, it } from 'vitest';
import { LastResult } from './last-result.js';

describe('LastResult', () => {
  it('recomputes only when an input changes', () => {
    const cache = new LastResult<{ n: number }>();
    let calls = 0;
    const compute = () => ({ n: ++calls });
    const symbols = {};
    const first = cache.get([Uint8Array.of(1, 2), 7, symbols], compute);
    expect(cache.get([Uint8Array.of(1, 2), 7, symbols], compute)).toBe(first);
    expect(cache.get([Uint8Array.of(1, 3), 7, symbols], compute)).toEqual({ n: 2 });
    expect(cache.get([Uint8Array.of(1, 3), 7, {}], compute)).toEqual({ n: 3 });
    expect(cache.get([Uint8Array.of(1, 3), 8, {}], compute)).toEqual({ n: 4 });
  });
});
