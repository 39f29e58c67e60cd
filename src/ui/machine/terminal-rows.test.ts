// terminalRows lays text out as an 80×24 xterm with convertEol does: wrapping, tabs, CR/BS overwrites, scrolling.
import { describe, expect, it } from 'vitest';
import { terminalRows } from './terminal-rows.js';

describe('terminalRows', () => {
  it('puts each line on its own row, the last one open', () => {
    expect(terminalRows('eduOS-ts 0.1.0 booting\nHello\neduos> ', 80, 24)).toEqual(['eduOS-ts 0.1.0 booting', 'Hello', 'eduos> ']);
  });

  it('wraps at the last column, and a line of exactly the width takes one row', () => {
    expect(terminalRows('abcdefg', 3, 24)).toEqual(['abc', 'def', 'g']);
    expect(terminalRows('abc\nd', 3, 24)).toEqual(['abc', 'd']);
  });

  it('shows only the last rows once the screen is full', () => {
    const text = Array.from({ length: 30 }, (_, i) => `line ${i}`).join('\n');
    const rows = terminalRows(text, 80, 24);
    expect(rows).toHaveLength(24);
    expect(rows[0]).toBe('line 6');
    expect(rows[23]).toBe('line 29');
  });

  it('moves to the next tab stop, and carriage return and backspace let later text overwrite', () => {
    expect(terminalRows('a\tb', 80, 24)).toEqual(['a       b']);
    expect(terminalRows('hello\rJ', 80, 24)).toEqual(['Jello']);
    expect(terminalRows('ab\b \bc', 80, 24)).toEqual(['ac']);
  });

  it('leaves out escape sequences and other control characters', () => {
    expect(terminalRows('\x1b[1;32mok\x1b[0m\x07!', 80, 24)).toEqual(['ok!']);
  });
});
