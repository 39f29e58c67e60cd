/**
 * @fileoverview One kernel build from in-memory sources to a bootable image:
 * the unsafe check, asc, then the translator (which also links the Multiboot
 * ELF). Every problem comes back as a diagnostic — an unsafe-rule violation
 * is an error like a type error — and the image only when there is none.
 *
 * Pipeline place: the body of the playground's build worker
 * (`build-worker.ts`); the same steps `npm run kernel` takes
 * (src/toolchain/cli/build-kernel.ts), with the kernel's options from
 * src/toolchain/asc/kernel-build.ts. Uses no Node built-ins and no DOM, so it
 * runs in a Web Worker and in Node tests.
 *
 * A caller that builds again and again (the worker) passes the same
 * `BuildCaches` each time: the unsafe check and asc then parse only the files
 * that changed, which makes a rebuild after a one-line edit several times
 * cheaper than the first; the image is the same as without them.
 */
import { compileAssemblyScript, type AscOptions, type Diagnostic } from '../../toolchain/asc/compile.js';
import { KERNEL_TRANSLATE_OPTIONS, kernelAscOptions } from '../../toolchain/asc/kernel-build.js';
import { AscParseCache } from '../../toolchain/asc/parse-cache.js';
import { translate, WasmError, type DebugInfo } from '../../toolchain/translate.js';
import { UnsafeCheckCache } from '../../toolchain/unsafe/check-cache.js';
import { checkUnsafe } from '../../toolchain/unsafe/check.js';
import type { UnsafeReport } from '../../toolchain/unsafe/report-format.js';

/** The steps of a build, in order; 'translate' includes linking the ELF (one call of the translator). */
export type PipelineStep = 'check' | 'compile' | 'translate';

export interface PipelineResult {
  /** The Multiboot ELF, when the build had no error. */
  elf?: Uint8Array<ArrayBuffer>;
  /** The image's debug information (x86 address → function, file, line), with the ELF. */
  debug?: DebugInfo;
  /** The unsafe report of the sources (also when the build failed), for the unsafe panel. */
  unsafeReport?: UnsafeReport;
  /** Unsafe-rule and asc diagnostics sorted by file and line, then translator errors. */
  diagnostics: Diagnostic[];
  /** Milliseconds per step that ran. */
  stepMs: Partial<Record<PipelineStep, number>>;
}

export interface PipelineOptions {
  optimize?: AscOptions['optimize'];
  /** Called when a step starts. */
  onStep?: (step: PipelineStep) => void;
  /** Awaited before each step; a build nobody waits for gives way here, and stops by throwing. */
  beforeStep?: (step: PipelineStep) => Promise<void>;
  /** Parses kept from earlier builds (`newBuildCaches`); without, every file is parsed. */
  caches?: BuildCaches;
}

/** What a builder keeps between builds: the files the unsafe check and asc have parsed. */
export interface BuildCaches {
  readonly unsafe: UnsafeCheckCache;
  readonly asc: AscParseCache;
}

export function newBuildCaches(): BuildCaches {
  return { unsafe: new UnsafeCheckCache(), asc: new AscParseCache() };
}

/**
 * asc's options for the page: the kernel's, without Binaryen's validation of asc's output, which the
 * translator repeats anyway (WebAssembly.validate) before it reads the module.
 */
function pageAscOptions(optimize: AscOptions['optimize']): AscOptions {
  const options = kernelAscOptions(optimize);
  return { ...options, extraArgs: [...(options.extraArgs ?? []), '--noValidate'] };
}

/** Builds the kernel from `files` (path relative to src/kernel/ → text). */
export async function buildKernelImage(files: ReadonlyMap<string, string>, options: PipelineOptions = {}): Promise<PipelineResult> {
  const stepMs: PipelineResult['stepMs'] = {};
  const timed = async <T>(step: PipelineStep, run: () => T | Promise<T>): Promise<T> => {
    await options.beforeStep?.(step);
    options.onStep?.(step);
    const started = performance.now();
    try {
      return await run();
    } finally {
      stepMs[step] = performance.now() - started;
    }
  };

  const unsafe = await timed('check', () => checkUnsafe(files, options.caches?.unsafe));
  const sources = [...files].map(([path, text]) => ({ path, text }));
  const compiled = await timed('compile', () => compileAssemblyScript(sources, pageAscOptions(options.optimize), options.caches?.asc));
  const diagnostics = [...unsafe.diagnostics, ...compiled.diagnostics].sort(byPosition);
  const result: PipelineResult = { diagnostics, unsafeReport: unsafe.report, stepMs };
  if (!compiled.wasm || diagnostics.some((d) => d.severity === 'error')) return result;

  try {
    const image = await timed('translate', () => translate(compiled.wasm!, { ...KERNEL_TRANSLATE_OPTIONS, sourceMap: compiled.sourceMap }));
    return { ...result, elf: new Uint8Array(image.elf), debug: image.debug };
  } catch (error) {
    if (!(error instanceof WasmError)) throw error;
    return { ...result, diagnostics: [...diagnostics, translatorDiagnostic(error)] };
  }
}

/** A translator refusal (an unsupported import, say) as an error without a source location. */
function translatorDiagnostic(error: WasmError): Diagnostic {
  return { file: '', line: 0, column: 0, severity: 'error', code: 0, message: `translator: ${error.message}` };
}

/** Located diagnostics by file, line and column; those without a location last, in their order. */
function byPosition(a: Diagnostic, b: Diagnostic): number {
  if (!a.file || !b.file) return Number(!a.file) - Number(!b.file);
  return a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column;
}
