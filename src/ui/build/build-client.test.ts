// BuildClient against a scripted stand-in for the worker: it waits for 'ready', relays steps and the result, and
// turns a dying worker or a throwing toolchain into BuildWorkerCrash — after which the next build gets a new worker.
import { describe, expect, it } from 'vitest';
import { BuildClient, BuildWorkerCrash } from './build-client.js';
import type { PipelineResult } from './kernel-pipeline.js';
import { toPosted, type PageMessage, type WorkerMessage } from './protocol.js';

/** The parts of a Worker the client uses; `reply` plays the worker's side. */
class ScriptedWorker {
  onmessage: ((event: MessageEvent<WorkerMessage>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  onmessageerror: (() => void) | null = null;
  readonly received: PageMessage[] = [];
  terminated = false;

  postMessage(request: PageMessage): void {
    this.received.push(request);
  }

  terminate(): void {
    this.terminated = true;
  }

  reply(message: WorkerMessage): void {
    this.onmessage?.({ data: message } as MessageEvent<WorkerMessage>);
  }

  /** Answers the first request it received with `result`, as the worker posts it. */
  finishFirst(result: PipelineResult): void {
    this.reply({ kind: 'done', id: this.received[0].id, result: toPosted(result).posted });
  }

  crash(message: string): void {
    this.onerror?.({ message, preventDefault: () => undefined } as ErrorEvent);
  }
}

const FILES = new Map([['main.ts', 'export function _start(): void {}']]);
const RESULT: PipelineResult = { diagnostics: [], stepMs: { check: 1 } };
/** A result with an image and debug information, whose line table travels as an Int32Array. */
const IMAGE_RESULT: PipelineResult = {
  ...RESULT,
  elf: new Uint8Array([0x7f, 0x45, 0x4c, 0x46]),
  debug: {
    version: 1,
    entry: 0x100000,
    textStart: 0x100000,
    textEnd: 0x100010,
    dataStart: 0x401000,
    files: ['main.ts'],
    functions: [{ index: 0, name: '_start', start: 0x100000, end: 0x100010, file: 0, line: 1 }],
    lines: [0x100000, 10, 0, 1, 0x100008, 12, -1, 0],
    globals: [],
    tables: [],
    memory: { base: 0, initialPages: 1, maxPages: 512, sizeVariable: 0x101000 },
    data: [],
    runtime: {},
  },
};

function clientWithWorkers() {
  const workers: ScriptedWorker[] = [];
  const client = new BuildClient(() => {
    const worker = new ScriptedWorker();
    workers.push(worker);
    return worker as unknown as Worker;
  });
  return { client, workers };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

/** Lets the client create worker `k`, which then says it is ready, and lets the client send what it waits to send. */
async function readyWorker(workers: readonly ScriptedWorker[], k: number): Promise<void> {
  await settle();
  workers[k].reply({ kind: 'ready' });
  await settle();
}

describe('BuildClient', () => {
  it('sends the request once the worker is ready and relays its steps and result, line table restored', async () => {
    const { client, workers } = clientWithWorkers();
    const steps: string[] = [];
    const build = client.build({ files: FILES, optimize: 0 }, (step) => steps.push(step));
    await settle();
    expect(workers[0].received).toEqual([]);
    workers[0].reply({ kind: 'ready' });
    await settle();
    const [request] = workers[0].received;
    expect(request).toMatchObject({ files: FILES, optimize: 0 });
    workers[0].reply({ kind: 'step', id: request.id, step: 'compile' });
    const { posted, transfer } = toPosted(structuredClone(IMAGE_RESULT));
    expect(posted.debug!.lines).toBeInstanceOf(Int32Array);
    expect(transfer).toEqual([posted.elf!.buffer, posted.debug!.lines.buffer]);
    workers[0].reply({ kind: 'done', id: request.id, result: posted });
    const result = await build;
    expect(result).toEqual(IMAGE_RESULT);
    expect(Array.isArray(result.debug!.lines)).toBe(true);
    expect(steps).toEqual(['compile']);
    expect(workers[0].terminated).toBe(false);
  });

  it('reports a worker that dies and starts a fresh one for the next build', async () => {
    const { client, workers } = clientWithWorkers();
    const first = client.build({ files: FILES, optimize: 0 });
    await settle();
    workers[0].crash('out of memory');
    await expect(first).rejects.toThrow(BuildWorkerCrash);
    await expect(first).rejects.toThrow(/the build worker crashed: out of memory/);
    expect(workers[0].terminated).toBe(true);

    const second = client.build({ files: FILES, optimize: 3 });
    await settle();
    expect(workers).toHaveLength(2);
    workers[1].reply({ kind: 'ready' });
    await settle();
    workers[1].finishFirst(RESULT);
    await expect(second).resolves.toEqual(RESULT);
  });

  it('treats a toolchain that throws as a crash, and drops that worker', async () => {
    const { client, workers } = clientWithWorkers();
    const build = client.build({ files: FILES, optimize: 0 });
    await readyWorker(workers, 0);
    workers[0].reply({ kind: 'failed', id: workers[0].received[0].id, error: 'RuntimeError: unreachable' });
    await expect(build).rejects.toThrow(/the toolchain failed: RuntimeError: unreachable/);
    expect(workers[0].terminated).toBe(true);
  });

  it('cancels a running background build for a build someone waits for, and keeps a worker that has built before', async () => {
    const { client, workers } = clientWithWorkers();
    const earlier = client.buildInBackground({ files: FILES, optimize: 0 });
    await readyWorker(workers, 0);
    workers[0].finishFirst(RESULT);
    await earlier;
    const background = client.buildInBackground({ files: FILES, optimize: 0 });
    await settle();
    const backgroundRequest = workers[0].received[1];
    expect(backgroundRequest).toMatchObject({ kind: 'build', background: true });
    workers[0].reply({ kind: 'step', id: backgroundRequest.id, step: 'compile' });

    const build = client.build({ files: FILES, optimize: 0 });
    await settle();
    expect(workers[0].received.at(-1)).toEqual({ kind: 'cancel', id: backgroundRequest.id });
    workers[0].reply({ kind: 'cancelled', id: backgroundRequest.id });
    await expect(background).resolves.toBeNull();
    await settle();
    const buildRequest = workers[0].received.at(-1)!;
    expect(buildRequest).toMatchObject({ kind: 'build', background: false });
    workers[0].reply({ kind: 'done', id: buildRequest.id, result: toPosted(RESULT).posted });
    await expect(build).resolves.toEqual(RESULT);
    expect(workers).toHaveLength(1);
    expect(workers[0].terminated).toBe(false);
  });

  it('replaces a fresh worker whose first build, a background one, is compiling', async () => {
    const { client, workers } = clientWithWorkers();
    const background = client.buildInBackground({ files: FILES, optimize: 0 });
    await readyWorker(workers, 0);
    workers[0].reply({ kind: 'step', id: workers[0].received[0].id, step: 'compile' });
    const build = client.build({ files: FILES, optimize: 0 });
    await expect(background).resolves.toBeNull();
    expect(workers[0].terminated).toBe(true);
    await settle();
    expect(workers).toHaveLength(2);
    workers[1].reply({ kind: 'ready' });
    await settle();
    expect(workers[1].received).toEqual([expect.objectContaining({ kind: 'build', background: false })]);
    workers[1].finishFirst(RESULT);
    await expect(build).resolves.toEqual(RESULT);
  });

  it("lets a fresh worker's first build, a background one, that is translating stop at its next step", async () => {
    const { client, workers } = clientWithWorkers();
    const background = client.buildInBackground({ files: FILES, optimize: 0 });
    await readyWorker(workers, 0);
    const request = workers[0].received[0];
    workers[0].reply({ kind: 'step', id: request.id, step: 'translate' });
    void client.build({ files: FILES, optimize: 0 });
    await settle();
    expect(workers[0].terminated).toBe(false);
    expect(workers[0].received.at(-1)).toEqual({ kind: 'cancel', id: request.id });
    workers[0].reply({ kind: 'cancelled', id: request.id });
    await expect(background).resolves.toBeNull();
  });

  it('drops a background build not yet sent when a build someone waits for comes', async () => {
    const { client, workers } = clientWithWorkers();
    const background = client.buildInBackground({ files: FILES, optimize: 0 });
    const build = client.build({ files: FILES, optimize: 3 });
    await settle();
    workers[0].reply({ kind: 'ready' });
    await expect(background).resolves.toBeNull();
    await settle();
    expect(workers[0].received).toEqual([expect.objectContaining({ kind: 'build', optimize: 3, background: false })]);
    workers[0].finishFirst(RESULT);
    await expect(build).resolves.toEqual(RESULT);
  });

  it('resolves a background build that finished with its diagnostics, and one whose worker died with null', async () => {
    const { client, workers } = clientWithWorkers();
    const finished = client.buildInBackground({ files: FILES, optimize: 0 });
    await readyWorker(workers, 0);
    workers[0].finishFirst(RESULT);
    await expect(finished).resolves.toEqual(RESULT);

    const died = client.buildInBackground({ files: FILES, optimize: 0 });
    await settle();
    workers[0].crash('out of memory');
    await expect(died).resolves.toBeNull();
    expect(workers[0].terminated).toBe(true);
  });
});
