// firstOutput against the real v86 in Node: it waits for a kernel's first COM1 byte, for a silent kernel's halt,
// or for the grace period of a silent kernel that keeps running — and not for less.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterEach, describe, expect, it } from 'vitest';
import { firstOutput } from './first-output.js';
import { Machine } from './machine.js';
import { assembleKernel, ECHO_COM1_FOREVER, printOnCom1 } from './test-kernels.js';

const v86Wasm = WebAssembly.compile(readFileSync(createRequire(import.meta.url).resolve('v86/build/v86.wasm')));
const MEMORY_BYTES = 16 << 20;

function kernel(body: string): ArrayBuffer {
  return assembleKernel(body).slice().buffer;
}

describe('firstOutput (real v86)', () => {
  let machine: Machine;
  afterEach(async () => {
    await machine.destroy();
  });

  it('resolves at the first byte on COM1', async () => {
    machine = new Machine({ v86Wasm: () => v86Wasm, memoryBytes: MEMORY_BYTES });
    const { done } = firstOutput(machine, 60_000);
    await machine.boot(kernel(printOnCom1('hi') + ECHO_COM1_FOREVER));
    await done;
    expect(machine.serialText()).not.toBe('');
    expect(machine.status.kind).toBe('running');
  });

  it('resolves when a silent kernel halts', async () => {
    machine = new Machine({ v86Wasm: () => v86Wasm, memoryBytes: MEMORY_BYTES });
    const { done } = firstOutput(machine, 60_000);
    await machine.boot(kernel('        cli\n        hlt'));
    await done;
    expect(machine.status.kind).toBe('halted');
  });

  it('resolves after the grace period for a kernel that runs silently, not before', async () => {
    machine = new Machine({ v86Wasm: () => v86Wasm, memoryBytes: MEMORY_BYTES });
    const graceMs = 300;
    let settled = false;
    const { done } = firstOutput(machine, graceMs);
    void done.then(() => (settled = true));
    await machine.boot(kernel(ECHO_COM1_FOREVER));
    const started = performance.now();
    await new Promise((resolve) => setTimeout(resolve, graceMs / 3));
    expect(settled).toBe(false);
    await done;
    expect(performance.now() - started).toBeGreaterThanOrEqual(graceMs / 3);
    expect(machine.serialText()).toBe('');
  });

  it('never resolves once cancelled', async () => {
    machine = new Machine({ v86Wasm: () => v86Wasm, memoryBytes: MEMORY_BYTES });
    let settled = false;
    const { done, cancel } = firstOutput(machine, 50);
    void done.then(() => (settled = true));
    cancel();
    await machine.boot(kernel(printOnCom1('hi') + ECHO_COM1_FOREVER));
    await machine.waitForSerial('hi');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(settled).toBe(false);
  });
});
