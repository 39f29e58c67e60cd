/**
 * @fileoverview The measurements of `npm run bench:browser`, written once for both JavaScript engines: the Web
 * Worker (worker.ts) runs them in Chromium and the driver (bench/browser-run.ts) runs the very same code in Node,
 * so the two columns of its table differ only by the engine. Measures (a) asc's compile time of src/kernel at
 * -O0, -O1 and -O3, (b) translation throughput over a corpus of real asc output and (c) a kernel rebuild
 * (compile -O3 + translate, the playground's "edit → rebuild"), cold and warm, whose image (length and SHA-256)
 * shows that both engines build the same bytes. Imports no Node built-in: this module and its whole import graph
 * run in a browser.
 */
import { compileAssemblyScript, type AscOptions, type AscSource } from '../../src/toolchain/asc/compile.js';
import { KERNEL_TRANSLATE_OPTIONS, kernelAscOptions } from '../../src/toolchain/asc/kernel-build.js';
import { translate } from '../../src/toolchain/translate.js';
import { median } from '../stats.js';

export const KERNEL_LEVELS = [0, 1, 3] as const;
export type KernelLevel = (typeof KERNEL_LEVELS)[number];

/** Untimed compiles per level before the timed ones (the corpus compiles before them warm asc up as a whole). */
const COMPILE_WARM_UPS = 1;
const COMPILE_MEASUREMENTS = 3;
/** Untimed passes first, as in bench/throughput.ts: the engine optimises the translator's hot paths meanwhile. */
const TRANSLATION_WARM_UP_PASSES = 2;
const TRANSLATION_MEASUREMENTS = 5;
const REBUILD_MEASUREMENTS = 3;

export const MEASUREMENT_COUNTS = {
  compile: COMPILE_MEASUREMENTS,
  translation: TRANSLATION_MEASUREMENTS,
  rebuild: REBUILD_MEASUREMENTS,
} as const;

/** Modules of the translation corpus that compile from one set of sources, one module per build. */
export interface CorpusGroup {
  sources: AscSource[];
  builds: AscOptions[];
}

/** What is compiled, gathered by each side its own way (disk in Node, Vite's bundled sources in the browser). */
export interface ToolchainSources {
  /** src/kernel/**.ts, paths relative to src/kernel/ (as kernel-sources-node.ts names them), sorted by path. */
  kernel: AscSource[];
  /** The rest of the translation corpus, besides the kernel at -O0 and -O3. */
  corpus: CorpusGroup[];
}

/** The kernel image of a rebuild: enough to tell whether two engines produced the same bytes. */
export interface ImageFingerprint {
  bytes: number;
  /** Hex SHA-256 of the ELF file. */
  sha256: string;
  /** The file starts with 0x7f 'E' 'L' 'F'. */
  elfMagic: boolean;
}

export interface ToolchainFigures {
  /** Median asc compile time of src/kernel per level, in KERNEL_LEVELS order, ms. */
  kernelCompileMs: number[];
  /** Median MB (10^6 bytes) of wasm translated per second. */
  translationMBps: number;
  corpusModules: number;
  corpusBytes: number;
  /** Wall time of the first compile -O3 + translate of src/kernel in a fresh engine (asc not yet run), ms. */
  coldRebuildMs: number;
  /** Median wall time of compile -O3 + translate of src/kernel once the engine has warmed up, ms. */
  rebuildMs: number;
  image: ImageFingerprint;
}

interface CompiledModule {
  wasm: Uint8Array;
  sourceMap?: string;
}

/** Compiles with asc; throws with asc's first error. */
async function compile(sources: AscSource[], options: AscOptions): Promise<CompiledModule & { ms: number }> {
  const result = await compileAssemblyScript(sources, options);
  const error = result.diagnostics.find((d) => d.severity === 'error');
  if (result.wasm === undefined || error !== undefined) {
    const reason = error ? `${error.file}:${error.line}: ${error.message}` : 'no wasm';
    throw new Error(`asc failed on ${options.entry}: ${reason}`);
  }
  return { wasm: result.wasm, sourceMap: result.sourceMap, ms: result.ms };
}

