import { describe, expect, it } from 'vitest';
import { parseResultLine } from './result-line.js';

describe('parseResultLine', () => {
  it('reads name, cycles and checksum from the serial output', () => {
    expect(parseResultLine('boot\ncrc32 cycles=772778088 check=0x784cdd5e\n')).toEqual({
      name: 'crc32',
      cycles: 772778088,
      check: '0x784cdd5e',
    });
  });
  it('finds nothing in a run that trapped before printing', () => {
    expect(parseResultLine('trap: unreachable in run (bench/kernels/as/sort.ts:40)\n')).toBeUndefined();
  });
  it('rejects a line with a truncated checksum', () => {
    expect(parseResultLine('sort cycles=12 check=0x1234\n')).toBeUndefined();
  });
});
