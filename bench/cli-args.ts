/**
 * @fileoverview Command-line options of `npm run bench` (bench/run.ts): `--runs N` boots of each image
 * (default 3) and `--only <kernel>` to measure one kernel.
 */
import { isKernelName, KERNEL_NAMES, type KernelName } from './kernels.js';

export interface BenchOptions {
  runs: number;
  kernels: KernelName[];
}

export const DEFAULT_RUNS = 3;

/** Parses `argv` (without node and the script); throws an Error with a usage hint on anything unknown. */
export function parseBenchArgs(argv: readonly string[]): BenchOptions {
  const options: BenchOptions = { runs: DEFAULT_RUNS, kernels: [...KERNEL_NAMES] };
  for (let i = 0; i < argv.length; i++) {
    const value = argv[i + 1];
    if (argv[i] === '--runs' && value !== undefined && /^[1-9]\d*$/.test(value)) options.runs = Number(value);
    else if (argv[i] === '--only' && value !== undefined && isKernelName(value)) options.kernels = [value];
    else throw new Error(`unknown argument ${argv[i]} ${value ?? ''}\n${USAGE}`);
    i++;
  }
  return options;
}

const USAGE = `usage: npm run bench -- [--runs N] [--only ${KERNEL_NAMES.join('|')}]`;
