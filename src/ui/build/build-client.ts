/**
 * @fileoverview The page's side of the build worker: starts the worker on
 * first use, waits for its 'ready', runs one build at a time and turns a
 * worker that dies, fails to load, throws or hangs into a rejected build —
 * after which it drops the worker, so the next build starts a fresh one.
 *
 * Pipeline place: used by `build-session.ts`; talks to `build-worker.ts`
 * through the messages of `protocol.ts`.
 */
import type { PipelineResult, PipelineStep } from './kernel-pipeline.js';
import { fromPosted, type BuildRequest, type WorkerMessage } from './protocol.js';

/** The worker died, did not load, threw inside the toolchain or took too long: not a problem in the sources. */
export class BuildWorkerCrash extends Error {
  override readonly name = 'BuildWorkerCrash';
}

/**
 * Longest a build may take, loading the toolchain included (binaryen is ~13 MB of JavaScript and wasm; on a
 * busy 2-core machine the first build takes up to ~30 s).
 */
const BUILD_TIMEOUT_MS = 120_000;

interface LiveWorker {
  readonly worker: Worker;
  readonly ready: Promise<void>;
  /** Rejects when the worker dies; never resolves. */
  readonly died: Promise<never>;
  onMessage?: (message: WorkerMessage) => void;
}

export class BuildClient {
  private live: LiveWorker | null = null;
  private nextId = 1;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly createWorker: () => Worker = defaultWorker) {}

  /** Starts loading the worker and the toolchain now, so the first build does not wait for them. */
  warmUp(): void {
    this.live ??= this.spawn();
  }

  /** Builds `request`'s files; resolves with the result (compile errors included), rejects with BuildWorkerCrash. */
  build(request: Omit<BuildRequest, 'id'>, onStep?: (step: PipelineStep) => void): Promise<PipelineResult> {
    const run = this.queue.then(() => this.run(request, onStep));
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Stops the worker; a later build starts a new one. */
  dispose(): void {
    if (this.live) this.discard(this.live);
  }

  private async run(request: Omit<BuildRequest, 'id'>, onStep?: (step: PipelineStep) => void): Promise<PipelineResult> {
    const live = (this.live ??= this.spawn());
    const id = this.nextId++;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new BuildWorkerCrash(`the build worker did not answer within ${BUILD_TIMEOUT_MS / 1000} s`)), BUILD_TIMEOUT_MS);
    });
    const answer = new Promise<PipelineResult>((resolve, reject) => {
      live.onMessage = (message) => {
        if (message.kind === 'ready' || message.id !== id) return;
        if (message.kind === 'step') onStep?.(message.step);
        else if (message.kind === 'done') resolve(fromPosted(message.result));
        else reject(new BuildWorkerCrash(`the toolchain failed: ${message.error}`));
      };
    });
    try {
      await Promise.race([live.ready, live.died, timeout]);
      live.worker.postMessage({ ...request, id } satisfies BuildRequest);
      return await Promise.race([answer, live.died, timeout]);
    } catch (error) {
      // Whatever went wrong, the worker's state is suspect: the next build gets a new one.
      this.discard(live);
      throw error;
    } finally {
      clearTimeout(timer);
      live.onMessage = undefined;
    }
  }

  private spawn(): LiveWorker {
    const worker = this.createWorker();
    let markReady!: () => void;
    let markDead!: (error: BuildWorkerCrash) => void;
    const live: LiveWorker = {
      worker,
      ready: new Promise<void>((resolve) => (markReady = resolve)),
      died: new Promise<never>((_, reject) => (markDead = reject)),
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
