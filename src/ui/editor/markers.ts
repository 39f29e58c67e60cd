/**
 * @fileoverview Build diagnostics as Monaco markers: which file each belongs
 * to and how severe it is. Pure (the severity numbers are Monaco's
 * MarkerSeverity values), so it is tested without a browser.
 *
 * Pipeline place: `CodeEditor.tsx` sets these on the models after every
 * build; diagnostics without a location or in asc's library (~lib/…) are not
 * markers — the problem list shows them.
 */
import type { Diagnostic } from '../../toolchain/asc/compile.js';

/** Monaco's MarkerSeverity: Hint 1, Info 2, Warning 4, Error 8. */
const MARKER_SEVERITY: Record<Diagnostic['severity'], number> = { info: 2, warning: 4, error: 8 };

export interface MarkerSpec {
  readonly severity: number;
  readonly message: string;
  /** 1-based, as Monaco counts. */
  readonly line: number;
  readonly column: number;
  /** 'AS2322' for asc's diagnostics; '' for the unsafe checker's and the translator's. */
  readonly code: string;
}

/** The markers of every kernel file that has diagnostics, by path. */
export function markersByFile(diagnostics: readonly Diagnostic[]): Map<string, MarkerSpec[]> {
  const byFile = new Map<string, MarkerSpec[]>();
  for (const diagnostic of diagnostics) {
    if (!diagnostic.file || diagnostic.file.startsWith('~lib/') || diagnostic.line < 1) continue;
    const markers = byFile.get(diagnostic.file) ?? [];
    markers.push({
      severity: MARKER_SEVERITY[diagnostic.severity],
      message: diagnostic.message,
      line: diagnostic.line,
      column: Math.max(1, diagnostic.column),
      code: diagnostic.code ? `AS${diagnostic.code}` : '',
    });
    byFile.set(diagnostic.file, markers);
  }
  return byFile;
}
