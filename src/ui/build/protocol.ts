/**
 * @fileoverview The messages between the page's build client
 * (`build-client.ts`) and the build worker (`build-worker.ts`).
 *
 * 'ready' comes first, once the worker's modules have loaded: asc's module
 * has top-level awaits (binaryen), and Chromium drops a message that reaches a
 * module worker before its evaluation finished, so requests wait for it.
 *
 * A background build (one nobody waits for: the page warms the worker up
 * with it) gives way to the page's 'cancel' between its steps and then
 * answers 'cancelled'; its 'done' carries no image and no debug information.
 *
 * A result travels as a `PostedResult`: the ELF and the debug information's
 * line table (~70 000 numbers for the kernel at -O0) go as transferred typed
 * arrays. Structured-cloning that table as a plain array cost the page's main
 * thread 30–80 ms per build, right before it boots the image.
 */
import type { AscOptions } from '../../toolchain/asc/compile.js';
import type { DebugInfo } from '../../toolchain/translate.js';
import type { PipelineResult, PipelineStep } from './kernel-pipeline.js';

export interface BuildRequest {
  readonly kind: 'build';
  /** Tells answers to different requests apart. */
  readonly id: number;
  /** Path relative to src/kernel/ → text. */
  readonly files: ReadonlyMap<string, string>;
  /** asc's optimize level (Binaryen passes); the kernel's other options are fixed (kernel-build.ts). */
  readonly optimize: AscOptions['optimize'];
  /** Nobody waits for it: it stops between steps when a 'cancel' for it arrives, and its result is not needed. */
  readonly background: boolean;
}

/** Asks the worker to stop background build `id` at its next step. */
export interface CancelRequest {
  readonly kind: 'cancel';
  readonly id: number;
}

export type PageMessage = BuildRequest | CancelRequest;

export type WorkerMessage =
  | { readonly kind: 'ready' }
  | { readonly kind: 'step'; readonly id: number; readonly step: PipelineStep }
  | { readonly kind: 'done'; readonly id: number; readonly result: PostedResult }
  /** A background build stopped at a 'cancel'. */
  | { readonly kind: 'cancelled'; readonly id: number }
  /** The toolchain threw (a bug, not a compile error): the message and stack, for the page to show. */
  | { readonly kind: 'failed'; readonly id: number; readonly error: string };

/** A `PipelineResult` as posted: `debug.lines` as an Int32Array (every entry is a 32-bit integer). */
export interface PostedResult extends Omit<PipelineResult, 'debug'> {
  debug?: Omit<DebugInfo, 'lines'> & { lines: Int32Array<ArrayBuffer> };
}

/** The result to post, and the buffers to transfer with it. */
export function toPosted(result: PipelineResult): { posted: PostedResult; transfer: Transferable[] } {
  const lines = result.debug ? new Int32Array(result.debug.lines) : undefined;
  const posted: PostedResult = { ...result, debug: result.debug && lines && { ...result.debug, lines } };
  return { posted, transfer: [result.elf?.buffer, lines?.buffer].filter((buffer) => buffer !== undefined) };
}

/** The result as the pipeline returned it. */
export function fromPosted(posted: PostedResult): PipelineResult {
  if (!posted.debug) return { ...posted, debug: undefined };
  const typed = posted.debug.lines;
  // Filled in place: Array.from(typed) is several times slower.
  const lines = new Array<number>(typed.length).fill(0);
  for (let i = 0; i < typed.length; i++) lines[i] = typed[i];
  return { ...posted, debug: { ...posted.debug, lines } };
}
