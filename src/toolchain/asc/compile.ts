/**
 * @fileoverview The AssemblyScript front end: .ts sources in, wasm + source
 * map (+ .wat on request) + diagnostics out. First stage of the pipeline
 * (asc -> wasm reader -> x86 translator -> Multiboot image); the same module
 * runs in Node (tests, CLI) and in the playground's Web Worker, so it uses no
 * Node built-ins: asc's browser bundle and binaryen load their own wasm, and
 * files live in memory (in-memory-files.ts).
 *
 * Compile errors never throw: they come back as diagnostics, with `wasm`
 * undefined.
 */
import asc from 'assemblyscript/asc';
import { InMemoryFiles, normalizePath, type AscSource } from './in-memory-files.js';
import { failureDiagnostic, toDiagnostic, type Diagnostic } from './diagnostics.js';
import type { AscParseCache, ParseCacheLease, ParseCacheStats } from './parse-cache.js';

export type { AscSource } from './in-memory-files.js';
export type { Diagnostic } from './diagnostics.js';

export interface AscOptions {
  /** Path of the entry file among the sources, e.g. 'main.ts'. */
  entry: string;
  /** Binaryen optimize level; 0 (default) runs no optimization passes. */
  optimize?: 0 | 1 | 2 | 3;
  /** Binaryen shrink level (default 0). */
  shrink?: 0 | 1 | 2;
  /**
   * asc runtime variant (default 'incremental', asc's own default), or the
   * path of a custom runtime among the sources, without '.ts' (e.g.
   * 'mm/runtime'); asc compiles a custom runtime as it does 'incremental'.
   */
  runtime?: 'stub' | 'minimal' | 'incremental' | (string & {});
  /** Where static data starts in linear memory (asc --memoryBase). */
  memoryBase?: number;
  /** In 64 KiB pages. */
  initialMemory?: number;
  /** In 64 KiB pages. */
  maximumMemory?: number;
  /** Replace `assert` by its value instead of aborting. */
  noAssert?: boolean;
  /** Also return the module as text (.wat, stack IR form). */
  emitText?: boolean;
  /** More asc command-line arguments, appended last. */
  extraArgs?: string[];
}

export interface AscResult {
  /** The module, in an ArrayBuffer of its own (so a Worker can transfer it). */
  wasm?: Uint8Array<ArrayBuffer>;
  /** Source map v3 JSON; generated columns are module-relative wasm byte offsets (see source-map.ts). */
  sourceMap?: string;
  /** The .wat text, when `emitText` was set. */
  text?: string;
  diagnostics: Diagnostic[];
  /** Wall-clock time of the whole compilation. */
  ms: number;
  /** With a parse cache: how many files were reused and how many parsed. */
  parseCache?: ParseCacheStats;
}

/**
 * Compiles `sources`. With `parseCache`, files parsed by an earlier compilation with the same cache and text
 * are not parsed again (parse-cache.ts); the result is the same.
 */
export async function compileAssemblyScript(sources: AscSource[], options: AscOptions, parseCache?: AscParseCache): Promise<AscResult> {
  const started = performance.now();
  const files = new InMemoryFiles(sources);
  const outputs = outputNames(options.entry);
  const diagnostics: Diagnostic[] = [];
  const lease = parseCache?.lease();
  const failure = await runAsc(ascArguments(options, outputs), files, diagnostics, lease);
  if (failure !== undefined && !diagnostics.some((d) => d.severity === 'error')) {
    diagnostics.push(failureDiagnostic(failure));
  }
  const wasm = failure === undefined ? files.output(outputs.wasm) : undefined;
  return {
    wasm: wasm instanceof Uint8Array ? new Uint8Array(wasm) : undefined,
    sourceMap: wasm ? withoutSourcesContent(asString(files.output(outputs.sourceMap))) : undefined,
    text: wasm ? asString(files.output(outputs.text)) : undefined,
    diagnostics,
    ms: performance.now() - started,
    parseCache: lease?.stats,
  };
}

interface OutputNames {
  wasm: string;
  sourceMap: string;
  text: string;
}

/** Output files are named after the entry ('main.ts' -> 'main.wasm'), which also names the map in the wasm. */
function outputNames(entry: string): OutputNames {
  const base = normalizePath(entry).replace(/\.ts$/, '');
  return { wasm: `${base}.wasm`, sourceMap: `${base}.wasm.map`, text: `${base}.wat` };
}

/**
 * The asc command line. `--sourceMap` always, so traps can name a .ts line;
 * `--debug` always, so the name section (function names for trap messages)
 * is emitted and Binaryen keeps debug locations through optimization.
 */
function ascArguments(options: AscOptions, outputs: OutputNames): string[] {
  const args = [normalizePath(options.entry), '--outFile', outputs.wasm, '--sourceMap', '--debug'];
  args.push('--optimizeLevel', String(options.optimize ?? 0), '--shrinkLevel', String(options.shrink ?? 0));
  args.push('--runtime', options.runtime ?? 'incremental');
  if (options.memoryBase !== undefined) args.push('--memoryBase', String(options.memoryBase));
  if (options.initialMemory !== undefined) args.push('--initialMemory', String(options.initialMemory));
  if (options.maximumMemory !== undefined) args.push('--maximumMemory', String(options.maximumMemory));
  if (options.noAssert) args.push('--noAssert');
  if (options.emitText) args.push('--textFile', outputs.text);
  args.push(...(options.extraArgs ?? []));
  return args;
}

/** Runs asc; collects its diagnostics and returns its failure message, if any. */
async function runAsc(args: string[], files: InMemoryFiles, diagnostics: Diagnostic[], lease?: ParseCacheLease): Promise<string | undefined> {
  let crashed = false;
  try {
    const result = await asc.main(args, {
      readFile: files.readFile,
      writeFile: files.writeFile,
      listFiles: files.listFiles,
      reportDiagnostic: (message) => diagnostics.push(toDiagnostic(message, (path) => files.sourceText(path))),
      transforms: lease ? [lease.transform] : [],
    });
    return result.error ? result.error.message : undefined;
  } catch (error) {
    // asc throws on internal crashes (in Binaryen, say); the caller still gets a diagnostic.
    crashed = true;
    return error instanceof Error ? error.message : String(error);
  } finally {
    lease?.end(crashed);
  }
}

function asString(contents: Uint8Array | string | undefined): string | undefined {
  return contents === undefined || typeof contents === 'string' ? contents : new TextDecoder().decode(contents);
}

/**
 * asc embeds the text of every source file, the standard library's included,
 * in the map (`sourcesContent`: ~0.6 MB even for the small kernel). Nothing
 * downstream reads it (the playground has the sources), and parsing it again
 * for every translation would cost more than translating, so it is dropped.
 *
 * asc writes the map with `JSON.stringify` after adding `sourcesContent` as
 * its last key, so the text up to that key, closed, is exactly what parsing,
 * deleting the key and stringifying again gives, without parsing 0.6 MB of
 * escaped source text on every build (a few ms of the worker's warm rebuild).
 * The text is cut only when it shows that layout: a quote inside a JSON string
 * is escaped, so `,"sourcesContent":` is the key and `],"` after it would be
 * a later key.
 */
function withoutSourcesContent(json: string | undefined): string | undefined {
  if (json === undefined) return undefined;
  const key = json.indexOf(',"sourcesContent":[');
  if (key >= 0 && json.endsWith(']}') && json.indexOf('],"', key) < 0) return `${json.slice(0, key)}}`;
  const map = JSON.parse(json) as { sourcesContent?: unknown };
  delete map.sourcesContent;
  return JSON.stringify(map);
}
