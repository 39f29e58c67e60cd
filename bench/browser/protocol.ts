/**
 * @fileoverview The messages of `npm run bench:browser`: the driver (bench/browser-run.ts) calls the page's
 * `runToolchainBench` (main.ts) with a BenchRequest; the page hands it to the Web Worker (worker.ts) once the worker
 * says it is ready, and the worker answers with progress messages and then its figures or its error.
 */
import type { AscOptions } from '../../src/toolchain/asc/compile.js';
import type { ToolchainFigures } from './toolchain-figures.js';

/** The corpus builds besides the kernel; the driver knows them (their lists live in modules that use node:fs). */
export interface BenchRequest {
  /** bench/kernels/as entries, paths from the repository root ('bench/kernels/as/crc32.ts'). */
  benchKernelBuilds: AscOptions[];
  /** test/differential programs, paths from test/differential/ ('programs/strings.ts'). */
  differentialBuilds: AscOptions[];
}

/**
 * 'ready' comes first, once the worker's modules have loaded: asc's module has top-level awaits, and Chromium
 * drops a message that reaches a module worker before its evaluation finished, so the request waits for it.
 */
export type WorkerMessage =
  | { kind: 'ready' }
  | { kind: 'progress'; step: string }
  | { kind: 'done'; figures: ToolchainFigures }
  | { kind: 'failed'; error: string };

declare global {
  interface Window {
    /** Runs the measurements in a new Web Worker; progress goes to the console as "bench: <step>". */
    runToolchainBench?: (request: BenchRequest) => Promise<ToolchainFigures>;
  }
}
