import { describe, expect, it } from 'vitest';
import { decodeVlqSegment } from './vlq.js';

describe('decodeVlqSegment', () => {
  it('decodes single-digit fields with their sign bit', () => {
    // A = 0, C = +1, D = -1, E = +2, F = -2
    expect(decodeVlqSegment('ACDEF')).toEqual([0, 1, -1, 2, -2]);
  });

  it('joins continuation digits, least significant group first', () => {
    // 'gB': g = continue + 0, B = 1 << 5 -> 32 -> +16.  'wF': w = continue + 16, F = 5 << 5 -> 176 -> +88
    expect(decodeVlqSegment('gB')).toEqual([16]);
    expect(decodeVlqSegment('wFCES')).toEqual([88, 1, 2, 9]);
  });

  it('keeps values beyond 31 bits exact', () => {
    // +2^32 is stored as 2^33 (sign bit 0): six zero groups with continuation, then 8.
    expect(decodeVlqSegment('ggggggI')).toEqual([2 ** 32]);
  });

  it('rejects a truncated segment and a foreign character', () => {
    expect(() => decodeVlqSegment('g')).toThrow(/truncated/);
    expect(() => decodeVlqSegment('A*')).toThrow(/invalid/);
  });
});
