/**
 * @fileoverview The playground's build worker: runs the kernel build
 * (`kernel-pipeline.ts`: unsafe check, asc, translator) off the page's main
 * thread, so the emulator and the editor keep running while it compiles.
 *
 * Pipeline place: started by `build-client.ts` on the first build (binaryen
 * alone is ~13 MB, so the page never loads it before the user asks); one
 * build at a time, answered with step messages and then the result, whose
 * image and line table are transferred, not copied (protocol.ts). The parses
 * of the last build are kept, so the next one parses only what changed.
 */
import { buildKernelImage, newBuildCaches } from './kernel-pipeline.js';
import { toPosted, type BuildRequest, type WorkerMessage } from './protocol.js';

/** Kept for the worker's lifetime: a rebuild parses only the files that changed. */
const caches = newBuildCaches();

function post(message: WorkerMessage, transfer: Transferable[] = []): void {
  self.postMessage(message, { transfer });
}

self.onmessage = async (event: MessageEvent<BuildRequest>) => {
  const { id, files, optimize } = event.data;
  try {
    const result = await buildKernelImage(files, { optimize, caches, onStep: (step) => post({ kind: 'step', id, step }) });
    const { posted, transfer } = toPosted(result);
    post({ kind: 'done', id, result: posted }, transfer);
  } catch (error) {
    post({ kind: 'failed', id, error: error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error) });
  }
};

post({ kind: 'ready' });
