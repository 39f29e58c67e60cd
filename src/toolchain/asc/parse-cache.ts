/**
 * @fileoverview Keeps the files asc has parsed (AST `Source` nodes) from one
 * compilation to the next, so a rebuild parses only the files whose text
 * changed: the standard library (asc parses ~0.5 MB of it for every kernel
 * build) and the unchanged kernel files are reused.
 *
 * How: an asc transform's constructor runs after asc made the `Program` and
 * before it parses anything; it replaces that program's `parser.parseFile`.
 * A file seen before with the same text, entry flag and language features is
 * not parsed: its `Source` is added to the program and its imports are
 * queued exactly as the parser would have queued them (`queueImport`: the
 * queue decides the order in which asc takes the files, and that order shows
 * in the module, e.g. in the collector's walk over managed globals). Otherwise the file is parsed, and kept if it parsed without a
 * diagnostic and its imports, replayed against the parser's state before it,
 * give the very state the parser produced (a self-check: a file for which
 * they do not is simply parsed every time).
 *
 * Sound because asc does not change an AST after parsing it, except for
 * `Source.debugInfoIndex` (per Binaryen module: reset on reuse), the line
 * cache (derived from the text) and the resolver's recursion guard on type
 * nodes (set and cleared within one call). A file is lent to one compilation
 * at a time; one that a crashed compilation used is dropped, since a crash
 * may leave that guard set, and so is one the last compilation did not use.
 *
 * Pipeline place: optional third argument of `compileAssemblyScript`
 * (compile.ts); the playground's build worker keeps one for its lifetime.
 */
import { ExportStatement, ImportStatement, NamespaceDeclaration, type Node, type Parser, type Program, type Source, type Statement } from 'assemblyscript';
import type { Transform } from 'assemblyscript/asc';

/** One import the parser queues for a file: `import … from`, `export … from`, `export * from`. */
interface QueuedImport {
  readonly internalPath: string;
  /** The path's string literal: asc reports a missing file there. */
  readonly reportNode: Node;
  /** `export { … } from` also marks the path seen; `import` and `export *` do not (asc's parser does so). */
  readonly marksSeen: boolean;
}

interface CachedFile {
  readonly text: string;
  readonly source: Source;
  readonly imports: readonly QueuedImport[];
  /** The parser's `currentModuleName` after the file (`declare module "…"` sets it). */
  readonly moduleName: string | null;
  /** In use by a compilation that has not finished. */
  lentTo: ParseCacheLease | null;
}

/** The parser's import bookkeeping, as `queueImport` reads and writes it. */
interface ImportQueue {
  readonly seenlog: Set<string>;
  readonly backlog: string[];
  readonly dependees: Map<string, unknown>;
}

/** How many files a compilation took from the cache and how many it parsed. */
export interface ParseCacheStats {
  reused: number;
  parsed: number;
}

/** One compilation's use of the cache: its transform for asc, and `end()` when asc has returned. */
export interface ParseCacheLease {
  /** Pass in asc's `transforms` option. */
  readonly transform: Transform;
  readonly stats: ParseCacheStats;
  /** Gives the files back and drops those it did not use; `crashed`: asc threw, so its files are dropped too. */
  end(crashed: boolean): void;
}

export class AscParseCache {
  private readonly files = new Map<string, CachedFile>();

  /** Number of files kept. */
  get size(): number {
    return this.files.size;
  }

  /** Starts a compilation's use of the cache. */
  lease(): ParseCacheLease {
    const cache = this;
    const requested = new Set<string>();
    const lease: ParseCacheLease = {
      stats: { reused: 0, parsed: 0 },
      // asc sets `program` on a transform class's prototype and then constructs it.
      transform: class {
        constructor() {
          cache.install((this as unknown as { program: Program }).program, lease, requested);
        }
      } as unknown as Transform,
      end: (crashed) => {
        for (const [key, file] of this.files) {
          if (file.lentTo === lease && !crashed) file.lentTo = null;
          else if (file.lentTo === lease) this.files.delete(key);
          // A file this compilation did not ask for (a deleted or renamed one, say) is dropped, unless lent.
          else if (file.lentTo === null && !requested.has(key)) this.files.delete(key);
        }
      },
    };
    return lease;
  }

