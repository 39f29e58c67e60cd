/**
 * @fileoverview The playground's build worker: runs the kernel build
 * (`kernel-pipeline.ts`: unsafe check, asc, translator) off the page's main
 * thread, so the emulator and the editor keep running while it compiles.
 *
 * Pipeline place: started by `build-client.ts` after the first boot or on the
 * first build (binaryen alone is ~13 MB, so the page never loads it before
 * the prebuilt image runs); one build at a time, answered with step messages
 * and then the result, whose image and line table are transferred, not
 * copied (protocol.ts). The parses of the last build are kept, so the next
 * one parses only what changed. A background build (warming the worker up)
 * yields to the event loop between steps, so that a 'cancel' for it gets in
 * and it can make way for the user's build.
 */
import { buildKernelImage, newBuildCaches, type PipelineResult } from './kernel-pipeline.js';
import { toPosted, type BuildRequest, type PageMessage, type WorkerMessage } from './protocol.js';

/** Kept for the worker's lifetime: a rebuild parses only the files that changed. */
const caches = newBuildCaches();

/** The background build that runs now, and whether the page has cancelled it. */
let background: { readonly id: number; cancelled: boolean } | null = null;

class Cancelled extends Error {}

function post(message: WorkerMessage, transfer: Transferable[] = []): void {
  self.postMessage(message, { transfer });
}

self.onmessage = (event: MessageEvent<PageMessage>) => {
  const message = event.data;
  if (message.kind === 'build') void build(message);
  else if (background?.id === message.id) background.cancelled = true;
};

async function build({ id, files, optimize, background: inBackground }: BuildRequest): Promise<void> {
  const running = inBackground ? { id, cancelled: false } : null;
  background = running;
  try {
    const result = await buildKernelImage(files, {
      optimize,
      caches,
      onStep: (step) => post({ kind: 'step', id, step }),
      beforeStep: running ? () => giveWay(running) : undefined,
    });
    const { posted, transfer } = toPosted(running ? withoutImage(result) : result);
    post({ kind: 'done', id, result: posted }, transfer);
  } catch (error) {
    if (error instanceof Cancelled) post({ kind: 'cancelled', id });
    else post({ kind: 'failed', id, error: error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error) });
  } finally {
    if (background === running) background = null;
  }
}

/** Lets waiting messages in (a task of its own, not a microtask), then stops the build if one cancelled it. */
async function giveWay(running: { readonly cancelled: boolean }): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 0));
  if (running.cancelled) throw new Cancelled();
}

/** A background build's result as the page needs it: nobody boots it, so the image is not posted. */
function withoutImage({ diagnostics, stepMs }: PipelineResult): PipelineResult {
  return { diagnostics, stepMs };
}

post({ kind: 'ready' });
