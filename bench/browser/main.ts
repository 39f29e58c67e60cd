/**
 * @fileoverview The page of `npm run bench:browser`: offers `window.runToolchainBench`, which starts the
 * measuring Web Worker (worker.ts), relays its progress to the console and resolves with its figures. The page
 * itself measures nothing, so the main thread stays idle while the worker runs.
 */
import type { BenchRequest, WorkerMessage } from './protocol.js';
import type { ToolchainFigures } from './toolchain-figures.js';

function runToolchainBench(request: BenchRequest): Promise<ToolchainFigures> {
  const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
  return new Promise<ToolchainFigures>((resolve, reject) => {
    worker.onerror = (event) => reject(new Error(`worker failed: ${event.message || 'it did not load (see the console)'}`));
    worker.onmessage = (event: MessageEvent<WorkerMessage>) => {
      const message = event.data;
      if (message.kind === 'ready') worker.postMessage(request);
      else if (message.kind === 'progress') console.log(`bench: ${message.step}`);
      else if (message.kind === 'done') resolve(message.figures);
      else reject(new Error(message.error));
    };
  }).finally(() => worker.terminate());
}

window.runToolchainBench = runToolchainBench;
document.body.textContent = 'Ready: run `npm run bench:browser` (it calls window.runToolchainBench).';
