/**
 * @fileoverview The in-memory file system asc compiles against: it serves the
 * caller's sources and keeps what asc writes (wasm, source map, .wat). This is
 * what lets the front end run in a browser Web Worker, where asc has no disk.
 *
 * Paths are relative, '/'-separated and normalized ('./a/../b.ts' -> 'b.ts'),
 * since asc asks for the same file under different spellings depending on
 * the importing file.
 */
import asc from 'assemblyscript/asc';

export interface AscSource {
  /** Relative path with the .ts extension, e.g. 'main.ts' or 'arch/x86/vga.ts'. */
  path: string;
  text: string;
}

/** Prefix asc gives its standard library files in diagnostics and source maps. */
const LIBRARY_PREFIX = '~lib/';

export class InMemoryFiles {
  private readonly sources = new Map<string, string>();
  private readonly written = new Map<string, Uint8Array | string>();

  constructor(sources: readonly AscSource[]) {
    for (const source of sources) this.sources.set(normalizePath(source.path), source.text);
  }

  /** asc's `readFile`: the source text, or null so asc tries its next candidate path. */
  readFile = (filename: string, baseDir: string): string | null =>
    this.sources.get(normalizePath(`${baseDir}/${filename}`)) ?? null;

  /** asc's `writeFile`: keeps the output for `output`. */
  writeFile = (filename: string, contents: Uint8Array | string, baseDir: string): void => {
    this.written.set(normalizePath(`${baseDir}/${filename}`), contents);
  };

  /** asc's `listFiles`, used only for `--lib` folders, which this front end does not offer. */
  listFiles = (): string[] => [];

  /** A file asc wrote, or undefined when it wrote none under that name. */
  output(path: string): Uint8Array | string | undefined {
    return this.written.get(normalizePath(path));
  }

  /** The text of a user source or a standard library file ('~lib/array.ts'), as diagnostics name them. */
  sourceText(path: string): string | undefined {
    if (!path.startsWith(LIBRARY_PREFIX)) return this.sources.get(normalizePath(path));
    const libraryName = path.slice(LIBRARY_PREFIX.length).replace(/\.ts$/, '');
    return asc.libraryFiles[libraryName];
  }
}

/** Resolves '.', '..', repeated and backslash separators into a plain relative path. */
export function normalizePath(path: string): string {
  const parts: string[] = [];
  for (const part of path.replace(/\\/g, '/').split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..' && parts.length > 0 && parts[parts.length - 1] !== '..') parts.pop();
    else parts.push(part);
  }
  return parts.join('/');
}
