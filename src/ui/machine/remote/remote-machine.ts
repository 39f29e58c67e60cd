/**
 * @fileoverview The page's handle on a `Machine` that runs in a worker
 * (`machine-host.ts` serves it there): the same calls as `Machine` for
 * booting, pausing and COM1, carried over a message channel (`protocol.ts`),
 * with the status and COM1's log kept here from the worker's news, so that
 * `status`, `serialText()` and `waitForSerial()` answer at once.
 *
 * The panels read the hardware synchronously; here they read a
 * `HardwareMirror`, the registers and watched pages of the latest snapshot.
 * `refreshHardware` asks the worker for a new one and runs the caller's reads
 * on it; a read that wanted a page the snapshot lacked asks again with that
 * page (a few round trips the first time a panel is shown, one after).
 *
 * Why a worker: v86 on the page's main thread shares it with the panels'
 * rendering, so every frame a live panel draws is time taken from the
 * emulator; in a worker it runs on a core of its own.
 *
 * Pipeline place: made by the page with the machine worker's `Worker` (or,
 * in tests, a MessagePort).
 */
import { Listeners } from '../../listeners.js';
import type { Hardware } from '../hardware.js';
import { MachineNews } from '../machine-news.js';
import type { PlaygroundMachine } from '../playground-machine.js';
import { HardwareMirror, WatchedPages } from './hardware-mirror.js';
import { TextScreen } from './text-screen.js';
import type { MachineMessage, MachineRequest, MessageEndpoint } from './protocol.js';

/** Snapshots one refresh may ask for while its reads keep finding pages the last one lacked. */
const MAX_SNAPSHOTS_PER_REFRESH = 8;

type Call = Extract<MachineRequest, { id: number }>;
/** A request without its id, as `call` takes it (the union kept member by member). */
type CallWithoutId = Call extends infer Each ? (Each extends Call ? Omit<Each, 'id'> : never) : never;
type Answer = Extract<MachineMessage, { kind: 'done' }>;

export class RemoteMachine extends MachineNews implements PlaygroundMachine {
  private mirror: HardwareMirror | null = null;
  private readonly watched = new WatchedPages();
  private readonly screenListeners = new Listeners<[rows: readonly number[]]>();
  private readonly answers = new Map<number, (answer: Answer) => void>();
  private nextId = 1;
  /** v86 runs in the worker. */
  readonly emulatesHere = false;
  /** The VGA text screen, as the worker last sent it. */
  readonly screen = new TextScreen();

  constructor(private readonly endpoint: MessageEndpoint) {
    super();
    endpoint.addEventListener('message', this.receive);
  }

  /** The registers and watched RAM of the latest snapshot (`refreshHardware`); null before one, and while no emulator runs. */
  hardware(): Hardware | null {
    return this.status.kind === 'loading' ? null : this.mirror;
  }

  /**
   * Takes a new snapshot and runs `read` on it, again on a newer one (up to a few times) while `read` wanted pages
   * the snapshot lacked; resolves with the last snapshot and what `read` returned on it, or null while no
   * emulator runs. The snapshot becomes `hardware()`.
   */
  async refreshHardware<T>(read: (hardware: Hardware) => T): Promise<{ hardware: Hardware; result: T } | null> {
    // Pages read on the last snapshot after its refresh (a view computing on demand: the translate box).
    if (this.mirror) this.watched.add(this.mirror.missingPages());
    for (let round = 1; ; round++) {
      const { snapshot } = await this.call({ kind: 'snapshot', pages: this.watched.list() });
      if (!snapshot) {
        this.mirror = null;
        return null;
      }
      const mirror = new HardwareMirror(snapshot);
      const result = read(mirror);
      this.mirror = mirror;
      if (!this.watched.add(mirror.missingPages()) || round === MAX_SNAPSHOTS_PER_REFRESH) return { hardware: mirror, result };
    }
  }

  /** v86 runs in the worker: this thread emulates nothing. */
  emulatedUntil(): number {
    return 0;
  }

  /** Calls `listener` with the rows of `screen` that changed, on every update; returns the unsubscribe function. */
  onScreenChange(listener: (rows: readonly number[]) => void): () => void {
    return this.screenListeners.add(listener);
  }

  sendSerial(text: string): void {
    this.post({ kind: 'sendSerial', text });
  }

  pressKeys(scancodes: readonly number[]): void {
    this.post({ kind: 'pressKeys', scancodes: [...scancodes] });
  }

  setCommandLine(text: string): void {
    this.post({ kind: 'setCommandLine', text });
  }

  prepareBoot(): void {
    this.post({ kind: 'prepareBoot' });
  }

  /** Boots `image` in the worker (a copy: the caller keeps its buffer). Like `Machine`'s, never throws: the status tells. */
  boot(image: ArrayBuffer): Promise<void> {
    return this.command({ kind: 'boot', image });
  }

  /** `url` is resolved against the page's address, not the worker script's. */
  bootFromUrl(url: string): Promise<void> {
    const base = (globalThis as { location?: { href: string } }).location?.href;
    return this.command({ kind: 'bootFromUrl', url: base ? new URL(url, base).href : url });
  }

  stop(): Promise<void> {
    return this.command({ kind: 'stop' });
  }

  resume(): Promise<void> {
    return this.command({ kind: 'resume' });
  }

  reset(): Promise<void> {
    return this.command({ kind: 'reset' });
  }

  /** Frees the worker's emulators and drops all listeners here; the worker stops serving. */
  async destroy(): Promise<void> {
    this.forgetListeners();
    this.screenListeners.clear();
    await this.call({ kind: 'destroy' });
    this.endpoint.removeEventListener('message', this.receive);
    this.mirror = null;
    this.setStatus({ kind: 'idle' }); // nobody listens any more
  }

  /**
   * The worker is gone (its script failed to load, or it crashed): the status says so, and every request still
   * waiting fails with `message`. The page keeps working; a reload starts a new worker.
   */
  workerFailed(message: string): void {
    const failure: Answer = { kind: 'done', id: 0, error: `the machine worker failed: ${message}` };
    for (const answer of this.answers.values()) answer(failure);
    this.answers.clear();
    this.mirror = null;
    this.setStatus({ kind: 'error', message: failure.error! });
  }

  /** A call whose failure the status already tells (`workerFailed`): it resolves either way. */
  private async command(request: CallWithoutId): Promise<void> {
    await this.call(request).catch(() => undefined);
  }

  private post(request: MachineRequest): void {
    this.endpoint.postMessage(request, []);
  }

  private call(request: CallWithoutId): Promise<Answer> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.answers.set(id, (answer) => (answer.error === undefined ? resolve(answer) : reject(new Error(answer.error))));
      this.post({ ...request, id } as Call);
    });
  }

  private readonly receive = (event: MessageEvent<MachineMessage>) => {
    const message = event.data;
    switch (message.kind) {
      case 'done':
        this.answers.get(message.id)?.(message);
        this.answers.delete(message.id);
        return;
      case 'boot':
        this.clearSerial();
        this.watched.clear();
        this.mirror = null;
        return;
      case 'serial':
        for (const byte of message.bytes) this.receiveSerialByte(byte);
        return;
      case 'status':
        this.setStatus(message.status);
        return;
      case 'screen':
        this.screenListeners.notify(this.screen.applyUpdate(message.update));
        return;
    }
  };
}
