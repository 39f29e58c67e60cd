/**
 * @fileoverview Toolchain throughput, run by `npm run bench` after the code-speed table (or alone:
 * `npx tsx bench/throughput.ts`): (a) how many MB of wasm per second our translator turns into x86 (median of 5
 * passes over a corpus of real asc output, after warm-up passes) and (b) how long asc takes to compile src/kernel
 * at -O0, -O1 and -O3 (median of 3). Node only; browser figures come with the UI.
 */
import { fileURLToPath } from 'node:url';
import { compileAssemblyScript, type AscSource } from '../src/toolchain/asc/compile.js';
import { KERNEL_ENTRY, kernelAscOptions } from '../src/toolchain/asc/kernel-build.js';
import { readAscSources } from '../src/toolchain/asc/kernel-sources-node.js';
import { compileProgram, OPTIMIZE_LEVELS, PROGRAMS } from '../test/differential/programs.js';
import { compileAsKernel, translateModule, type WasmModule } from './build-as.js';
import { KERNEL_NAMES } from './kernels.js';
import { median } from './stats.js';

const TRANSLATION_MEASUREMENTS = 5;
/** Untimed passes first: V8 optimises the translator's hot paths during the first few modules. */
const TRANSLATION_WARM_UP_PASSES = 2;
const COMPILE_MEASUREMENTS = 3;

const KERNEL_LEVELS = [0, 1, 3] as const;

/** src/kernel compiled by asc at `optimize`; throws with asc's first error. */
async function compileKernel(sources: AscSource[], optimize: (typeof KERNEL_LEVELS)[number]): Promise<{ kernel: WasmModule; ms: number }> {
  const result = await compileAssemblyScript(sources, kernelAscOptions(optimize));
  const error = result.diagnostics.find((d) => d.severity === 'error');
  if (result.wasm === undefined || error !== undefined) {
    throw new Error(`asc failed on src/kernel: ${error ? `${error.file}:${error.line}: ${error.message}` : 'no wasm'}`);
  }
  return { kernel: { wasm: result.wasm, sourceMap: result.sourceMap }, ms: result.ms };
}

/** (b) Median asc compile time of src/kernel per optimisation level, e.g. "-O0 812 ms, -O1 1204 ms, -O3 2410 ms". */
async function measureKernelCompileTimes(sources: AscSource[]): Promise<string> {
  const cells: string[] = [];
  for (const level of KERNEL_LEVELS) {
    const times: number[] = [];
    for (let i = 0; i < COMPILE_MEASUREMENTS; i++) times.push((await compileKernel(sources, level)).ms);
    cells.push(`-O${level} ${median(times).toFixed(0)} ms`);
  }
  return cells.join(', ');
}

/** A program of the differential test suite compiled by asc; throws when it does not compile. */
async function differentialProgram(name: string, optimize: (typeof OPTIMIZE_LEVELS)[number]): Promise<WasmModule> {
  const result = await compileProgram(name, optimize);
  if (result.wasm === undefined) throw new Error(`asc failed on test/differential/programs/${name}.ts`);
  return { wasm: result.wasm, sourceMap: result.sourceMap };
}

/**
 * The translation corpus, real asc output: the differential test programs (incremental runtime, so allocator and
 * collector code too) at each of their optimise levels, the bench kernels and the kernel at -O3 and -O0. The bench
 * kernels are left out at -O0, where their static buffers become megabytes of zero data segments, which would
 * measure copying rather than translating.
 */
async function translationCorpus(kernelSources: AscSource[] | undefined): Promise<WasmModule[]> {
  const corpus: WasmModule[] = [];
  for (const program of PROGRAMS) {
    for (const level of OPTIMIZE_LEVELS) corpus.push(await differentialProgram(program.name, level));
  }
  for (const name of KERNEL_NAMES) corpus.push(await compileAsKernel(name, 3));
  if (kernelSources !== undefined) {
    for (const level of [0, 3] as const) corpus.push((await compileKernel(kernelSources, level)).kernel);
  }
  return corpus;
}

/**
 * (a) Median MB of wasm translated per second, one pass over the corpus per measurement: by wall-clock time and
 * by the process's CPU time. On a shared machine the wall-clock rate also counts the time other jobs held the
 * cores; the CPU-time rate counts only this process's work (V8's helper threads, e.g. the GC's, included).
 */
function measureTranslationThroughput(corpus: WasmModule[]): string {
  const corpusBytes = corpus.reduce((sum, module) => sum + module.wasm.length, 0);
  const translateAll = (): void => corpus.forEach((module) => translateModule(module));
  for (let i = 0; i < TRANSLATION_WARM_UP_PASSES; i++) translateAll();
  const wallRates: number[] = [];
  const cpuRates: number[] = [];
  for (let i = 0; i < TRANSLATION_MEASUREMENTS; i++) {
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    translateAll();
    wallRates.push(corpusBytes / 1e6 / ((performance.now() - started) / 1000));
    const cpu = process.cpuUsage(cpuBefore);
    cpuRates.push(corpusBytes / 1e6 / ((cpu.user + cpu.system) / 1e6));
  }
  return `${median(wallRates).toFixed(2)} MB of wasm/s, by CPU time ${median(cpuRates).toFixed(2)} MB/s ` +
    `(corpus: ${corpus.length} modules, ${(corpusBytes / 1024).toFixed(0)} KiB)`;
}

/** src/kernel's sources (as the kernel build reads them), or undefined while the kernel does not exist yet. */
function kernelSourcesIfPresent(): AscSource[] | undefined {
  try {
    const sources = readAscSources();
    return sources.some((source) => source.path === KERNEL_ENTRY) ? sources : undefined;
  } catch {
    return undefined;
  }
}

/** Runs (a) and (b) and prints one line each; a part that cannot run yet says why instead of a figure. */
export async function runThroughputBenchmarks(): Promise<void> {
  const kernelSources = kernelSourcesIfPresent();
  const translation = await translationCorpus(kernelSources)
    .then(measureTranslationThroughput)
    .catch((e: Error) => e.message);
  console.log(`Translation throughput (Node, median of ${TRANSLATION_MEASUREMENTS}): ${translation}`);
  const compile = kernelSources
    ? await measureKernelCompileTimes(kernelSources).catch((e: Error) => e.message)
    : `src/kernel/${KERNEL_ENTRY} not present yet`;
  console.log(`asc compile time of src/kernel (Node, median of ${COMPILE_MEASUREMENTS}): ${compile}`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await runThroughputBenchmarks();
