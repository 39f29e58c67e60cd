/**
 * @fileoverview Measures one kernel's two images side by side in v86: boots the C image and the translated
 * AssemblyScript image alternately (so a slow spell of the shared machine hits both), `runs` times each, and
 * keeps every run's result line, wall time and instruction count. speed-table.ts turns the samples into medians.
 */
import { bootInV86, type BootResult } from '../src/toolchain/emulator/v86-node.js';
import { parseResultLine } from './result-line.js';
import type { KernelName } from './kernels.js';

/** Generous: the kernels take 0.2–2 s each in v86; a run that needs 30 s is broken, not slow. */
export const RUN_TIMEOUT_MS = 30_000;

export interface RunSample {
  /** rdtsc ticks around the kernel's work, as the guest measured them. */
  cycles: number;
  /** Host wall-clock time of the whole boot, emulator start-up included. */
  wallMs: number;
  /** Guest instructions of the whole run (v86's counter). */
  instructions?: number;
  check: string;
}

/** One image's runs, or why it has none (not built, or a run failed). */
export interface SideMeasurement {
  samples: RunSample[];
  failure?: string;
}

export interface KernelComparison {
  name: KernelName;
  c: SideMeasurement;
  as: SideMeasurement;
}

/** An image to boot, or the reason there is none (e.g. the translator rejected the module). */
export type ImageOrFailure = Uint8Array | { failure: string };

/** Boots `elf` once; throws when the guest does not exit 0 with a result line. */
async function measureOnce(elf: Uint8Array): Promise<RunSample> {
  const run: BootResult = await bootInV86(elf, { timeoutMs: RUN_TIMEOUT_MS });
  const line = parseResultLine(run.serial);
  if (run.timedOut || run.exitCode !== 0 || line === undefined) {
    const how = run.timedOut ? 'timed out' : `exit code ${run.exitCode}`;
    throw new Error(`${how}, serial: ${JSON.stringify(run.serial.slice(-200))}`);
  }
  return { cycles: line.cycles, wallMs: run.wallMs, instructions: run.instructions, check: line.check };
}

/** Adds one run of `image` to `side`, unless the side has already failed. */
async function addRun(side: SideMeasurement, image: ImageOrFailure): Promise<void> {
  if (side.failure !== undefined) return;
  if (!(image instanceof Uint8Array)) {
    side.failure = image.failure;
    return;
  }
  try {
    side.samples.push(await measureOnce(image));
  } catch (error) {
    side.failure = error instanceof Error ? error.message : String(error);
  }
}

/**
 * Boots `elf` once without recording it: the first boot in a process runs while V8 is still optimising v86
 * itself, and would make whichever image comes first look slow.
 */
export async function warmUpEmulator(elf: Uint8Array): Promise<void> {
  await bootInV86(elf, { timeoutMs: RUN_TIMEOUT_MS });
}

export async function compareKernel(
  name: KernelName,
  images: { c: ImageOrFailure; as: ImageOrFailure },
  runs: number,
): Promise<KernelComparison> {
  const comparison: KernelComparison = { name, c: { samples: [] }, as: { samples: [] } };
  for (let run = 0; run < runs; run++) {
    await addRun(comparison.c, images.c);
    await addRun(comparison.as, images.as);
  }
  return comparison;
}
