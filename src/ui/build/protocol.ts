/**
 * @fileoverview The messages between the page's build client
 * (`build-client.ts`) and the build worker (`build-worker.ts`).
 *
 * 'ready' comes first, once the worker's modules have loaded: asc's module
 * has top-level awaits (binaryen), and Chromium drops a message that reaches a
 * module worker before its evaluation finished, so requests wait for it.
 */
import type { AscOptions } from '../../toolchain/asc/compile.js';
import type { PipelineResult, PipelineStep } from './kernel-pipeline.js';

export interface BuildRequest {
  /** Tells answers to different requests apart. */
  readonly id: number;
  /** Path relative to src/kernel/ → text. */
  readonly files: ReadonlyMap<string, string>;
  /** asc's optimize level (Binaryen passes); the kernel's other options are fixed (kernel-build.ts). */
  readonly optimize: AscOptions['optimize'];
}

export type WorkerMessage =
  | { readonly kind: 'ready' }
  | { readonly kind: 'step'; readonly id: number; readonly step: PipelineStep }
  | { readonly kind: 'done'; readonly id: number; readonly result: PipelineResult }
  /** The toolchain threw (a bug, not a compile error): the message and stack, for the page to show. */
  | { readonly kind: 'failed'; readonly id: number; readonly error: string };
