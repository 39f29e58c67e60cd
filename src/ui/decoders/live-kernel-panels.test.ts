// The tasks, events and IDT-hits panels against the real eduOS-ts image in live v86 (Node): two busy tasks share the
// CPU, then the machine is paused and each panel's data is checked against what the kernel must be doing.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Machine } from '../machine/machine.js';
import { eventsPanel, type EventsPanelData } from '../panels/events-panel.js';
import { idtPanel } from '../panels/idt-panel.js';
import type { SnapshotSource } from '../panels/panel.js';
import { tasksPanel, type TasksPanelData } from '../panels/tasks-panel.js';
import { DebugSymbols, type DebugInfo } from './debug-symbols.js';

const v86Wasm = WebAssembly.compile(readFileSync(createRequire(import.meta.url).resolve('v86/build/v86.wasm')));
const REAL_IMAGE = 'public/images/eduos.elf';
const REAL_DEBUG = 'public/images/eduos.debug.json';
const SHELL_TIMEOUT_MS = 60_000;

describe.skipIf(!existsSync(REAL_IMAGE) || !existsSync(REAL_DEBUG))('tasks, events and IDT hits on the real eduOS-ts image (live v86)', () => {
  let machine: Machine;
  let source: SnapshotSource;

  beforeAll(async () => {
    machine = new Machine({ v86Wasm: () => v86Wasm });
    const image = readFileSync(REAL_IMAGE);
    await machine.boot(image.buffer.slice(image.byteOffset, image.byteOffset + image.byteLength));
    await machine.waitForSerial('eduos> ', SHELL_TIMEOUT_MS);
    machine.sendSerial('spawn busy\r');
    await machine.waitForSerial('spawned busy-b', SHELL_TIMEOUT_MS);
    // Until the two busy tasks have switched to each other a few times.
    const deadline = Date.now() + SHELL_TIMEOUT_MS;
    while (Date.now() < deadline && !/switch \d+ busy-a → \d+ busy-b/.test(JSON.stringify(eventsPanel.read(current(), null)))) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await machine.stop();
    source = current();
  }, 2 * SHELL_TIMEOUT_MS);

  afterAll(async () => {
    await machine?.destroy();
  });

  function current(): SnapshotSource {
    const hardware = machine.hardware();
    if (!hardware) throw new Error('the machine is not running');
    const debugInfo = JSON.parse(readFileSync(REAL_DEBUG, 'utf8')) as DebugInfo;
    return { hardware, debugInfo, symbols: new DebugSymbols(debugInfo) };
  }

  it('lists the tasks with their priorities; the waiting busy task was preempted inside `busy`', () => {
    const data = tasksPanel.read(source, null) as Extract<TasksPanelData, { available: true }>;
    expect(data.available).toBe(true);
    const byName = new Map(data.tasks.map((task) => [task.name, task]));
    expect([...byName.keys()]).toEqual(expect.arrayContaining(['idle', 'shell', 'busy-a', 'busy-b']));
    expect(byName.get('idle')).toMatchObject({ priority: 0, priorityName: 'idle' });
    expect(byName.get('shell')).toMatchObject({ priority: 3, state: 'blocked' });
    // The shell waits for a line of input: the unwinder finds the shell's (or the console's) code that blocked.
    expect(byName.get('shell')!.waitingIn).toMatchObject({ kind: 'called from', symbol: { name: expect.stringMatching(/^(shell|console)/) } });
    expect(data.tasks.filter((task) => task.running)).toHaveLength(1);
    const running = data.tasks.find((task) => task.running)!;
    expect(running.eip).toBe(source.hardware.cpu().eip);
    const waiting = ['busy-a', 'busy-b'].map((name) => byName.get(name)!).find((task) => !task.running)!;
    expect(waiting.state).toBe('ready');
    expect(waiting.symbol).toMatch(/^(scheduler\/|arch\/x86\/context-switch)/);
    expect(waiting.waitingIn).toMatchObject({ kind: 'interrupted', symbol: { name: 'shell/demos/busy', file: 'shell/demos.ts' } });
    expect(data.readyQueues[2].taskIds).toContain(waiting.id);
  });

  it('shows timer interrupts and the busy tasks’ switches in the event timeline', () => {
    const data = eventsPanel.read(source, null) as Extract<EventsPanelData, { available: true }>;
    expect(data.available).toBe(true);
    expect(data.rows.some((row) => row.label === 'IRQ 0 PIT timer')).toBe(true);
    expect(data.rows.some((row) => /^switch \d+ busy-a → \d+ busy-b$/.test(row.label))).toBe(true);
    expect(data.cyclesPerMs).toBeGreaterThan(0);
  });

  it('counts the timer’s hits in the IDT panel, consistent with the ring', () => {
    const data = idtPanel.read(source, null);
    const timerEvents = (eventsPanel.read(source, null) as Extract<EventsPanelData, { available: true }>).rows.filter((row) => row.label === 'IRQ 0 PIT timer');
    expect(data.hits![32]).toBeGreaterThanOrEqual(timerEvents.length);
    expect(data.hits![1]).toBe(0); // no debug exceptions
  });
});
