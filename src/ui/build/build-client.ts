/**
 * @fileoverview The page's side of the build worker: starts the worker on
 * first use, waits for its 'ready', runs one build at a time and turns a
 * worker that dies, fails to load, throws or hangs into a rejected build —
 * after which it drops the worker, so the next build starts a fresh one.
 *
 * Background builds (`buildInBackground`: the page warms the worker up with
 * them while it is idle) make way for a build someone waits for: `build()`
 * cancels them, and the worker stops one at its next step — except while a
 * fresh worker's first build checks or compiles: that step is the long one
 * (asc parses everything and runs cold code), and a new worker serves the
 * user no later than waiting for it would, so the worker is replaced.
 *
 * Pipeline place: used by `build-session.ts`; talks to `build-worker.ts`
 * through the messages of `protocol.ts`.
 */
import type { PipelineResult, PipelineStep } from './kernel-pipeline.js';
import { fromPosted, type BuildRequest, type PageMessage, type WorkerMessage } from './protocol.js';

/** The worker died, did not load, threw inside the toolchain or took too long: not a problem in the sources. */
export class BuildWorkerCrash extends Error {
  override readonly name = 'BuildWorkerCrash';
}

/**
 * Longest a build may take, loading the toolchain included (binaryen is ~13 MB of JavaScript and wasm; on a
 * busy 2-core machine the first build takes up to ~30 s).
 */
const BUILD_TIMEOUT_MS = 120_000;

/** What a build is of: the sources and the optimize level. */
export type BuildInput = Pick<BuildRequest, 'files' | 'optimize'>;

/** A build waiting in the queue or running. */
interface Job {
  readonly input: BuildInput;
  readonly background: boolean;
  readonly onStep?: (step: PipelineStep) => void;
  cancelled: boolean;
  /** Where it was sent, once it was. */
  sent?: { readonly live: LiveWorker; readonly id: number };
  /** The step the worker reported last. */
  step?: PipelineStep;
}

/** A background build that a `build()` cancelled. */
class Cancelled extends Error {}

interface LiveWorker {
  readonly worker: Worker;
  readonly ready: Promise<void>;
  /** Rejects when the worker dies; never resolves. */
  readonly died: Promise<never>;
  /** Rejects `died` with `reason`. */
  readonly kill: (reason: Error) => void;
  /** Builds it has answered. */
  answered: number;
  onMessage?: (message: WorkerMessage) => void;
}

export class BuildClient {
  private live: LiveWorker | null = null;
  private nextId = 1;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly backgroundJobs = new Set<Job>();

  constructor(private readonly createWorker: () => Worker = defaultWorker) {}

  /** Starts loading the worker and the toolchain now, so the first build does not wait for them. */
  warmUp(): void {
    this.live ??= this.spawn();
  }

  /**
   * Builds `input`'s files, after cancelling background builds; resolves with the result (compile errors
   * included), rejects with BuildWorkerCrash.
   */
  build(input: BuildInput, onStep?: (step: PipelineStep) => void): Promise<PipelineResult> {
    for (const job of this.backgroundJobs) this.cancel(job);
    return this.enqueue({ input, background: false, onStep, cancelled: false });
  }

  /**
   * Builds `input`'s files when no other build runs, for the worker's sake (it loads the toolchain, keeps the
   * parses, and the JavaScript engine optimizes the compiler's code): resolves with the diagnostics and step
   * times, without the image; null when a `build()` cancelled it or the worker failed.
   */
  async buildInBackground(input: BuildInput): Promise<PipelineResult | null> {
    const job: Job = { input, background: true, cancelled: false };
    this.backgroundJobs.add(job);
    try {
      return await this.enqueue(job);
    } catch {
      return null;
    } finally {
      this.backgroundJobs.delete(job);
    }
  }

  /** Stops the worker; a later build starts a new one. */
  dispose(): void {
    if (this.live) this.discard(this.live);
  }

  private enqueue(job: Job): Promise<PipelineResult> {
    const run = this.queue.then(() => this.run(job));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private cancel(job: Job): void {
    job.cancelled = true;
    const sent = job.sent;
    if (!sent) return;
    if (sent.live.answered === 0 && job.step !== 'translate') {
      sent.live.kill(new Cancelled());
      this.discard(sent.live);
    } else {
      sent.live.worker.postMessage({ kind: 'cancel', id: sent.id } satisfies PageMessage);
    }
  }

  private async run(job: Job): Promise<PipelineResult> {
    if (job.cancelled) throw new Cancelled();
    const live = (this.live ??= this.spawn());
    const id = this.nextId++;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new BuildWorkerCrash(`the build worker did not answer within ${BUILD_TIMEOUT_MS / 1000} s`)), BUILD_TIMEOUT_MS);
    });
    const answer = new Promise<PipelineResult>((resolve, reject) => {
      live.onMessage = (message) => {
        if (message.kind === 'ready' || message.id !== id) return;
        if (message.kind === 'step') {
          job.step = message.step;
          job.onStep?.(message.step);
        }
        else if (message.kind === 'done') resolve(fromPosted(message.result));
        else if (message.kind === 'cancelled') reject(new Cancelled());
        else reject(new BuildWorkerCrash(`the toolchain failed: ${message.error}`));
      };
    });
    try {
      await Promise.race([live.ready, live.died, timeout]);
      if (job.cancelled) throw new Cancelled();
      live.worker.postMessage({ kind: 'build', ...job.input, id, background: job.background } satisfies PageMessage);
      job.sent = { live, id };
      const result = await Promise.race([answer, live.died, timeout]);
      live.answered++;
      return result;
    } catch (error) {
      // Whatever else went wrong, the worker's state is suspect: the next build gets a new one.
      if (!(error instanceof Cancelled)) this.discard(live);
      throw error;
    } finally {
      clearTimeout(timer);
      live.onMessage = undefined;
    }
  }

  private spawn(): LiveWorker {
    const worker = this.createWorker();
    let markReady!: () => void;
    let markDead!: (error: Error) => void;
    const live: LiveWorker = {
      worker,
      ready: new Promise<void>((resolve) => (markReady = resolve)),
      died: new Promise<never>((_, reject) => (markDead = reject)),
      kill: (reason) => markDead(reason),
      answered: 0,
    };
    live.died.catch(() => undefined); // a worker may die between builds, with nobody waiting
    worker.onmessage = (event: MessageEvent<WorkerMessage>) => {
      if (event.data.kind === 'ready') markReady();
      else live.onMessage?.(event.data);
    };
    worker.onerror = (event) => {
      event.preventDefault();
      markDead(new BuildWorkerCrash(`the build worker crashed: ${event.message || 'it did not load (see the browser console)'}`));
      this.discard(live);
    };
    worker.onmessageerror = () => {
      markDead(new BuildWorkerCrash('the build worker sent a message the page could not read'));
      this.discard(live);
    };
    return live;
  }

  private discard(live: LiveWorker): void {
    live.worker.terminate();
    if (this.live === live) this.live = null;
  }
}

function defaultWorker(): Worker {
  return new Worker(new URL('./build-worker.ts', import.meta.url), { type: 'module', name: 'kernel-build' });
}
