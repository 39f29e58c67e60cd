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

/** A file's parse and its syntax errors. */
export interface ParsedSource {
  file: ParsedFile;
  diagnostics: Diagnostic[];
}

export function parseSources(sources: ReadonlyMap<string, string>, parse: (path: string, text: string) => ParsedSource = parseFile): ParseResult {
  const parsed = [...sources].map(([path, text]) => parse(path, text));
  return { files: parsed.map((p) => p.file), diagnostics: parsed.flatMap((p) => p.diagnostics) };
}

/** Parses one file on its own: the parse depends on nothing but its path and text. */
export function parseFile(path: string, text: string): ParsedSource {
  const messages: DiagnosticMessage[] = [];
  const parser = new Parser(messages);
  // The tokenizer reports a comment again each time it re-scans the same text (look-ahead), hence the map.
  const commentsByStart = new Map<number, Comment>();
  parser.onComment = (_kind, commentText, range) => {
    commentsByStart.set(range.start, { start: range.start, end: range.end, text: commentText });
  };
  parser.parseFile(text, path, false);
  const source = parser.sources[parser.sources.length - 1];
  const comments = [...commentsByStart.values()].sort((a, b) => a.start - b.start);
  // A parser's messages are about the file it parsed.
  const diagnostics = messages.map((message) => toDiagnostic(message, () => text));
  return { file: { path, text, source, comments, lines: new SourceLines(text, comments) }, diagnostics };
}
