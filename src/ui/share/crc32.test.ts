// CRC-32 against the standard check value and a one-bit change.
import { describe, expect, it } from 'vitest';
import { crc32, crc32Hex } from './crc32.js';

describe('crc32', () => {
  it('gives the check value of the IEEE CRC-32 for "123456789"', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
    expect(crc32Hex(new Uint8Array())).toBe('00000000');
  });

  it('changes when one bit changes', () => {
    const bytes = new TextEncoder().encode('print("Hello from eduOS-ts!\\n");');
    const flipped = bytes.slice();
    flipped[10] ^= 1;
    expect(crc32(flipped)).not.toBe(crc32(bytes));
  });
});
