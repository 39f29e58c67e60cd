/**
 * @fileoverview Reads the s-expressions of a .wast script: atoms, string literals and lists, with the
 * source offsets and line of every list so a `(module ...)` can be handed to wabt as its own text.
 *
 * Pipeline place: first step of the spec harness; `wast.ts` turns the top-level lists into commands.
 * Knows the lexical rules of the text format: `;;` line comments, nested `(; ;)` block comments and
 * string escapes (`\n \t \\ \' \" \hh \u{h+}`), so parentheses inside strings and comments are ignored.
 */

export interface SAtom { kind: 'atom'; text: string }
export interface SString { kind: 'string'; bytes: Uint8Array }
export interface SList {
  kind: 'list';
  items: SExpr[];
  /** Offset of the opening and one past the closing parenthesis in the source. */
  start: number;
  end: number;
  /** 1-based line of the opening parenthesis. */
  line: number;
}
export type SExpr = SAtom | SString | SList;

const utf8 = new TextEncoder();

/** Scans the source once; `pos` only moves forward, `line` follows it. */
class Scanner {
  pos = 0;
  line = 1;

  constructor(readonly source: string) {}

  get atEnd(): boolean {
    return this.pos >= this.source.length;
  }

  peek(offset = 0): string {
    return this.source[this.pos + offset] ?? '';
  }

  advance(): string {
    const ch = this.source[this.pos++];
    if (ch === '\n') this.line++;
    return ch;
  }

  fail(message: string): never {
    throw new Error(`wast line ${this.line}: ${message}`);
  }
}

/** Reads every top-level s-expression of a script. Atoms at top level are an error. */
export function readSExprs(source: string): SList[] {
  const scanner = new Scanner(source);
  const lists: SList[] = [];
  for (;;) {
    skipBlanks(scanner);
    if (scanner.atEnd) return lists;
    if (scanner.peek() !== '(') scanner.fail(`expected '(' at top level, found '${scanner.peek()}'`);
    lists.push(readList(scanner));
  }
}

function skipBlanks(scanner: Scanner): void {
  while (!scanner.atEnd) {
    const ch = scanner.peek();
    if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') scanner.advance();
    else if (ch === ';' && scanner.peek(1) === ';') skipLineComment(scanner);
    else if (ch === '(' && scanner.peek(1) === ';') skipBlockComment(scanner);
    else return;
  }
}

function skipLineComment(scanner: Scanner): void {
  while (!scanner.atEnd && scanner.peek() !== '\n') scanner.advance();
}

/** Block comments nest: `(; a (; b ;) c ;)` is one comment. */
function skipBlockComment(scanner: Scanner): void {
  let depth = 0;
  do {
    if (scanner.atEnd) scanner.fail('unterminated block comment');
    if (scanner.peek() === '(' && scanner.peek(1) === ';') {
      depth++;
      scanner.advance();
    } else if (scanner.peek() === ';' && scanner.peek(1) === ')') {
      depth--;
      scanner.advance();
    }
    scanner.advance();
  } while (depth > 0);
}

function readList(scanner: Scanner): SList {
  const start = scanner.pos;
  const line = scanner.line;
  scanner.advance();
  const items: SExpr[] = [];
  for (;;) {
    skipBlanks(scanner);
    if (scanner.atEnd) scanner.fail(`unclosed list opened on line ${line}`);
    const ch = scanner.peek();
    if (ch === ')') {
      scanner.advance();
      return { kind: 'list', items, start, end: scanner.pos, line };
    }
    if (ch === '(') items.push(readList(scanner));
    else if (ch === '"') items.push(readString(scanner));
    else items.push(readAtom(scanner));
  }
}

function readAtom(scanner: Scanner): SAtom {
  const start = scanner.pos;
  while (!scanner.atEnd && !endsAtom(scanner)) scanner.advance();
  return { kind: 'atom', text: scanner.source.slice(start, scanner.pos) };
}

function endsAtom(scanner: Scanner): boolean {
  const ch = scanner.peek();
  return ' \t\n\r()"'.includes(ch) || (ch === ';' && scanner.peek(1) === ';');
}

/** Decodes a string literal to its bytes (strings may hold arbitrary bytes, e.g. `(module binary ...)`). */
function readString(scanner: Scanner): SString {
  scanner.advance();
  const bytes: number[] = [];
  for (;;) {
    if (scanner.atEnd) scanner.fail('unterminated string');
    const ch = scanner.advance();
    if (ch === '"') return { kind: 'string', bytes: Uint8Array.from(bytes) };
    if (ch === '\\') bytes.push(...readEscape(scanner));
    else bytes.push(...utf8.encode(ch + (isHighSurrogate(ch) ? scanner.advance() : '')));
  }
}

function isHighSurrogate(ch: string): boolean {
  const code = ch.charCodeAt(0);
  return code >= 0xd800 && code <= 0xdbff;
}

const simpleEscapes: Record<string, number> = { n: 0x0a, t: 0x09, r: 0x0d, '\\': 0x5c, "'": 0x27, '"': 0x22 };

function readEscape(scanner: Scanner): Uint8Array | number[] {
  const ch = scanner.advance();
  if (ch in simpleEscapes) return [simpleEscapes[ch]];
  if (ch === 'u') return readUnicodeEscape(scanner);
  const pair = ch + scanner.advance();
  if (!/^[0-9a-fA-F]{2}$/.test(pair)) scanner.fail(`bad string escape '\\${pair}'`);
  return [parseInt(pair, 16)];
}

function readUnicodeEscape(scanner: Scanner): Uint8Array {
  if (scanner.advance() !== '{') scanner.fail("expected '{' after '\\u'");
  let hex = '';
  while (!scanner.atEnd && scanner.peek() !== '}') hex += scanner.advance();
  scanner.advance();
  if (!/^[0-9a-fA-F_]+$/.test(hex)) scanner.fail(`bad unicode escape '\\u{${hex}}'`);
  return utf8.encode(String.fromCodePoint(parseInt(hex.replaceAll('_', ''), 16)));
}
