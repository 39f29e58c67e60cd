// Machine against the real v86 in Node: COM1 in both directions, the exit port, HLT, crashes, resets, stop,
// resume, reboot, the Multiboot command line, emulators built ahead of their boot and when it last emulated.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterEach, describe, expect, it } from 'vitest';
import { Machine } from './machine.js';
import type { MachineStatus } from './status.js';
import { assembleKernel, ECHO_COM1_FOREVER, exitWith, printOnCom1 } from './test-kernels.js';

const v86WasmPath = createRequire(import.meta.url).resolve('v86/build/v86.wasm');
const v86Wasm = WebAssembly.compile(readFileSync(v86WasmPath));
const MEMORY_BYTES = 16 << 20;
/** Where test-kernels.ts's body starts: the kernel loads at 1 MiB, after the 12-byte Multiboot header and `mov $0x3F8, %dx`. */
const BODY_ADDRESS = 0x100000 + 12 + 4;
/** Bytes of code `printOnCom1` emits per character (`mov $c, %al`; `outb %al, %dx`). */
const PRINT_BYTES_PER_CHARACTER = 3;

/** Prints the Multiboot command line: EBX = Multiboot information, whose `cmdline` field (offset 16) points at a NUL-terminated string. */
const ECHO_COMMAND_LINE = `
        mov 16(%ebx), %esi
1:      lodsb
        test %al, %al
        jz 2f
        outb %al, %dx
        jmp 1b
2:`;

function kernel(body: string): ArrayBuffer {
  return assembleKernel(body).slice().buffer;
}

function untilStatus(machine: Machine, kind: MachineStatus['kind'], timeoutMs = 10_000): Promise<MachineStatus> {
  if (machine.status.kind === kind) return Promise.resolve(machine.status);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`status stayed ${machine.status.kind}, wanted ${kind}`)), timeoutMs);
    const unsubscribe = machine.onStatusChange((status) => {
      if (status.kind !== kind) return;
      clearTimeout(timer);
      unsubscribe();
      resolve(status);
    });
  });
}

