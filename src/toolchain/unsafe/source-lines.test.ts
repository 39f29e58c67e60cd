import { describe, expect, it } from 'vitest';
import { parseSources } from './parse.js';

/** Lines of code of `text` as the checker sees them (comments found by asc's tokenizer). */
function codeLines(text: string): number[] {
  const [file] = parseSources(new Map([['a.ts', text]])).files;
  return Array.from({ length: file.lines.lineCount }, (_, index) => index + 1).filter((line) => file.lines.isCodeLine(line));
}

describe('SourceLines', () => {
  it('counts code lines, not blank or comment-only lines', () => {
    const text = [
      '/**', //                                       1 block comment
      ' * doc', //                                    2
      ' */', //                                       3
      '', //                                          4 blank
      '// line comment', //                           5
      'const a: i32 = 1; // trailing comment', //     6 code
      '   ', //                                       7 white space only
      '/* x */ const b: i32 = 2;', //                 8 code after a comment
      'const c = "// not a comment";', //             9 `//` inside a string
      '/* a', //                                     10
      '   b */', //                                  11
    ].join('\n');
    expect(codeLines(text)).toEqual([6, 8, 9]);
  });

  it('gives 1-based lines and columns', () => {
    const [file] = parseSources(new Map([['a.ts', 'let a = 1;\n  let b = 2;\n']])).files;
    expect(file.lines.position(0)).toEqual({ line: 1, column: 1 });
    expect(file.lines.position(13)).toEqual({ line: 2, column: 3 });
    expect(file.lines.codeLineCount()).toBe(2);
  });
});
