/**
 * @fileoverview The unsafe checker's entry point: `checkUnsafe(files)` takes
 * the kernel's sources (path relative to src/kernel/ → text) and returns the
 * rule's diagnostics and the unsafe report. The kernel build calls it before
 * asc, so an unsafe operation outside an `@unsafe("reason")` function fails
 * the build with a file:line:column error; `npm run unsafe-report` prints the
 * report; the playground runs the same code in its Web Worker.
 *
 * How: AssemblyScript's parser builds each file's AST (parse.ts; syntax
 * only, so no standard library or Binaryen is needed and unfinished kernels
 * can be checked), the imports between the files tell which names are x86
 * intrinsics (intrinsic-bindings.ts), each file is walked for unsafe
 * operations and regions (file-check.ts, operations.ts), and the lines are
 * counted into the report (report.ts).
 */
import { formatDiagnostic, type Diagnostic } from '../asc/diagnostics.js';
import { normalizePath } from '../asc/in-memory-files.js';
import type { UnsafeCheckCache } from './check-cache.js';
import { checkFile } from './file-check.js';
import { intrinsicScopes } from './intrinsic-bindings.js';
import { parseFile, parseSources } from './parse.js';
import type { UnsafeReport } from './report-format.js';
import { buildReport } from './report.js';

/** Kernel sources: path relative to src/kernel/ ('arch/x86/vga.ts') → text. */
export type KernelSourceFiles = ReadonlyMap<string, string> | Readonly<Record<string, string>>;

export interface UnsafeCheckResult {
  /**
   * Errors (unsafe operations outside `@unsafe` functions, missing reasons,
   * syntax errors) fail the build; warnings (an `@unsafe` function with no
   * unsafe operation) do not. Sorted by file, line and column; `file` is the
   * path as given, `code` is 0.
   */
  diagnostics: Diagnostic[];
  report: UnsafeReport;
}

/** Checks `files`; with `cache`, only files whose text (or intrinsic scope) changed since its last check are parsed and walked. */
export function checkUnsafe(files: KernelSourceFiles, cache?: UnsafeCheckCache): UnsafeCheckResult {
  const entries = files instanceof Map ? [...files] : Object.entries(files);
  const sources = new Map(entries.map(([path, text]) => [normalizePath(path), text] as const));
  cache?.keepOnly(new Set(sources.keys()));
  const parse = cache ? cache.parse.bind(cache) : parseFile;
  const check = cache ? cache.check.bind(cache) : checkFile;
  const parsed = parseSources(sources, parse);
  const scopes = intrinsicScopes(new Map(parsed.files.map((file) => [file.path, file.source])));
  const findings = parsed.files.map((file) => check(file, scopes.get(file.path)!));
  const diagnostics = [...parsed.diagnostics, ...findings.flatMap((finding) => finding.diagnostics)].sort(byPosition);
  return { diagnostics, report: buildReport(findings) };
}

/** Whether the check fails the build. */
export function hasUnsafeErrors(result: UnsafeCheckResult): boolean {
  return result.diagnostics.some((diagnostic) => diagnostic.severity === 'error');
}

/** One line, `src/kernel/arch/x86/vga.ts:40:1: error: …`, with the path from the repository root so editors link it. */
export function formatUnsafeDiagnostic(diagnostic: Diagnostic, kernelDirectory = 'src/kernel'): string {
  return formatDiagnostic(diagnostic.file ? { ...diagnostic, file: `${kernelDirectory}/${diagnostic.file}` } : diagnostic);
}

function byPosition(a: Diagnostic, b: Diagnostic): number {
  return a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column;
}
