/**
 * @fileoverview `npm run bench`: the code-speed benchmark. Builds the five kernels twice — C with gcc -O2 -m32, and
 * AssemblyScript through asc and our wasm → x86 translator — boots both images of each kernel alternately in v86
 * (`--runs N` times each, default 3; `--only <kernel>` for one) after one unrecorded warm-up boot, prints the table
 * of medians and the target line, then the translation and compile throughput figures (bench/throughput.ts).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compileAsKernel, translateModule } from './build-as.js';
import { buildCImage } from './build-c.js';
import { parseBenchArgs } from './cli-args.js';
import { compareKernel, warmUpEmulator, type ImageOrFailure, type KernelComparison } from './compare.js';
import type { KernelName } from './kernels.js';
import { describeMachine } from './machine.js';
import { formatSpeedTable, formatTargetLine, isSoundComparison } from './speed-table.js';
import { runThroughputBenchmarks } from './throughput.js';

function failureOf(error: unknown): { failure: string } {
  return { failure: error instanceof Error ? error.message : String(error) };
}

async function cImage(name: KernelName, outDir: string): Promise<ImageOrFailure> {
  return buildCImage(name, outDir).catch(failureOf);
}

async function asImage(name: KernelName): Promise<ImageOrFailure> {
  return compileAsKernel(name).then(translateModule).catch(failureOf);
}

/** Prints why a side has no figures (the table cell only has room for the first line). */
function reportFailures(comparison: KernelComparison): void {
  for (const [side, measurement] of [['C', comparison.c], ['AS', comparison.as]] as const) {
    if (measurement.failure !== undefined) console.error(`${comparison.name} (${side}): ${measurement.failure}`);
  }
}

type ImagePair = { c: ImageOrFailure; as: ImageOrFailure };

async function buildImages(kernels: readonly KernelName[], outDir: string): Promise<Map<KernelName, ImagePair>> {
  const images = new Map<KernelName, ImagePair>();
  for (const name of kernels) images.set(name, { c: await cImage(name, outDir), as: await asImage(name) });
  return images;
}

/** Warms v86 up on the first C image, then boots each kernel's two images alternately. */
async function measureAll(images: Map<KernelName, ImagePair>, runs: number): Promise<KernelComparison[]> {
  const firstBootable = [...images.values()].map((pair) => pair.c).find((image) => image instanceof Uint8Array);
  if (firstBootable instanceof Uint8Array) await warmUpEmulator(firstBootable);
  const comparisons: KernelComparison[] = [];
  for (const [name, pair] of images) {
    console.error(`${name}: ${runs} run(s) of each image in v86...`);
    const comparison = await compareKernel(name, pair, runs);
    reportFailures(comparison);
    comparisons.push(comparison);
  }
  return comparisons;
}

function printSpeedReport(comparisons: readonly KernelComparison[], runs: number): void {
  const medians = `medians of ${runs} run${runs === 1 ? '' : 's'} per image`;
  console.log(`\nCode speed in v86 (${medians}; cycles = guest rdtsc around the work)`);
  console.log(`Machine: ${describeMachine()}\n`);
  console.log(formatSpeedTable(comparisons));
  console.log(`\n${formatTargetLine(comparisons)}\n`);
}

/**
 * Exit code 1 when a kernel failed to build or run, or its two images disagree on the checksum: then the
 * benchmark itself is broken. Missing the speed target is a result, not a failure.
 */
async function main(): Promise<void> {
  const options = parseBenchArgs(process.argv.slice(2));
  const outDir = await mkdtemp(join(tmpdir(), 'bench-'));
  try {
    const comparisons = await measureAll(await buildImages(options.kernels, outDir), options.runs);
    printSpeedReport(comparisons, options.runs);
    if (!comparisons.every(isSoundComparison)) process.exitCode = 1;
  } finally {
    await rm(outDir, { recursive: true, force: true });
  }
  await runThroughputBenchmarks();
}

await main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
