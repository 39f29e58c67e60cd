/**
 * @fileoverview Boots a Multiboot image in v86 inside Node, headless: no BIOS
 * (v86 loads the ELF itself and jumps to its entry in protected mode), COM1
 * captured byte by byte, the run ended by the guest writing its exit code to
 * port 0xf4 or by a timeout. Used by the Node tests and `npm run boot`.
 *
 * Pipeline place: after the image writer (`../image/elf.ts`). `qemu-node.ts`
 * is the same interface on an independent machine.
 *
 * v86 details this relies on (checked against v86 0.5.x, minified build):
 * - In Multiboot mode v86 itself claims port 0xf4 and, on a write, calls
 *   `console.log("Test exited with code …")` and throws "HALT" out of its
 *   main loop. We replace that handler (`cpu.io.register_write`) after the
 *   emulator is loaded and before it runs, so nothing is printed or thrown.
 * - Left alone, v86 reads and compiles v86.wasm (2 MB) on every boot (about
 *   40 ms of a 100-150 ms start-up here); we compile it once per process and
 *   hand v86 the module through its `wasm_fn` option.
 * - v86 schedules its next slice with setTimeout(t) when the guest halts (up
 *   to 100 ms) and only stops at a slice. We schedule the slices ourselves
 *   (`v86.yield`), so a stop cancels the pending one: stopping and `destroy()`
 *   take microseconds, not 100 ms, and no timer outlives the run.
 * - v86 does not emulate a triple fault: a fault it cannot deliver (no IDT,
 *   say) makes its Rust core panic ("Unimplemented: #GP handler"), print that
 *   with console.error and throw out of its main loop, which would be an
 *   uncaught exception with the emulator dead and `destroy()` waiting forever.
 *   We take the message from the wasm import that prints it, catch the throw
 *   around `v86.do_tick`, and report the run as crashed.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { V86 } from 'v86';
import { findMultibootHeader, MULTIBOOT_SEARCH_LIMIT } from '../image/multiboot.js';
import { instantiateV86 } from './instantiate-v86.js';

export interface BootOptions {
  /** Wall-clock limit for the run; default 10000. v86: counted once the emulator is ready; QEMU: firmware included. */
  timeoutMs?: number;
  /** Guest RAM; default 128. */
  memorySizeMB?: number;
  /** Arguments for the kernel; it sees `kernel.elf <cmdline>` (see KERNEL_FILE_NAME). */
  cmdline?: string;
  /** Called with each byte the guest writes to COM1, as it is written. */
  onSerial?: (byte: number) => void;
  /** Bytes (latin1) to type into COM1 once the guest runs. */
  serialInput?: string;
  /**
   * A conversation with the running guest (v86 only): called once the guest
   * runs; when its promise settles, the run ends (if the guest has not exited
   * first). A rejection is reported as `BootResult.interactionError`.
   */
  interact?: (guest: GuestConsole) => Promise<void>;
}

/** The running guest, as a test sees it: COM1 both ways and physical memory. */
export interface GuestConsole {
  /** Resolves with everything written to COM1 so far once the output after `from` contains `text`. */
  waitFor(text: string | RegExp, options?: { timeoutMs?: number; from?: number }): Promise<string>;
  /** Types `text` (latin1) into COM1. */
  send(text: string): void;
  /** Sends PS/2 scancodes (set 1, as the 8042 delivers them translated) to the keyboard controller. */
  pressKeys(scancodes: readonly number[]): void;
  /** COM1 output so far. */
  serial(): string;
  /** A copy of guest physical memory. */
  readMemory(address: number, length: number): Uint8Array;
  /** Guest instructions executed so far (v86's counter), e.g. to measure a stretch of the run. */
  instructions(): number;
}

export interface BootResult {
  /** What the guest wrote to port 0xf4; null if it never did (timed out, or the machine reset). */
  exitCode: number | null;
  /** Everything the guest wrote to COM1 before it exited, one char per byte (latin1). */
  serial: string;
  timedOut: boolean;
  /**
   * Why the machine stopped without an exit code, if not a timeout: v86 gave up
   * (it panics on a fault it cannot deliver, such as a triple fault), or QEMU's
   * guest reset itself (a triple fault; `-no-reboot` turns the reset into an exit).
   */
  crash?: string;
  /** Guest instructions executed (v86 only). */
  instructions?: number;
  /** Why `options.interact` failed (a waitFor that timed out names what it waited for). */
  interactionError?: string;
  /** From the call to the result, emulator start-up included. */
  wallMs: number;
}

