// BuildSession against stand-ins for the machine and the build client: once the prebuilt image has printed it
// builds the project in the background, unseen (no state or image change), WARM_UP_BUILDS times; the user's first build
// stops that, and they wait while the page is hidden. Build & Run boots a good image in the same task as the state says
// the build succeeded.
import { describe, expect, it, vi } from 'vitest';
import type { KernelProject } from '../editor/kernel-project.js';
import type { Machine } from '../machine/machine.js';
import type { MachineStatus } from '../machine/status.js';
import { Listeners } from '../listeners.js';
import type { BuildClient, BuildInput } from './build-client.js';
import { BuildSession, WARM_UP_BUILDS } from './build-session.js';
import type { PipelineResult } from './kernel-pipeline.js';

/** The parts of Machine the session uses; `print` and `run` play the emulator. */
class StandInMachine {
  status: MachineStatus = { kind: 'idle' };
  private text = '';
  readonly booted: ArrayBuffer[] = [];
  /** How often the session asked for the next boot's emulator ahead. */
  prepared = 0;
  private readonly statusListeners = new Listeners<[status: MachineStatus]>();
  private readonly serialListeners = new Listeners<[byte: number]>();

  async bootFromUrl(): Promise<void> {
    this.setStatus({ kind: 'loading', step: 'fetching' });
  }

  prepareBoot(): void {
    this.prepared++;
  }

  async boot(image: ArrayBuffer): Promise<void> {
    this.booted.push(image);
    this.setStatus({ kind: 'loading', step: 'starting v86' });
  }

  print(text: string): void {
    this.text += text;
    this.serialListeners.notify(text.charCodeAt(0));
  }

  setStatus(status: MachineStatus): void {
    this.status = status;
    this.statusListeners.notify(status);
  }

  serialText(): string {
    return this.text;
  }

  onStatusChange(listener: (status: MachineStatus) => void): () => void {
    return this.statusListeners.add(listener);
  }

  onSerialByte(listener: (byte: number) => void): () => void {
    return this.serialListeners.add(listener);
  }
}

/** The parts of BuildClient the session uses; builds wait until `finish` answers them. */
class StandInClient {
  readonly background: { input: BuildInput; answer: (result: PipelineResult | null) => void }[] = [];
  readonly builds: { input: BuildInput; answer: (result: PipelineResult) => void }[] = [];

  buildInBackground(input: BuildInput): Promise<PipelineResult | null> {
    return new Promise((answer) => this.background.push({ input, answer }));
  }

  build(input: BuildInput): Promise<PipelineResult> {
    // As the real client does: a build someone waits for cancels the background build that runs.
    for (const job of this.background.splice(0)) job.answer(null);
    return new Promise((answer) => this.builds.push({ input, answer }));
  }

  warmUp(): void {}
  dispose(): void {}
}

const FILES = new Map([['main.ts', 'export function _start(): void {}']]);
const PROJECT = { snapshot: () => FILES } as unknown as KernelProject;
const DEBUG = { version: 1, functions: [], lines: [] } as unknown as NonNullable<PipelineResult['debug']>;
const GOOD: PipelineResult = { elf: new Uint8Array([0x7f, 0x45, 0x4c, 0x46]), debug: DEBUG, diagnostics: [], stepMs: { compile: 1 } };

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

function sessionWithStandIns() {
  const machine = new StandInMachine();
  const client = new StandInClient();
  const session = new BuildSession(machine as unknown as Machine, async () => PROJECT, client as unknown as BuildClient);
  let changes = 0;
  session.onStateChange(() => changes++);
  session.onImageChange(() => changes++);
  return { machine, client, session, changes: () => changes };
}

/** Boots the prebuilt image and has it print, so the session goes on to its background builds. */
async function bootPrebuilt({ machine, session }: ReturnType<typeof sessionWithStandIns>, warmUp = true): Promise<void> {
  const booted = session.bootPrebuilt('file:///eduos.elf', { warmUp });
  machine.setStatus({ kind: 'running' });
  machine.print('eduOS');
  await booted;
}

describe('BuildSession', () => {
  it('builds the project in the background after the first boot, unseen, WARM_UP_BUILDS times', async () => {
    const standIns = sessionWithStandIns();
    await bootPrebuilt(standIns);
    const changesAfterBoot = standIns.changes();
    for (let i = 0; i < WARM_UP_BUILDS; i++) {
      await settle();
      expect(standIns.client.background).toHaveLength(1);
      expect(standIns.client.background[0].input).toEqual({ files: FILES, optimize: 0 });
      standIns.client.background.pop()!.answer({ diagnostics: [{ file: 'main.ts', line: 1, column: 1, severity: 'error', code: 1, message: 'unseen' }], stepMs: {} });
    }
    await settle();
    expect(standIns.client.background).toHaveLength(0);
    expect(standIns.changes()).toBe(changesAfterBoot);
    expect(standIns.session.state.phase).toBe('idle');
    expect(standIns.session.image.origin).toBe('prebuilt');
  });

  it('builds nothing in the background when the page says no (?warmup=off)', async () => {
    const standIns = sessionWithStandIns();
    await bootPrebuilt(standIns, false);
    await settle();
    expect(standIns.client.background).toHaveLength(0);
  });

  it('holds the background builds back while the page is hidden, and starts them once it shows', async () => {
    const page = Object.assign(new EventTarget(), { visibilityState: 'hidden' });
    vi.stubGlobal('document', page);
    try {
      const standIns = sessionWithStandIns();
      await bootPrebuilt(standIns);
      await settle();
      expect(standIns.client.background).toHaveLength(0);
      page.visibilityState = 'visible';
      page.dispatchEvent(new Event('visibilitychange'));
      await settle();
      expect(standIns.client.background).toHaveLength(1);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it("stops the background builds at the user's first build, and boots its image as the state turns 'succeeded'", async () => {
    const standIns = sessionWithStandIns();
    const { machine, client, session } = standIns;
    await bootPrebuilt(standIns);
    await settle();
    expect(client.background).toHaveLength(1);

    const outcome = session.buildAndRun();
    await settle();
    expect(client.background).toHaveLength(0);
    expect(machine.prepared).toBe(1); // while the build runs
    // What the page renders next (React renders in a microtask after the change) has the boot started already.
    let bootsSeenByTheRender: number | undefined;
    session.onStateChange(() => {
      if (session.state.phase === 'succeeded') queueMicrotask(() => (bootsSeenByTheRender ??= machine.booted.length));
    });
    client.builds[0].answer(GOOD);
    await settle();
    expect(bootsSeenByTheRender).toBe(1);
    expect(machine.booted).toHaveLength(1);
    expect(session.state.steps.map((s) => s.step)).toContain('boot');
    machine.setStatus({ kind: 'running' });
    await expect(outcome).resolves.toMatchObject({ ok: true, reused: false, stepMs: { compile: 1, boot: expect.any(Number) } });
    expect(session.state.steps.at(-1)).toMatchObject({ step: 'boot', ms: expect.any(Number) });
    expect(session.image).toMatchObject({ origin: 'build', debug: DEBUG });

    await settle();
    expect(client.background).toHaveLength(0);
  });
});
