/**
 * @fileoverview The lines of one kernel source file as the unsafe checker
 * counts them: character offsets become 1-based line:column positions for
 * diagnostics, and each line is classified as code or not. A line of code
 * (Table 2's "LOC") has at least one character that is neither white space
 * nor part of a comment; blank lines and comment-only lines do not count.
 *
 * Comment ranges come from AssemblyScript's tokenizer (parse.ts), so `//`
 * inside a string literal is not mistaken for a comment.
 */

/** A character range [start, end) of the source text. */
export interface TextSpan {
  start: number;
  end: number;
}

/** 1-based, as editors show positions. */
export interface Position {
  line: number;
  column: number;
}

export class SourceLines {
  /** Offset of the first character of each line; index 0 is line 1. */
  private readonly lineStarts: number[];
  /** isCode[line - 1]: whether the line holds code. */
  private readonly isCode: boolean[];

  constructor(text: string, comments: readonly TextSpan[]) {
    this.lineStarts = lineStartOffsets(text);
    this.isCode = classifyLines(text, this.lineStarts, comments);
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** The line and column of a character offset. */
  position(offset: number): Position {
    const line = this.lineOf(offset);
    return { line, column: offset - this.lineStarts[line - 1] + 1 };
  }

  /** The 1-based line holding a character offset (binary search over the line starts). */
  lineOf(offset: number): number {
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.lineStarts[middle] <= offset) low = middle;
      else high = middle - 1;
    }
    return low + 1;
  }

  /** Whether 1-based `line` holds code. */
  isCodeLine(line: number): boolean {
    return this.isCode[line - 1] ?? false;
  }

  /** Lines of code in the whole file. */
  codeLineCount(): number {
    return this.isCode.filter(Boolean).length;
  }
}

function lineStartOffsets(text: string): number[] {
  const starts = [0];
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) starts.push(index + 1);
  return starts;
}

/** Marks every line that has a non-space character outside all comments. */
function classifyLines(text: string, lineStarts: readonly number[], comments: readonly TextSpan[]): boolean[] {
  const isCode = new Array<boolean>(lineStarts.length).fill(false);
  const sorted = [...comments].sort((a, b) => a.start - b.start);
  let commentIndex = 0;
  let line = 0;
  for (let offset = 0; offset < text.length; offset++) {
    while (line + 1 < lineStarts.length && lineStarts[line + 1] <= offset) line++;
    while (commentIndex < sorted.length && sorted[commentIndex].end <= offset) commentIndex++;
    const comment = sorted[commentIndex];
    if (comment && comment.start <= offset) {
      offset = comment.end - 1; // skip the comment; the loop's increment steps past it
      continue;
    }
    if (!isCode[line] && !/\s/.test(text[offset])) isCode[line] = true;
  }
  return isCode;
}
