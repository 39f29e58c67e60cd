/**
 * @fileoverview Worker-thread entry of the v86 engine: runs each job it receives and posts back the
 * boot result.
 *
 * Pipeline place: started by `worker-pool.ts`, one per core, so several guests boot at once.
 * The engine is imported lazily so that a module that fails to load (say the emulator wrapper is
 * missing) fails each job with the reason instead of killing the worker.
 */
import { parentPort } from 'node:worker_threads';
import type { ModuleJob } from './spec-plan.js';
import type { BootResult } from './spec-verdict.js';

export interface WorkerRequest { id: number; job: ModuleJob; timeoutMs: number }

const port = parentPort;
if (!port) throw new Error('spec-worker.ts must run in a worker thread');
const engine = import('./v86-engine.js');
engine.catch(() => {}); // a load failure is reported by runJob, once per job

port.on('message', async ({ id, job, timeoutMs }: WorkerRequest) => {
  port.postMessage({ id, result: await runJob(job, timeoutMs) });
});

async function runJob(job: ModuleJob, timeoutMs: number): Promise<BootResult> {
  try {
    return await (await engine).runInV86(job, timeoutMs);
  } catch (error) {
    return { serial: '', exitCode: null, timedOut: false, wallMs: 0, error: `engine: ${(error as Error).message}` };
  }
}
