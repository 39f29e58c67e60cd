/**
 * @fileoverview A fixed set of worker threads running v86 jobs, one job per worker at a time, fed
 * from one queue.
 *
 * Pipeline place: used by `run-spec.ts` for the v86 engine; each worker runs `spec-worker.ts`.
 * Workers load TypeScript through tsx's register API: a worker started with `execArgv: ['--import',
 * 'tsx']` does not get the loader for its entry file on Node 20, so a small eval'd bootstrap registers
 * tsx and then imports the entry. A worker that dies fails its current job and is replaced.
 */
import { Worker } from 'node:worker_threads';
import type { ModuleJob } from './spec-plan.js';
import type { BootResult } from './spec-verdict.js';
import type { WorkerRequest } from './spec-worker.js';

interface Task { job: ModuleJob; resolve: (result: BootResult) => void }

interface Slot { worker: Worker; task?: Task; id: number }

const workerEntry = new URL('./spec-worker.ts', import.meta.url).href;
const tsxApi = import.meta.resolve('tsx/esm/api');
const bootstrap = `import(${JSON.stringify(tsxApi)}).then(({ register }) => { register(); return import(${JSON.stringify(workerEntry)}); });`;

export class WorkerPool {
  private readonly queue: Task[] = [];
  private readonly slots: Slot[] = [];
  private nextId = 0;
  private closing = false;

  constructor(size: number, private readonly timeoutMs: number) {
    for (let i = 0; i < size; i++) this.slots.push(this.startSlot());
  }

  run(job: ModuleJob): Promise<BootResult> {
    return new Promise((resolve) => {
      this.queue.push({ job, resolve });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.slots.map((slot) => slot.worker.terminate()));
  }

  private startSlot(): Slot {
    const slot: Slot = { worker: new Worker(bootstrap, { eval: true }), id: -1 };
    slot.worker.on('message', ({ id, result }: { id: number; result: BootResult }) => {
      if (id === slot.id) this.finish(slot, result);
    });
    slot.worker.on('error', (error: Error) => this.replace(slot, `worker crashed: ${error.message}`));
    slot.worker.on('exit', (code) => this.replace(slot, `worker exited with code ${code}`));
    return slot;
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (slot.task || this.queue.length === 0) continue;
      slot.task = this.queue.shift();
      slot.id = this.nextId++;
      const request: WorkerRequest = { id: slot.id, job: slot.task!.job, timeoutMs: this.timeoutMs };
      slot.worker.postMessage(request);
    }
  }

  private finish(slot: Slot, result: BootResult): void {
    const task = slot.task;
    slot.task = undefined;
    task?.resolve(result);
    this.dispatch();
  }

  /** Called on a worker's error and again on its exit; only the first call replaces it. */
  private replace(slot: Slot, reason: string): void {
    const index = this.slots.indexOf(slot);
    if (this.closing || index < 0) return;
    const task = slot.task;
    this.slots[index] = this.startSlot();
    task?.resolve({ serial: '', exitCode: null, timedOut: false, wallMs: 0, error: reason });
    this.dispatch();
  }
}
