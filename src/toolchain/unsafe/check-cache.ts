/**
 * @fileoverview Remembers the unsafe checker's per-file work between checks of
 * the same project, so a re-check after an edit parses and walks only the
 * edited file: a file's parse depends on nothing but its path and text, and
 * its findings on nothing but its parse and its intrinsic scope (the x86
 * intrinsics it can reach through its imports, which an edit elsewhere may
 * change; then it is walked again).
 *
 * Pipeline place: optional second argument of `checkUnsafe` (check.ts); the
 * playground's build worker keeps one for its lifetime.
 */
import { checkFile, type FileFindings } from './file-check.js';
import type { IntrinsicScope } from './intrinsic-bindings.js';
import { parseFile, type ParsedFile, type ParsedSource } from './parse.js';

interface CachedFile {
  readonly text: string;
  readonly parsed: ParsedSource;
  findings?: { readonly scopeKey: string; readonly result: FileFindings };
}

export class UnsafeCheckCache {
  private readonly files = new Map<string, CachedFile>();

  /** `parseFile`, answered from the cache when the file's text is the one parsed last time. */
  parse(path: string, text: string): ParsedSource {
    const cached = this.files.get(path);
    if (cached?.text === text) return cached.parsed;
    const parsed = parseFile(path, text);
    this.files.set(path, { text, parsed });
    return parsed;
  }

  /** `checkFile`, answered from the cache for a file parsed by `parse` and checked before in the same scope. */
  check(file: ParsedFile, scope: IntrinsicScope): FileFindings {
    const cached = this.files.get(file.path);
    const scopeKey = scopeKeyOf(scope);
    if (cached?.parsed.file !== file) return checkFile(file, scope);
    if (cached.findings?.scopeKey !== scopeKey) cached.findings = { scopeKey, result: checkFile(file, scope) };
    return cached.findings.result;
  }

  /** Forgets every file not in `paths` (deleted or renamed ones). */
  keepOnly(paths: ReadonlySet<string>): void {
    for (const path of this.files.keys()) if (!paths.has(path)) this.files.delete(path);
  }
}

/** The scope as a string that is equal for equal scopes (maps are compared by their sorted entries). */
function scopeKeyOf(scope: IntrinsicScope): string {
  const sorted = (names: ReadonlyMap<string, string>) => [...names].sort(([a], [b]) => (a < b ? -1 : 1));
  const namespaces = [...scope.namespaces].sort(([a], [b]) => (a < b ? -1 : 1)).map(([alias, names]) => [alias, sorted(names)]);
  return JSON.stringify([sorted(scope.functions), namespaces]);
}
