// `playground.panel(id)`: one frozen JSON copy per unchanged panel data object, a new one when the data changes —
// with a counted stub host for the cache, and against the real eduOS-ts image in live v86 for which panels stay unchanged.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Machine } from '../machine/machine.js';
import { panelAutomation, panelAutomationOf } from './automation-panels.js';
import type { AnyPanel, SnapshotSource } from './panel.js';

/** A host with one panel, 'pages', whose data object the test replaces. */
function stubHost(initial: unknown) {
  const host = {
    data: initial,
    reads: 0,
    panels: [{ id: 'pages' } as AnyPanel],
    readFresh: async (_id: string) => (host.reads++, host.data === null ? null : { data: host.data, source: {} as SnapshotSource, readStarted: 0 }),
  };
  return host;
}

describe('panel(id) with a stub host', () => {
  afterEach(() => vi.restoreAllMocks());

  it('hands out the very same copy, serialized once, while the panel returns the same data object', async () => {
    const host = stubHost({ rows: [{ address: 0x1000 }] });
    const stringify = vi.spyOn(JSON, 'stringify');
    const automation = panelAutomationOf(host);
    const first = await automation.panel('pages');
    expect(await automation.panel('pages')).toBe(first);
    expect(await automation.panel('pages')).toBe(first);
    expect(host.reads).toBe(3);
    expect(stringify).toHaveBeenCalledTimes(1);
    expect(first).toEqual({ rows: [{ address: 0x1000 }] });
  });

  it('makes a new copy with the new values when the panel returns a new data object', async () => {
    const host = stubHost({ rows: [{ address: 0x1000 }] });
    const automation = panelAutomationOf(host);
    const first = await automation.panel('pages');
    host.data = { rows: [{ address: 0x2000 }] };
    const second = await automation.panel('pages');
    expect(second).not.toBe(first);
    expect(second).toEqual({ rows: [{ address: 0x2000 }] });
    expect(first).toEqual({ rows: [{ address: 0x1000 }] });
  });

  it('freezes the copy, nested objects and arrays too, so a caller cannot change what the next caller gets', async () => {
    const automation = panelAutomationOf(stubHost({ rows: [{ address: 0x1000, flags: ['P', 'RW'] }] }));
    const copy = await automation.panel('pages') as { rows: { address: number; flags: string[] }[] };
    expect(Object.isFrozen(copy)).toBe(true);
    expect(Object.isFrozen(copy.rows)).toBe(true);
    expect(Object.isFrozen(copy.rows[0])).toBe(true);
    expect(Object.isFrozen(copy.rows[0].flags)).toBe(true);
    expect(() => (copy.rows[0].address = 0)).toThrow(TypeError); // test files are modules: strict mode
    expect(await automation.panel('pages')).toEqual({ rows: [{ address: 0x1000, flags: ['P', 'RW'] }] });
  });

  it('returns null, uncached, while no emulator runs', async () => {
    const host = stubHost(null);
    const automation = panelAutomationOf(host);
    expect(await automation.panel('pages')).toBeNull();
    host.data = { rows: [] };
    expect(await automation.panel('pages')).toEqual({ rows: [] });
  });
});

const v86Wasm = WebAssembly.compile(readFileSync(createRequire(import.meta.url).resolve('v86/build/v86.wasm')));
const REAL_IMAGE = 'public/images/eduos.elf';
const SHELL_TIMEOUT_MS = 60_000;
/** A 15 Hz poll's interval. */
const POLL_MS = 70;

describe('panel(id) on a real machine', () => {
  let machine: Machine | undefined;
  afterEach(async () => machine?.destroy());

  it('rejects an unknown id, naming the panels, and returns null before the first boot', async () => {
    machine = new Machine({ v86Wasm: () => v86Wasm });
    const automation = panelAutomation(machine);
    await expect(automation.panel('nope')).rejects.toThrow('no panel "nope"; panels: registers, idt, gdt, pages,');
    expect(await automation.panel('pages')).toBeNull();
  });

  it.skipIf(!existsSync(REAL_IMAGE))('hands out the same pages, gdt, unsafe and bench copies on polls while `spawn busy` runs', async () => {
    machine = new Machine({ v86Wasm: () => v86Wasm });
    const automation = panelAutomation(machine);
    const image = readFileSync(REAL_IMAGE);
    await machine.boot(image.buffer.slice(image.byteOffset, image.byteOffset + image.byteLength));
    await machine.waitForSerial('eduos> ', SHELL_TIMEOUT_MS);
    machine.sendSerial('spawn busy\r');
    await machine.waitForSerial('spawned busy-b', SHELL_TIMEOUT_MS);
    const first = new Map(await Promise.all(automation.panels().map(async (id) => [id, await automation.panel(id)] as const)));
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    expect(machine.status.kind).toBe('running');
    const again = await Promise.all(automation.panels().map((id) => automation.panel(id)));
    const unchanged = automation.panels().filter((id, i) => again[i] === first.get(id));
    // registers, idt (interrupt counts), tasks and events change with every timer tick.
    expect(unchanged).toEqual(['gdt', 'pages', 'unsafe', 'bench']);
  }, 2 * SHELL_TIMEOUT_MS);
});
