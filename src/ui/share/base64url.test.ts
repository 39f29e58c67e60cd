// base64url: every byte value and every length round-trips; text a link never holds is refused.
import { describe, expect, it } from 'vitest';
import { fromBase64Url, toBase64Url } from './base64url.js';

describe('base64url', () => {
  it('round-trips every byte value at every length modulo 3', () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    for (const length of [0, 1, 2, 3, 4, 5, 256, 70_000]) {
      // 70,000 bytes: more than one of the encoder's 32 KiB slices.
      const bytes = length <= 256 ? all.subarray(0, length) : Uint8Array.from({ length }, (_, i) => (i * 7) & 0xff);
      const text = toBase64Url(bytes);
      expect(text).toMatch(/^[A-Za-z0-9_-]*$/);
      expect(Buffer.from(fromBase64Url(text)!).equals(Buffer.from(bytes))).toBe(true);
    }
  });

  it('uses - and _ where base64 has + and /, without padding', () => {
    expect(toBase64Url(Uint8Array.of(0xfb, 0xff))).toBe('-_8');
    expect(fromBase64Url('-_8')).toEqual(Uint8Array.of(0xfb, 0xff));
    expect(fromBase64Url('-_8=')).toEqual(Uint8Array.of(0xfb, 0xff));
  });

  it('refuses characters and lengths base64url never has', () => {
    expect(fromBase64Url('ab+c')).toBeNull();
    expect(fromBase64Url('ab/c')).toBeNull();
    expect(fromBase64Url('ab c')).toBeNull();
    expect(fromBase64Url('abcde')).toBeNull(); // 5 characters: one stray character cannot carry a byte
  });
});
