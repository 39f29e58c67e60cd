// The machine served over a message channel (as from the machine worker), in Node against the real eduOS-ts image:
// COM1 and the status reach the page's side in order, and every panel read through the page's mirror of the
// hardware equals the same read of the machine itself once paused (the mirror fetched the pages the reads wanted).
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DebugSymbols, type DebugInfo } from '../../decoders/debug-symbols.js';
import type { SnapshotSource } from '../../panels/panel.js';
import { PANELS } from '../../panels/registry.js';
import type { Hardware } from '../hardware.js';
import type { MachineStatus } from '../status.js';
import { hostMachine } from './machine-host.js';
import type { MessageEndpoint } from './protocol.js';
import { RemoteMachine } from './remote-machine.js';

const v86Wasm = WebAssembly.compile(readFileSync(createRequire(import.meta.url).resolve('v86/build/v86.wasm')));
const REAL_IMAGE = 'public/images/eduos.elf';
const REAL_DEBUG = 'public/images/eduos.debug.json';
const SHELL_TIMEOUT_MS = 60_000;

describe.skipIf(!existsSync(REAL_IMAGE) || !existsSync(REAL_DEBUG))('a machine served over a message channel (real image, live v86)', () => {
  const channel = new MessageChannel();
  const { machine } = hostMachine(channel.port1 as unknown as MessageEndpoint, { v86Wasm: () => v86Wasm });
  const remote = new RemoteMachine(channel.port2 as unknown as MessageEndpoint);
  const statuses: MachineStatus['kind'][] = [];
  const debugInfo = JSON.parse(readFileSync(REAL_DEBUG, 'utf8')) as DebugInfo;
  const sourceOf = (hardware: Hardware): SnapshotSource => ({ hardware, debugInfo, symbols: new DebugSymbols(debugInfo) });
  const readAll = (hardware: Hardware) => PANELS.map((panel) => [panel.id, panel.read(sourceOf(hardware), null)]);

  beforeAll(async () => {
    remote.onStatusChange((status) => statuses.push(status.kind));
    const image = readFileSync(REAL_IMAGE);
    await remote.boot(image.buffer.slice(image.byteOffset, image.byteOffset + image.byteLength));
    await remote.waitForSerial('eduos> ', SHELL_TIMEOUT_MS);
  }, 2 * SHELL_TIMEOUT_MS);

  afterAll(async () => {
    await remote.destroy();
    channel.port1.close();
  });

  it("keeps COM1's log and the status on the page's side, as the machine has them", async () => {
    expect(remote.serialText()).toContain('Hello from eduOS-ts!');
    expect(statuses).toEqual(['loading', 'running']);
    remote.sendSerial('spawn busy\r');
    await remote.waitForSerial('spawned busy-b', SHELL_TIMEOUT_MS);
    expect(machine.serialText().startsWith(remote.serialText())).toBe(true);
  });

  it("shows the VGA text screen on the page's side as v86 holds it", async () => {
    const dummy = (machine as unknown as { emulator: { v86: { screen_adapter: { get_text_screen(): string[] } } } }).emulator.v86.screen_adapter;
    await expect.poll(() => Array.from({ length: remote.screen.rows }, (_, row) => remote.screen.rowText(row))).toEqual(dummy.get_text_screen());
    const text = Array.from({ length: remote.screen.rows }, (_, row) => remote.screen.rowText(row)).join('\n');
    expect(text).toContain('eduos> spawn busy');
    expect([remote.screen.cols, remote.screen.rows]).toEqual([80, 25]);
    expect(remote.screen.rowRuns(0).map((run) => run.text).join('')).toBe(remote.screen.rowText(0));
  });

  it('reads every panel through the mirror as from the machine itself, once paused', async () => {
    const live = await remote.refreshHardware((hardware) => hardware.cpu().instructionCount);
    expect(live!.result).toBeGreaterThan(0);
    await remote.stop();
    expect(remote.status.kind).toBe('stopped');
    let snapshots = 0;
    const refreshed = await remote.refreshHardware((hardware) => {
      snapshots++;
      return readAll(hardware);
    });
    expect(snapshots, 'more than one snapshot: the first lacked the pages the panels read').toBeGreaterThan(1);
    const direct = readAll(machine.hardware()!);
    refreshed!.result.forEach(([id, data], i) => expect(data, String(id)).toStrictEqual(direct[i][1]));
    // Once the pages are known, one snapshot does.
    snapshots = 0;
    await remote.refreshHardware((hardware) => {
      snapshots++;
      return readAll(hardware);
    });
    expect(snapshots).toBe(1);
    const latest = await remote.refreshHardware(() => null);
    expect(remote.hardware()).toBe(latest!.hardware);
  }, SHELL_TIMEOUT_MS);

  it('empties the log for a new boot and forgets the snapshot while loading', async () => {
    const booting = remote.reset();
    await booting;
    await remote.waitForSerial('eduos> ', SHELL_TIMEOUT_MS);
    expect(remote.serialText()).not.toContain('spawned busy-b');
    expect(statuses.slice(-2)).toEqual(['loading', 'running']);
  }, SHELL_TIMEOUT_MS);
});

describe('a machine worker that fails', () => {
  it('ends the requests still waiting and says so in the status', async () => {
    const channel = new MessageChannel(); // nothing serves the other end: a worker whose script did not load
    const remote = new RemoteMachine(channel.port2 as unknown as MessageEndpoint);
    const statuses: MachineStatus[] = [];
    remote.onStatusChange((status) => statuses.push(status));
    const booting = remote.boot(new ArrayBuffer(8));
    const snapshot = remote.refreshHardware(() => null);
    remote.workerFailed('its script did not load');
    await booting; // like Machine's boot: the status tells, the call does not throw
    await expect(snapshot).rejects.toThrow('the machine worker failed: its script did not load');
    expect(statuses).toEqual([{ kind: 'error', message: 'the machine worker failed: its script did not load' }]);
    expect(remote.hardware()).toBeNull();
    channel.port1.close();
  });
});