describe('Machine (real v86, no BIOS)', () => {
  let machine: Machine;
  afterEach(async () => {
    await machine.destroy();
  });

  it('streams COM1 and reports the code written to the exit port', async () => {
    machine = new Machine({ v86Wasm: () => v86Wasm, memoryBytes: MEMORY_BYTES });
    const bytes: number[] = [];
    machine.onSerialByte((byte) => bytes.push(byte));
    await machine.boot(kernel(printOnCom1('eduOS-ts\n') + exitWith(7)));
    expect(await untilStatus(machine, 'halted')).toEqual({ kind: 'halted', exitCode: 7 });
    expect(machine.serialText()).toBe('eduOS-ts\n');
    expect(String.fromCharCode(...bytes)).toBe('eduOS-ts\n');
  });

  it('reports HLT with interrupts disabled as halted without an exit code', async () => {
    machine = new Machine({ v86Wasm: () => v86Wasm, memoryBytes: MEMORY_BYTES });
    await machine.boot(kernel(`${printOnCom1('bye')}        cli\n        hlt`));
    expect(await untilStatus(machine, 'halted')).toEqual({ kind: 'halted', exitCode: null });
    expect(machine.serialText()).toBe('bye');
  });

  it('sends text to COM1, stops, and reboots with a fresh serial log', async () => {
    machine = new Machine({ v86Wasm: () => v86Wasm, memoryBytes: MEMORY_BYTES });
    await machine.boot(kernel(printOnCom1('ready>') + ECHO_COM1_FOREVER));
    await machine.waitForSerial('ready>');
    expect(machine.status.kind).toBe('running');
    machine.sendSerial('ping → é');
    await machine.waitForSerial('ready>ping → é');

    await machine.reset();
    await machine.waitForSerial('ready>');
    expect(machine.serialText()).toBe('ready>');

    await machine.stop();
    expect(machine.status.kind).toBe('stopped');
  });

  it('reports a fault v86 cannot deliver as an error, and can still be destroyed', async () => {
    machine = new Machine({ v86Wasm: () => v86Wasm, memoryBytes: MEMORY_BYTES });
    await machine.boot(kernel(`${printOnCom1('about to fault\n')}        ud2`)); // no IDT: #UD cannot be delivered
    const status = await untilStatus(machine, 'error');
    const ud2Address = BODY_ADDRESS + PRINT_BYTES_PER_CHARACTER * 'about to fault\n'.length;
    expect(status).toEqual({
      kind: 'error',
      message: expect.stringMatching(/^v86 stopped: .*Unimplemented: #GP handler/),
      eip: ud2Address,
    });
    expect(machine.serialText()).toBe('about to fault\n');
  });

  it('stops a kernel that resets the machine, with an error that says where it was', async () => {
    machine = new Machine({ v86Wasm: () => v86Wasm, memoryBytes: MEMORY_BYTES });
    // 0xFE to the keyboard controller's command port pulses the CPU's reset line.
    // The CPU runs on until the emulator stops: the HLT after the reset must not hide the error.
    await machine.boot(kernel(`${printOnCom1('resetting\n')}        mov $0xFE, %al\n        outb %al, $0x64\n        cli\n        hlt`));
    const status = await untilStatus(machine, 'error');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(machine.status).toBe(status);
    expect(status).toMatchObject({ kind: 'error', message: expect.stringMatching(/reset the machine/) });
    // The OUT instruction itself, after the prints and `mov $0xFE, %al` (2 bytes).
    const outAddress = BODY_ADDRESS + PRINT_BYTES_PER_CHARACTER * 'resetting\n'.length + 2;
    expect(status.kind === 'error' && status.eip).toBe(outAddress);
    expect(machine.serialText()).toBe('resetting\n');
  });

  it('pauses and resumes the CPU', async () => {
    machine = new Machine({ v86Wasm: () => v86Wasm, memoryBytes: MEMORY_BYTES });
    await machine.boot(kernel(printOnCom1('ready>') + ECHO_COM1_FOREVER));
    await machine.waitForSerial('ready>');
    await machine.stop();
    await untilStatus(machine, 'stopped');
    await machine.resume();
    await untilStatus(machine, 'running');
    machine.sendSerial('still here');
    await machine.waitForSerial('ready>still here');
  });

  it('says when it last emulated: a moment ago while the guest runs, and no later once stopped', async () => {
    machine = new Machine({ v86Wasm: () => v86Wasm, memoryBytes: MEMORY_BYTES });
    expect(machine.emulatedUntil()).toBe(0);
    await machine.boot(kernel(printOnCom1('spin') + '1: jmp 1b'));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(performance.now() - machine.emulatedUntil()).toBeLessThan(50); // a spinning guest: slices back to back
    await machine.stop();
    await untilStatus(machine, 'stopped');
    const atStop = machine.emulatedUntil();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(machine.emulatedUntil()).toBe(atStop);
  });

  it('passes the command line to the kernel in the Multiboot information', async () => {
    machine = new Machine({ v86Wasm: () => v86Wasm, memoryBytes: MEMORY_BYTES });
    machine.setCommandLine('hz=50 exit');
    await machine.boot(kernel(ECHO_COMMAND_LINE + exitWith(0)));
    await untilStatus(machine, 'halted');
    expect(machine.serialText()).toBe('hz=50 exit');
  });

  it('boots in an emulator built ahead (prepareBoot) with the command line set after it was built', async () => {
    machine = new Machine({ v86Wasm: () => v86Wasm, memoryBytes: MEMORY_BYTES });
    await machine.boot(kernel(printOnCom1('first') + exitWith(0)));
    await untilStatus(machine, 'halted');
    machine.prepareBoot();
    await new Promise((resolve) => setTimeout(resolve, 200)); // a build's time: the emulator is built meanwhile
    machine.setCommandLine('second');
    await machine.boot(kernel(ECHO_COMMAND_LINE + exitWith(3)));
    expect(await untilStatus(machine, 'halted')).toEqual({ kind: 'halted', exitCode: 3 });
    expect(machine.serialText()).toBe('second');
  });

  it("has the kernel's first output when boot() resolves: the first slices run at once, not after the page's pending work", async () => {
    machine = new Machine({ v86Wasm: () => v86Wasm, memoryBytes: MEMORY_BYTES });
    await machine.boot(kernel(printOnCom1('at once') + ECHO_COM1_FOREVER));
    expect(machine.serialText()).toBe('at once');
  });

  it('frees an emulator built ahead that no boot used', async () => {
    machine = new Machine({ v86Wasm: () => v86Wasm, memoryBytes: MEMORY_BYTES });
    machine.prepareBoot();
    await machine.destroy(); // resolves only once the prepared emulator is destroyed too
    expect(machine.status).toEqual({ kind: 'idle' });
  });

  it('refuses bytes without a Multiboot header instead of running empty memory', async () => {
    machine = new Machine({ v86Wasm: () => v86Wasm, memoryBytes: MEMORY_BYTES });
    await machine.boot(new Uint8Array(16_384).buffer);
    expect(machine.status).toEqual({ kind: 'error', message: 'v86 could not load the kernel: the image has no Multiboot header' });
  });

  it('says why when v86 cannot load its core', async () => {
    machine = new Machine({ v86Wasm: () => Promise.reject(new Error('HTTP 404')), memoryBytes: MEMORY_BYTES });
    await machine.boot(kernel('        jmp .'));
    expect(machine.status).toEqual({ kind: 'error', message: 'v86 could not load its WebAssembly core: Error: HTTP 404' });
  });
});
