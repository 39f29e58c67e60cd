// Fixed-width text columns: values padded to their widths, long ones cut with "…", the last column not padded.
import { describe, expect, it } from 'vitest';
import { textColumns } from './text-columns.js';

describe('textColumns', () => {
  it('pads each value to its column, one space at least between columns', () => {
    expect(textColumns(['7', 'interrupt', 'IRQ 0'], [4, 12, 10])).toBe('7   interrupt   IRQ 0');
  });

  it('cuts a value too long for its column with an ellipsis, keeping the space after it', () => {
    expect(textColumns(['context switch', 'x'], [8, 4])).toBe('contex… x');
  });

  it('cuts the last column at its width without padding it', () => {
    expect(textColumns(['a', 'abcdefgh'], [2, 5])).toBe('a abcd…');
    expect(textColumns(['a', 'ab'], [2, 5])).toBe('a ab');
  });
});
