/**
 * @fileoverview The last build's diagnostics as a list, one per line in the
 * compiler's `file:line:column: error AS2322: …` form; a click opens the
 * place in the editor. Unsafe-rule violations are listed like any other error.
 *
 * Pipeline place: under the editor in `App.tsx`; reads `BuildSession`'s
 * diagnostics and calls the workspace's `openInEditor`.
 */
import type { Diagnostic } from '../../toolchain/asc/compile.js';
import { formatDiagnostic } from '../../toolchain/asc/diagnostics.js';
import type { EditorLocation } from '../editor/editor-location.js';

export interface ProblemListProps {
  readonly diagnostics: readonly Diagnostic[];
  readonly onOpen: (location: EditorLocation) => void;
  /** Whether a file is one of the project's (library files and unlocated messages cannot be opened). */
  readonly canOpen: (path: string) => boolean;
}

export function ProblemList({ diagnostics, onOpen, canOpen }: ProblemListProps) {
  if (diagnostics.length === 0) return null;
  return (
    <section className="problems" aria-label="Problems">
      <h2>Problems ({diagnostics.length})</h2>
      <ol data-testid="problems">
        {diagnostics.map((diagnostic, index) => (
          <li key={index} className={`problem problem-${diagnostic.severity}`}>
            {diagnostic.file && canOpen(diagnostic.file) ? (
              <button
                type="button"
                onClick={() => onOpen({ path: diagnostic.file, line: diagnostic.line, column: diagnostic.column })}
              >
                {formatDiagnostic(diagnostic)}
              </button>
            ) : (
              <span>{formatDiagnostic(diagnostic)}</span>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
