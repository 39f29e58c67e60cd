/**
 * @fileoverview The worker's side of the machine: serves a `Machine` to the
 * page over a message channel (`protocol.ts`). It carries out the page's
 * requests, answers snapshot requests with the registers and the pages of
 * RAM asked for (`hardware-mirror.ts`), and sends the machine's news as it
 * happens: a boot starting, COM1 output (the bytes of one slice of emulation
 * in one message), status changes, the text screen's changed rows.
 *
 * Pipeline place: the machine worker's entry point calls `hostMachine` with
 * its global scope; tests call it with one end of a MessageChannel, and
 * `RemoteMachine` (`remote-machine.ts`) holds the other end.
 */
import { Machine, type MachineOptions } from '../machine.js';
import { snapshotOf } from './hardware-mirror.js';
import type { MachineMessage, MachineRequest, MessageEndpoint } from './protocol.js';

/** What the worker's machine is built with: the page's screen is drawn from the updates sent here. */
export type HostedMachineOptions = Omit<MachineOptions, 'screenContainer' | 'onScreenUpdate'>;

/**
 * Builds a machine with `options` and serves it on `endpoint` until a `destroy` request; returns the machine and
 * the function that stops serving.
 */
export function hostMachine(endpoint: MessageEndpoint, options: HostedMachineOptions): { machine: Machine; stop: () => void } {
  const send = (message: MachineMessage, transfer: Transferable[] = []) => endpoint.postMessage(message, transfer);
  const serial = new SerialBatch((bytes) => send({ kind: 'serial', bytes }, [bytes.buffer]));
  const machine = new Machine({
    ...options,
    onScreenUpdate: (update) => {
      serial.flush();
      send({ kind: 'screen', update }, update.changedRows.flatMap((row) => [row.chars.buffer, row.fg.buffer, row.bg.buffer]));
    },
  });
  const unsubscribe = [
    machine.onBoot(() => {
      serial.flush();
      send({ kind: 'boot' });
    }),
    machine.onSerialByte((byte) => serial.add(byte)),
    machine.onStatusChange((status) => {
      serial.flush();
      send({ kind: 'status', status });
    }),
  ];
  const stop = () => {
    endpoint.removeEventListener('message', receive);
    unsubscribe.forEach((off) => off());
  };
  const receive = (event: MessageEvent<MachineRequest>) => {
    const request = event.data;
    if (!('id' in request)) return perform(machine, request);
    void answer(machine, request, serial).then(
      (snapshot) => {
        const transfer = snapshot ? [...snapshot.pages.values()].map((page) => page.buffer) : [];
        send({ kind: 'done', id: request.id, snapshot }, transfer);
        if (request.kind === 'destroy') stop();
      },
      (error: unknown) => send({ kind: 'done', id: request.id, error: error instanceof Error ? error.message : String(error) }),
    );
  };
  endpoint.addEventListener('message', receive);
  return { machine, stop };
}

type Command = Exclude<MachineRequest, { id: number }>;
type Call = Extract<MachineRequest, { id: number }>;

function perform(machine: Machine, request: Command): void {
  switch (request.kind) {
    case 'prepareBoot':
      return machine.prepareBoot();
    case 'sendSerial':
      return machine.sendSerial(request.text);
    case 'pressKeys':
      return machine.pressKeys(request.scancodes);
    case 'setCommandLine':
      return machine.setCommandLine(request.text);
  }
}

/** Carries out a request the page waits for; a snapshot request's answer is its snapshot. */
async function answer(machine: Machine, request: Call, serial: SerialBatch): Promise<ReturnType<typeof snapshotOf> | null | undefined> {
  switch (request.kind) {
    case 'snapshot': {
      // The bytes before the snapshot reach the page first: what the panels read matches COM1's log.
      serial.flush();
      const hardware = machine.hardware();
      return hardware ? snapshotOf(hardware, request.pages) : null;
    }
    case 'boot':
      return machine.boot(request.image).then(() => undefined);
    case 'bootFromUrl':
      return machine.bootFromUrl(request.url).then(() => undefined);
    case 'stop':
      return machine.stop().then(() => undefined);
    case 'resume':
      return machine.resume().then(() => undefined);
    case 'reset':
      return machine.reset().then(() => undefined);
    case 'destroy':
      return machine.destroy().then(() => undefined);
  }
}

/**
 * COM1 bytes gathered until the current task ends (a slice of emulation writes a line or a screenful at once), then
 * sent as one message; `flush` sends them at once, before news that must come after them.
 */
class SerialBatch {
  private bytes: number[] = [];

  constructor(private readonly send: (bytes: Uint8Array) => void) {}

  add(byte: number): void {
    if (this.bytes.length === 0) queueMicrotask(() => this.flush());
    this.bytes.push(byte);
  }

  flush(): void {
    if (this.bytes.length === 0) return;
    const bytes = Uint8Array.from(this.bytes);
    this.bytes = [];
    this.send(bytes);
  }
}