/** (a) Median compile time of src/kernel at `level`, and the module that compile produced. */
async function measureKernelCompile(sources: AscSource[], level: KernelLevel): Promise<{ ms: number; module: CompiledModule }> {
  for (let i = 0; i < COMPILE_WARM_UPS; i++) await compile(sources, kernelAscOptions(level));
  const times: number[] = [];
  let module: CompiledModule | undefined;
  for (let i = 0; i < COMPILE_MEASUREMENTS; i++) {
    const compiled = await compile(sources, kernelAscOptions(level));
    times.push(compiled.ms);
    module = compiled;
  }
  return { ms: median(times), module: module! };
}

/** Every build of every group, in order; throws on the first that does not compile. */
async function compileCorpus(groups: CorpusGroup[]): Promise<CompiledModule[]> {
  const modules: CompiledModule[] = [];
  for (const group of groups) {
    for (const build of group.builds) modules.push(await compile(group.sources, build));
  }
  return modules;
}

/** (b) Median MB of wasm translated per second, one pass over the corpus (with source maps) per measurement. */
function measureTranslation(corpus: CompiledModule[]): number {
  const corpusBytes = corpus.reduce((sum, module) => sum + module.wasm.length, 0);
  const translateAll = (): void => corpus.forEach((module) => translate(module.wasm, { sourceMap: module.sourceMap }));
  for (let i = 0; i < TRANSLATION_WARM_UP_PASSES; i++) translateAll();
  const rates: number[] = [];
  for (let i = 0; i < TRANSLATION_MEASUREMENTS; i++) {
    const started = performance.now();
    translateAll();
    rates.push(corpusBytes / 1e6 / ((performance.now() - started) / 1000));
  }
  return median(rates);
}

/** The kernel image exactly as `npm run kernel` builds it. */
async function rebuildKernel(sources: AscSource[]): Promise<Uint8Array> {
  const module = await compile(sources, kernelAscOptions(3));
  return translate(module.wasm, { ...KERNEL_TRANSLATE_OPTIONS, sourceMap: module.sourceMap }).elf;
}

async function fingerprint(image: Uint8Array): Promise<ImageFingerprint> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', image as Uint8Array<ArrayBuffer>));
  const sha256 = Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('');
  const elfMagic = image[0] === 0x7f && image[1] === 0x45 && image[2] === 0x4c && image[3] === 0x46;
  return { bytes: image.length, sha256, elfMagic };
}

/** (c) Median wall time of a whole kernel rebuild, and the fingerprint of the image it built. */
async function measureRebuild(sources: AscSource[]): Promise<{ ms: number; image: ImageFingerprint }> {
  const rebuilds: { ms: number; value: Uint8Array }[] = [];
  for (let i = 0; i < REBUILD_MEASUREMENTS; i++) rebuilds.push(await timed(() => rebuildKernel(sources)));
  return { ms: median(rebuilds.map((rebuild) => rebuild.ms)), image: await fingerprint(rebuilds[0].value) };
}

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await work();
  return { ms: performance.now() - started, value };
}

/**
 * Runs the measurements; `progress` hears what is being measured. First one kernel rebuild in the fresh engine
 * (what a visitor of the playground waits for first), then the corpus is compiled, which also warms asc up, so
 * (a), (b) and (c) measure a warm engine. The translation corpus is `sources.corpus` and the kernel at -O0 and
 * -O3 (from (a)).
 */
export async function measureToolchain(sources: ToolchainSources, progress: (step: string) => void = () => {}): Promise<ToolchainFigures> {
  progress('first kernel rebuild (cold)');
  const coldRebuild = await timed(() => rebuildKernel(sources.kernel));
  progress('asc translation corpus (and warm-up)');
  const corpus = await compileCorpus(sources.corpus);
  const kernelCompileMs: number[] = [];
  for (const level of KERNEL_LEVELS) {
    progress(`asc src/kernel -O${level}`);
    const measured = await measureKernelCompile(sources.kernel, level);
    kernelCompileMs.push(measured.ms);
    if (level !== 1) corpus.push(measured.module);
  }
  progress('translation throughput');
  const translationMBps = measureTranslation(corpus);
  progress('kernel rebuild');
  const rebuild = await measureRebuild(sources.kernel);
  return {
    kernelCompileMs,
    translationMBps,
    corpusModules: corpus.length,
    corpusBytes: corpus.reduce((sum, module) => sum + module.wasm.length, 0),
    coldRebuildMs: coldRebuild.ms,
    rebuildMs: rebuild.ms,
    image: rebuild.image,
  };
}