/**
 * Multiboot loaders pass the image's name as the first word of the command
 * line (QEMU: the `-kernel` path; GRUB: the kernel path). Both of our runners
 * name the image this, so a kernel sees the same `kernel.elf <args>` in each.
 */
export const KERNEL_FILE_NAME = 'kernel.elf';

/** The port a guest writes its exit code to (QEMU's isa-debug-exit uses the same). */
export const EXIT_PORT = 0xf4;

export const DEFAULT_TIMEOUT_MS = 10_000;
export const DEFAULT_MEMORY_MB = 128;

/** The parts of v86's internals we use; their names survive in the minified build. */
interface V86Internals {
  v86: {
    cpu: { io: { register_write(port: number, device: object, ...writers: ((value: number) => void)[]): void } };
    stop(): void;
    do_tick(): void;
    next_tick(delay: number): void;
    yield(delay: number, tick: number): void;
    yield_callback(tick: number): void;
  };
}

let compiledV86: Promise<WebAssembly.Module> | undefined;

/** v86.wasm, compiled once per process and shared by every boot. */
export function compiledV86Module(): Promise<WebAssembly.Module> {
  if (!compiledV86) {
    const path = createRequire(import.meta.url).resolve('v86/build/v86.wasm');
    compiledV86 = readFile(path).then((bytes) => WebAssembly.compile(bytes));
    compiledV86.catch(() => (compiledV86 = undefined)); // a later boot tries again
  }
  return compiledV86;
}

/** Throws unless a Multiboot loader would find a header in `image`. */
export function assertBootable(image: Uint8Array): void {
  if (findMultibootHeader(image) < 0) {
    throw new Error(`not a Multiboot image: no valid header in the first ${MULTIBOOT_SEARCH_LIMIT} bytes`);
  }
}

function internals(emulator: V86): V86Internals['v86'] {
  return (emulator as unknown as V86Internals).v86;
}

function createEmulator(
  elf: Uint8Array,
  module: WebAssembly.Module,
  options: BootOptions,
  onWasmMessage: (text: string) => void,
): V86 {
  return new V86({
    wasm_fn: (imports) => instantiateV86(module, imports, onWasmMessage),
    multiboot: { buffer: elf.slice().buffer },
    memory_size: (options.memorySizeMB ?? DEFAULT_MEMORY_MB) * 1024 * 1024,
    cmdline: `${KERNEL_FILE_NAME} ${options.cmdline ?? ''}`,
    autostart: false,
    disable_keyboard: true,
    disable_mouse: true,
    disable_speaker: true,
  });
}

/** Replaces v86's own port-0xf4 handler (console.log + throw) with `onExit`, for 8, 16 and 32-bit writes. */
function onExitPortWrite(emulator: V86, onExit: (code: number) => void): void {
  const { cpu } = internals(emulator);
  const exit = (value: number): void => onExit(value >>> 0);
  cpu.io.register_write(EXIT_PORT, cpu, exit, exit, exit);
}

/** Calls `onCrash` if a slice of emulation throws (v86 is dead then: no further slice gets scheduled). */
function onEmulatorCrash(emulator: V86, onCrash: (error: unknown) => void): void {
  const machine = internals(emulator);
  const tick = machine.do_tick.bind(machine);
  machine.do_tick = () => {
    try {
      tick();
    } catch (error) {
      onCrash(error);
    }
  };
}

/**
 * Takes over v86's scheduling of its slices (v86 leaves no handle to cancel
 * one) and returns a stop that cancels the pending slice and runs the final,
 * stopping one at once, so no timer outlives the run.
 */
