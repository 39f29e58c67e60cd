/**
 * @fileoverview Turns asc's diagnostic messages (a code, a category and a
 * character range in a source) into the front end's `Diagnostic` records with
 * a file name and a 1-based line and column, as editors and the playground's
 * problem list show them.
 */
import type { DiagnosticMessage } from 'assemblyscript/asc';

export interface Diagnostic {
  /** Source path as asc names it ('main.ts', '~lib/array.ts'); '' when the message has no location. */
  file: string;
  /** 1-based; 0 when the message has no location. */
  line: number;
  /** 1-based; 0 when the message has no location. */
  column: number;
  severity: 'error' | 'warning' | 'info';
  /** asc's diagnostic code (e.g. 2304 "Cannot find name"); 0 for failures that are not asc diagnostics. */
  code: number;
  message: string;
}

/** asc's DiagnosticCategory values (Pedantic 0, Info 1, Warning 2, Error 3). */
const SEVERITY_BY_CATEGORY: readonly Diagnostic['severity'][] = ['info', 'info', 'warning', 'error'];

/** Looks up the text of a source file by the path asc reports. */
export type SourceTextLookup = (path: string) => string | undefined;

export function toDiagnostic(message: DiagnosticMessage, sourceText: SourceTextLookup): Diagnostic {
  const severity = SEVERITY_BY_CATEGORY[message.category] ?? 'error';
  const range = message.range;
  if (!range) return { file: '', line: 0, column: 0, severity, code: message.code, message: message.message };
  const file = range.source.normalizedPath;
  const { line, column } = lineAndColumn(sourceText(file) ?? '', range.start);
  return { file, line, column, severity, code: message.code, message: message.message };
}

/** A diagnostic for a failure asc reports only as an error object (a crash, a missing runtime). */
export function failureDiagnostic(message: string): Diagnostic {
  return { file: '', line: 0, column: 0, severity: 'error', code: 0, message };
}

/** The 1-based line and column of a character offset. */
function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let index = text.indexOf('\n'); index !== -1 && index < offset; index = text.indexOf('\n', index + 1)) {
    line++;
    lineStart = index + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

/** One line in the compiler convention editors link: `main.ts:3:7: error AS2304: Cannot find name 'x'.` */
export function formatDiagnostic(diagnostic: Diagnostic): string {
  const where = diagnostic.file ? `${diagnostic.file}:${diagnostic.line}:${diagnostic.column}: ` : '';
  const code = diagnostic.code ? ` AS${diagnostic.code}` : '';
  return `${where}${diagnostic.severity}${code}: ${diagnostic.message}`;
}