  /** Makes `program` take its files from the cache; notes each file's key in `requested`. */
  private install(program: Program, lease: ParseCacheLease, requested: Set<string>): void {
    const parser = program.parser;
    const parseFresh = parser.parseFile.bind(parser);
    // The parser reads one feature (multi-value: tuple types), so the features are part of the key.
    const features = program.options.features;
    parser.parseFile = (text, path, isEntry) => {
      if (text === null) return parseFresh(text, path, isEntry); // not found: asc reports it
      const key = `${features} ${isEntry ? 'entry' : 'import'} ${path}`;
      requested.add(key);
      const cached = this.files.get(key);
      // asc asks again for files it has parsed (an import does not mark its path as seen); parseFile returns at once.
      if (cached && parser.donelog.has(cached.source.internalPath)) return;
      if (cached && cached.text === text && cached.lentTo === null) {
        cached.lentTo = lease;
        lease.stats.reused++;
        addParsed(parser, cached);
        return;
      }
      const sourceCount = parser.sources.length;
      const fresh = parseRecorded(parser, text, path, isEntry, parseFresh);
      if (parser.sources.length > sourceCount) lease.stats.parsed++;
      // A file another compilation has borrowed stays as it is.
      if (fresh && !cached?.lentTo) this.files.set(key, { ...fresh, lentTo: lease });
    };
  }
}

/** What `Parser.parseFile` does for a new file, with the file's parse taken from the cache. */
function addParsed(parser: Parser, file: CachedFile): void {
  const source = file.source;
  parser.donelog.add(source.internalPath);
  parser.seenlog.add(source.internalPath);
  source.debugInfoIndex = -1;
  parser.sources.push(source);
  parser.currentSource = source;
  parser.currentModuleName = file.moduleName;
  for (const queued of file.imports) queueImport(parser, source, queued);
}

/**
 * Parses a file; returns what the cache keeps of it, or null when it must not be kept: it was parsed before
 * in this program, it has a diagnostic, or replaying its imports does not give the parser's own result.
 */
function parseRecorded(
  parser: Parser,
  text: string,
  path: string,
  isEntry: boolean,
  parseFresh: Parser['parseFile'],
): Omit<CachedFile, 'lentTo'> | null {
  const sourceCount = parser.sources.length;
  const diagnosticCount = parser.diagnostics.length;
  const before: ImportQueue = { seenlog: new Set(parser.seenlog), backlog: [...parser.backlog], dependees: new Map() };
  parseFresh(text, path, isEntry);
  if (parser.sources.length !== sourceCount + 1 || parser.diagnostics.length !== diagnosticCount) return null;
  const source = parser.sources[sourceCount];
  const imports = queuedImports(source.statements);
  before.seenlog.add(source.internalPath);
  for (const queued of imports) queueImport(before, source, queued);
  if (!sameQueue(before, parser, source)) return null;
  return { text, source, imports, moduleName: parser.currentModuleName };
}

/** The imports of a file in the order the parser meets them (namespaces may hold `export … from` too). */
function queuedImports(statements: readonly Statement[], into: QueuedImport[] = []): QueuedImport[] {
  for (const statement of statements) {
    if (statement instanceof ImportStatement) {
      into.push({ internalPath: statement.internalPath, reportNode: statement.path, marksSeen: false });
    } else if (statement instanceof ExportStatement && statement.path && statement.internalPath !== null) {
      into.push({ internalPath: statement.internalPath, reportNode: statement.path, marksSeen: statement.members !== null });
    } else if (statement instanceof NamespaceDeclaration) {
      queuedImports(statement.members, into);
    }
  }
  return into;
}

/** The parser's own rule for an import it meets (parser.ts, `parseImport` / `parseExport`). */
function queueImport(queue: ImportQueue, source: Source, queued: QueuedImport): void {
  if (queue.seenlog.has(queued.internalPath)) return;
  // The parser's `Dependee` has just these two fields; asc reads them for "File not found" and `getDependee`.
  queue.dependees.set(queued.internalPath, { source, reportNode: queued.reportNode });
  queue.backlog.push(queued.internalPath);
  if (queued.marksSeen) queue.seenlog.add(queued.internalPath);
}

/** Whether the replayed queue equals the parser's, and the parser named `source` as the dependee of each import it queued. */
function sameQueue(replayed: ImportQueue, parser: Parser, source: Source): boolean {
  if (replayed.backlog.length !== parser.backlog.length || replayed.seenlog.size !== parser.seenlog.size) return false;
  if (replayed.backlog.some((path, i) => path !== parser.backlog[i])) return false;
  for (const path of replayed.seenlog) if (!parser.seenlog.has(path)) return false;
  for (const [path, expected] of replayed.dependees as Map<string, { reportNode: Node }>) {
    const actual = parser.dependees.get(path);
    if (actual?.source !== source || actual.reportNode !== expected.reportNode) return false;
  }
  return true;
}