function takeOverScheduling(emulator: V86): () => void {
  const machine = internals(emulator);
  let cancelPending = (): void => {};
  let stopping = false;
  machine.yield = (delay, tick) => {
    const slice = (): void => machine.yield_callback(tick);
    if (delay < 1 || stopping) {
      const immediate = setImmediate(slice);
      cancelPending = () => clearImmediate(immediate);
    } else {
      const timeout = setTimeout(slice, delay);
      cancelPending = () => clearTimeout(timeout);
    }
  };
  return () => {
    stopping = true;
    machine.stop();
    cancelPending();
    machine.next_tick(0);
  };
}

type Outcome = Pick<BootResult, 'exitCode' | 'timedOut' | 'crash' | 'interactionError'>;

/** Runs the loaded emulator until the guest exits, the emulator crashes or `timeoutMs` passes. */
function runUntilExit(emulator: V86, options: BootOptions, serial: number[], wasmMessages: string[]): Promise<Outcome> {
  return new Promise((resolve) => {
    const stop = takeOverScheduling(emulator);
    let finished = false;
    const finish = (outcome: Outcome): void => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      stop();
      resolve(outcome);
    };
    emulator.add_listener('serial0-output-byte', (byte) => {
      if (finished) return;
      serial.push(byte);
      options.onSerial?.(byte);
    });
    onExitPortWrite(emulator, (exitCode) => finish({ exitCode, timedOut: false }));
    onEmulatorCrash(emulator, (error) => {
      const message = wasmMessages.length > 0 ? wasmMessages.join(' ') : String(error);
      finish({ exitCode: null, timedOut: false, crash: `v86 stopped: ${message.replace(/\s+/g, ' ').trim()}` });
    });
    const timer = setTimeout(() => finish({ exitCode: null, timedOut: true }), options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
    void emulator.run();
    if (options.serialInput) {
      emulator.serial_send_bytes(0, Buffer.from(options.serialInput, 'latin1'));
    }
    options.interact?.(guestConsole(emulator, serial, () => finished)).then(
      () => finish({ exitCode: null, timedOut: false }),
      (error: unknown) => finish({ exitCode: null, timedOut: false, interactionError: error instanceof Error ? error.message : String(error) }),
    );
  });
}

const SERIAL_POLL_MS = 5;

function guestConsole(emulator: V86, serial: number[], finished: () => boolean): GuestConsole {
  const text = (from = 0) => Buffer.from(serial.slice(from)).toString('latin1');
  return {
    serial: () => text(),
    send: (input) => emulator.serial_send_bytes(0, Buffer.from(input, 'latin1')),
    pressKeys: (scancodes) => void emulator.keyboard_send_scancodes([...scancodes]),
    readMemory: (address, length) => emulator.read_memory(address, length).slice(),
    instructions: () => emulator.get_instruction_counter(),
    waitFor: (wanted, { timeoutMs = DEFAULT_TIMEOUT_MS, from = 0 } = {}) =>
      new Promise((resolve, reject) => {
        const deadline = performance.now() + timeoutMs;
        const poll = (): void => {
          const seen = text(from);
          if (typeof wanted === 'string' ? seen.includes(wanted) : wanted.test(seen)) resolve(text());
          else if (finished()) reject(new Error(`the guest stopped before COM1 showed ${String(wanted)}`));
          else if (performance.now() > deadline) reject(new Error(`COM1 did not show ${String(wanted)} within ${timeoutMs} ms`));
          else setTimeout(poll, SERIAL_POLL_MS);
        };
        poll();
      }),
  };
}

export async function bootInV86(elf: Uint8Array, options: BootOptions = {}): Promise<BootResult> {
  const started = performance.now();
  assertBootable(elf);
  const wasmMessages: string[] = [];
  const emulator = createEmulator(elf, await compiledV86Module(), options, (text) => wasmMessages.push(text));
  await new Promise<void>((resolve) => emulator.add_listener('emulator-loaded', resolve));
  const serial: number[] = [];
  const outcome = await runUntilExit(emulator, options, serial, wasmMessages);
  const instructions = emulator.get_instruction_counter();
  await emulator.destroy();
  return {
    ...outcome,
    serial: Buffer.from(serial).toString('latin1'),
    instructions,
    wallMs: performance.now() - started,
  };
}
