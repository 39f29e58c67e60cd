/**
 * @fileoverview Parses kernel sources with AssemblyScript's own parser
 * (`Parser` from the `assemblyscript` package) into AST `Source` nodes, and
 * keeps each file's comments (for line counting and the `// @unsafe-file:`
 * marker). First step of the unsafe checker.
 *
 * Only the parser runs: no `Program`, no standard library, no Binaryen
 * module, so a check of the whole kernel takes milliseconds in Node and in the
 * playground's Web Worker alike, and it works on sources that do not compile
 * yet. Syntax errors come back as diagnostics in the front end's format.
 */
import { Parser, type DiagnosticMessage, type Source } from 'assemblyscript';
import { toDiagnostic, type Diagnostic } from '../asc/diagnostics.js';
import { SourceLines, type TextSpan } from './source-lines.js';

export interface ParsedFile {
  /** Path relative to src/kernel/, e.g. 'arch/x86/vga.ts'. */
  path: string;
  text: string;
  source: Source;
  /** Every comment, with its text ('// …', '/* … *\/'). */
  comments: Comment[];
  lines: SourceLines;
}

export interface Comment extends TextSpan {
  text: string;
}

export interface ParseResult {
  files: ParsedFile[];
  /** Syntax errors; a file with errors is still returned with what the parser recovered. */
  diagnostics: Diagnostic[];
}

export function parseSources(sources: ReadonlyMap<string, string>): ParseResult {
  const files: ParsedFile[] = [];
  const messages: DiagnosticMessage[] = [];
  for (const [path, text] of sources) files.push(parseFile(path, text, messages));
  const diagnostics = messages.map((message) => toDiagnostic(message, (path) => sources.get(path)));
  return { files, diagnostics };
}

function parseFile(path: string, text: string, messages: DiagnosticMessage[]): ParsedFile {
  const parser = new Parser(messages);
  // The tokenizer reports a comment again each time it re-scans the same text (look-ahead), hence the map.
  const commentsByStart = new Map<number, Comment>();
  parser.onComment = (_kind, commentText, range) => {
    commentsByStart.set(range.start, { start: range.start, end: range.end, text: commentText });
  };
  parser.parseFile(text, path, false);
  const source = parser.sources[parser.sources.length - 1];
  const comments = [...commentsByStart.values()].sort((a, b) => a.start - b.start);
  return { path, text, source, comments, lines: new SourceLines(text, comments) };
}
