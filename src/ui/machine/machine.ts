/**
 * @fileoverview The playground machine: the one module that owns the v86
 * emulator. It boots a Multiboot kernel without a BIOS, streams COM1, turns
 * the kernel's exit port, HLT and v86 crashes into a status, and reboots by
 * starting over in a new emulator (`emulator.ts`), which it can build ahead
 * while a kernel build runs (`prepareBoot`).
 *
 * Pipeline place: the end of the toolchain — `kernel-image.ts` hands it the
 * ELF that `src/toolchain/image/` wrote; panels (`Screen`, `SerialTerminal`,
 * the status line) and `window.playground` read it through its events and
 * snapshots, never through v86 directly. On the page it runs in the machine
 * worker (`remote/machine-host.ts`; the page holds a `RemoteMachine`), or
 * with `?machine=main` on the page's thread; it also runs in Node (no screen).
 */

import type { Event as V86Event } from 'v86';
import { EmulationTime } from './emulation-time.js';
import { adoptScreen, buildEmulator, internalsOf, loadKernel, MULTIBOOT_PORT, type Emulator } from './emulator.js';
import { hardwareOf, type Hardware } from './hardware.js';
import { MachineNews } from './machine-news.js';
import { captureScreen, type ScreenAdapterCalls } from './remote/screen-capture.js';
import type { ScreenUpdate } from './remote/text-screen.js';
import { fetchKernelImage } from './kernel-image.js';
import type { PlaygroundMachine } from './playground-machine.js';
import { Listeners } from '../listeners.js';

export interface MachineOptions {
  /**
   * v86's CPU core, asked for whenever an emulator is built (each boot instantiates it anew): compiled once, the
   * same promise each time, except that a failed download may be tried again (the page's `v86Core` does).
   */
  readonly v86Wasm: () => Promise<WebAssembly.Module>;
  /**
   * Where the VGA screen is shown (browser only): each emulator draws into elements of its own, which replace
   * this element's children when it boots. It may still be detached from the document (`screen-element.ts`):
   * the page boots before it has rendered.
   */
  readonly screenContainer?: HTMLElement;
  /** Guest RAM in bytes. */
  readonly memoryBytes?: number;
  /**
   * With no `screenContainer` (the machine worker): hears the VGA text screen's changes, each slice's at its end
   * (`remote/screen-capture.ts`), from each boot's blank screen on.
   */
  readonly onScreenUpdate?: (update: ScreenUpdate) => void;
}

/** v86's default guest RAM, 64 MiB. */
const DEFAULT_MEMORY_BYTES = 64 * 1024 * 1024;


/** The longest the machine emulates in one go at boot, waiting for the kernel's first output (`runUntilFirstOutput`). */
const FIRST_OUTPUT_BUDGET_MS = 50;

/** v86 sends this when the CPU executes HLT with interrupts disabled; v86.d.ts does not list it. */
const CPU_HALT_EVENT = 'cpu-event-halt' as keyof V86Event;

/**
 * User Timing marks (`performance.mark`) each boot sets at its milestones,
 * so a page's boot can be broken down (bench/playground-figures.ts does):
 * the image and v86's core are in hand; v86 has built the machine; the CPU's
 * first slice of emulation starts; the kernel's first byte reaches COM1.
 */
export const BOOT_MARKS = {
  starting: 'machine: image and v86 core ready',
  loaded: 'machine: v86 loaded',
  firstSlice: 'machine: first CPU slice',
  firstSerialByte: 'machine: first COM1 byte',
} as const;

export class Machine extends MachineNews implements PlaygroundMachine {
  private emulator: Emulator | null = null;
  /** The next boot's emulator, built ahead by `prepareBoot`. */
  private spare: Promise<Emulator> | null = null;
  /** Bumped by every power-off; async steps of an older boot compare it and give up. */
  private generation = 0;
  private imageUrl: string | null = null;
  private image: ArrayBuffer | null = null;
  private fetchAbort: AbortController | null = null;
  private commandLine = '';
  private readonly bootListeners = new Listeners();
  private readonly emulation = new EmulationTime();

  /** v86 runs on this object's thread. */
  readonly emulatesHere = true;

  constructor(private readonly options: MachineOptions) {
    super();
  }

  /** When (`performance.now()`) the main thread last ended a slice of emulation, of any of its boots (`emulation-time.ts`). */
  emulatedUntil(): number {
    return this.emulation.until;
  }

  /** The CPU's registers and physical memory, for the panels; null while no emulator has loaded. */
  hardware(): Hardware | null {
    return this.emulator && this.status.kind !== 'loading' ? hardwareOf(this.emulator.v86) : null;
  }

  /** `read` on the hardware now (v86 runs on this thread: no snapshot to fetch). */
  async refreshHardware<T>(read: (hardware: Hardware) => T): Promise<{ hardware: Hardware; result: T } | null> {
    const hardware = this.hardware();
    return hardware ? { hardware, result: read(hardware) } : null;
  }

  /** Calls `listener` when a boot starts, as COM1's log empties for the new kernel; returns the unsubscribe function. */
  onBoot(listener: () => void): () => void {
    return this.bootListeners.add(listener);
  }

  /**
   * Sends text to the guest's COM1 (what a user types into the serial
   * terminal), as UTF-8 like the output is read: v86's `serial0_send` would
   * cut every character to its low byte.
   */
  sendSerial(text: string): void {
    this.emulator?.v86.serial_send_bytes(0, new TextEncoder().encode(text));
  }

  /** Sends PS/2 scancodes (set 1) to the keyboard controller: what a user types on the VGA screen. */
  pressKeys(scancodes: readonly number[]): void {
    void this.emulator?.v86.keyboard_send_scancodes([...scancodes]);
  }

  /** The Multiboot command line the kernel gets from the next boot (or reset) on; '' passes none. */
  setCommandLine(text: string): void {
    this.commandLine = text;
  }

  /** Fetches and checks the kernel at `url`, then boots it. Failures end in the 'error' status; it never throws. */
  async bootFromUrl(url: string): Promise<void> {
    const { generation } = this.powerOff();
    this.imageUrl = url;
    this.image = null;
    const abort = new AbortController();
    this.fetchAbort = abort;
    this.setStatus({ kind: 'loading', step: `fetching ${url}` });
    try {
      const image = await fetchKernelImage(url, abort.signal);
      if (generation === this.generation) await this.start(image, generation);
    } catch (error) {
      if (!abort.signal.aborted) this.fail(error);
    }
  }

  /** Boots a Multiboot kernel from its bytes, replacing whatever ran before. */
  async boot(image: ArrayBuffer): Promise<void> {
    await this.start(image, this.powerOff().generation);
  }

  /** Pauses the CPU; the status becomes 'stopped' unless the kernel had already halted. */
  async stop(): Promise<void> {
    await this.emulator?.v86.stop();
  }

  /** Continues a CPU that `stop()` paused. */
  async resume(): Promise<void> {
    if (this.status.kind === 'stopped') await this.emulator?.v86.run();
  }

  /**
   * Starts the kernel again from a fresh emulator. v86's own `restart()` jumps
   * to the BIOS reset vector, and there is no BIOS here, so a Multiboot
   * machine can only be rebooted in a new machine. Refetches the image if the
   * last fetch failed.
   */
  async reset(): Promise<void> {
    if (this.image) await this.boot(this.image);
    else if (this.imageUrl) await this.bootFromUrl(this.imageUrl);
  }

  /**
   * Builds the next boot's emulator now (`emulator.ts`: 100–250 ms of this thread, mostly garbage collection),
   * so that a boot soon after only loads its kernel: call it when a kernel build starts. It costs a second
   * machine's RAM until that boot.
   */
  prepareBoot(): void {
    if (this.spare) return;
    this.spare = this.buildNextEmulator();
    this.spare.catch(() => undefined); // the boot that takes it reports the failure
  }

  /** Frees the emulators and drops all listeners; the machine is idle afterwards. */
  async destroy(): Promise<void> {
    this.forgetListeners();
    this.bootListeners.clear();
    const spare = this.spare;
    this.spare = null;
    await Promise.all([this.powerOff().destroyed, spare?.then(destroyEmulator, () => undefined)]);
    this.setStatus({ kind: 'idle' }); // nobody listens any more
  }

  /**
   * Cancels a pending fetch and stops listening to the emulator; returns the new generation and when the
   * emulator is destroyed. A boot does not wait for that: the old machine stops within its next slice, and
   * the new one can start meanwhile.
   */
  private powerOff(): { generation: number; destroyed: Promise<void> } {
    const generation = ++this.generation;
    this.fetchAbort?.abort();
    this.fetchAbort = null;
    const emulator = this.emulator;
    this.emulator = null;
    return { generation, destroyed: emulator ? destroyEmulator(emulator) : Promise.resolve() };
  }

  private async start(image: ArrayBuffer, generation: number): Promise<void> {
    this.image = image;
    this.clearSerial();
    this.bootListeners.notify();
    this.setStatus({ kind: 'loading', step: 'starting v86' });
    const next = this.spare ?? this.buildNextEmulator();
    this.spare = null;
    let emulator: Emulator;
    try {
      emulator = await next;
    } catch (error) {
      if (generation === this.generation) this.fail(error);
      return;
    }
    if (generation !== this.generation) {
      await destroyEmulator(emulator);
      return;
    }
    performance.mark(BOOT_MARKS.starting);
    this.emulator = emulator;
    await emulator.loaded;
    if (this.emulator !== emulator) return;
    try {
      loadKernel(emulator, image, this.commandLine);
    } catch (error) {
      this.fail(`v86 could not load the kernel: ${error instanceof Error ? error.message : String(error)}`);
      return;
    }
    performance.mark(BOOT_MARKS.loaded);
    this.run(emulator);
  }

  /** Starts building an emulator and listening to it (only while it is the current one); rejects with a reason. */
  private async buildNextEmulator(): Promise<Emulator> {
    let wasm: WebAssembly.Module;
    try {
      wasm = await this.options.v86Wasm();
    } catch (error) {
      throw new Error(`v86 could not load its WebAssembly core: ${String(error)}`);
    }
    const { screenContainer, memoryBytes = DEFAULT_MEMORY_BYTES } = this.options;
    let emulator: Emulator;
    try {
      emulator = buildEmulator({ wasm, memoryBytes, withScreen: screenContainer !== undefined });
    } catch (error) {
      throw new Error(`v86 failed to start: ${String(error)}`);
    }
    this.listenTo(emulator);
    return emulator;
  }

  /** Hooks the loaded emulator with the kernel in memory, shows its screen, and lets it run. */
  private run(emulator: Emulator): void {
    this.hookExitPort(emulator);
    // Before catchCrashes, which then also catches a crash in the deferred redraw.
    coalesceTextRedraws(emulator);
    this.catchCrashes(emulator);
    this.catchResets(emulator);
    // After catchCrashes, whose handling is part of the slice; before markFirstSlice, which puts back the do_tick it found.
    this.emulation.watch(internalsOf(emulator));
    markFirstSlice(emulator);
    continueWithoutTheTimerThread(emulator);
    if (this.options.screenContainer) adoptScreen(emulator, this.options.screenContainer);
    else if (this.options.onScreenUpdate) this.forwardScreen(emulator, this.options.onScreenUpdate);
    void emulator.v86.run();
    runUntilFirstOutput(emulator, () => this.serialText() !== '');
  }

  /** Follows the emulator's text screen (v86's dummy adapter: no screen element) while it is the current one. */
  private forwardScreen(emulator: Emulator, onUpdate: (update: ScreenUpdate) => void): void {
    const adapter = (emulator.v86 as unknown as { screen_adapter: ScreenAdapterCalls }).screen_adapter;
    captureScreen(adapter, (update) => {
      if (this.emulator === emulator) onUpdate(update);
    });
  }

  private listenTo(emulator: Emulator): void {
    const whileCurrent = <A>(handler: (argument: A) => void) => (argument: A) => {
      if (this.emulator === emulator) handler(argument);
    };
    const v86 = emulator.v86;
    v86.add_listener('emulator-started', whileCurrent(() => this.setStatus({ kind: 'running' })));
    v86.add_listener('emulator-stopped', whileCurrent(() => {
      if (this.status.kind === 'running') this.setStatus({ kind: 'stopped' });
    }));
    v86.add_listener('serial0-output-byte', whileCurrent((byte: number) => this.receiveSerialByte(byte)));
    v86.add_listener(CPU_HALT_EVENT, whileCurrent(() => this.halt(emulator, null)));
  }

  /**
   * Replaces v86's handler for the exit port. Its Multiboot loader installs
   * one that throws "HALT" out of the emulator loop — an uncaught exception
   * that freezes the emulator without any event; this one reports the code.
   */
  private hookExitPort(emulator: Emulator): void {
    const exit = (code: number) => {
      if (this.emulator === emulator) this.halt(emulator, code);
    };
    internalsOf(emulator).cpu.io.register_write(MULTIBOOT_PORT, this, exit, exit, exit);
  }

  /**
   * v86 has no triple-fault emulation: a fault it cannot deliver (no IDT yet,
   * say) makes its Rust core print a panic message and trap out of the
   * emulation loop, leaving the emulator dead but "running" (and `destroy()`
   * waiting forever for a stop). This reports the panic as an error and lets
   * the loop take its final stopping step.
   */
  private catchCrashes(emulator: Emulator): void {
    const loop = internalsOf(emulator);
    const tick = loop.do_tick.bind(loop);
    loop.do_tick = () => {
      try {
        tick();
      } catch (error) {
        loop.stop();
        loop.next_tick(0);
        if (this.emulator !== emulator) return;
        const why = emulator.coreMessages.length > 0 ? emulator.coreMessages.join(' ') : String(error);
        this.setStatus({ kind: 'error', message: `v86 stopped: ${why.replace(/\s+/g, ' ').trim()}`, eip: instructionPointer(emulator) });
      }
    };
  }

  /**
   * A reset (the keyboard controller's reset line, or a reboot request) would
   * send the CPU to the BIOS's reset vector — there is no BIOS here, so it
   * would run empty memory in silence. It stops the machine instead and says
   * where the kernel was.
   */
  private catchResets(emulator: Emulator): void {
    const cpu = internalsOf(emulator).cpu;
    cpu.reboot_internal = () => {
      if (this.emulator !== emulator) return;
      // The port write is part of the instruction being executed: name that instruction, not the next one.
      const eip = internalsOf(emulator).cpu.previous_ip[0] >>> 0;
      this.setStatus({ kind: 'error', message: 'the kernel reset the machine (triple fault or reset request)', eip });
      void emulator.v86.stop();
    };
  }

  /** The kernel is done: keep the first reason (an exit code beats the HLT that follows it) and stop the CPU. */
  private halt(emulator: Emulator, exitCode: number | null): void {
    // After an error (a reset, say) the CPU may still reach a HLT before it stops: the error is the news.
    if (this.status.kind !== 'halted' && this.status.kind !== 'error') this.setStatus({ kind: 'halted', exitCode });
    void emulator.v86.stop();
  }

  protected override receiveSerialByte(byte: number): void {
    if (!this.serialText()) performance.mark(BOOT_MARKS.firstSerialByte);
    super.receiveSerialByte(byte);
  }

  private fail(error: unknown): void {
    const message = error instanceof Error ? error.message : String(error);
    this.setStatus({ kind: 'error', message });
  }

}

/**
 * v86 in a browser schedules every next slice of emulation through a Worker
 * it starts for each emulator (a timer thread that background tabs do not
 * throttle); starting that thread took 300–450 ms on the shared 2-core
 * machine, and the CPU's first slice, which prints the kernel's banner,
 * waited for it on every boot.
 * Slices that follow at once (delay 0: the CPU is busy) go through a
 * MessageChannel on this thread instead, which needs no start-up and has no
 * timer clamping; waits (the CPU idles in HLT until a timer fires) still
 * use v86's thread. v86 ignores a callback whose tick is not the latest, so
 * the two paths cannot run a slice twice.
 */
function continueWithoutTheTimerThread(emulator: Emulator): void {
  const loop = internalsOf(emulator);
  if (!loop.worker) return;
  const channel = new MessageChannel();
  channel.port1.onmessage = (event: MessageEvent<number>) => loop.yield_callback(event.data);
  const afterDelay = loop.yield.bind(loop);
  loop.yield = (delay, tick) => (delay < 1 ? channel.port2.postMessage(tick) : afterDelay(delay, tick));
  const unregister = loop.unregister_yield.bind(loop);
  loop.unregister_yield = () => {
    channel.port1.close();
    unregister();
  };
}

/**
 * v86 redraws the whole text screen — 2,000 cells, each one an event on its
 * bus — on every write to a palette or DAC register. A kernel that sets the
 * VGA palette up writes dozens of them (eduOS's vgaInit: 52 redraws, about
 * 100,000 cell events, before its first line on COM1); the screen is only
 * drawn once per animation frame. This makes the redraws a slice asks for
 * into one at the end of that slice: the same cells reach the screen before
 * it is next drawn.
 */
function coalesceTextRedraws(emulator: Emulator): void {
  const loop = internalsOf(emulator);
  const vga = loop.cpu.devices.vga;
  const redraw = vga.complete_redraw.bind(vga);
  let pending = false;
  vga.complete_redraw = () => {
    pending = true;
  };
  const tick = loop.do_tick.bind(loop);
  loop.do_tick = () => {
    try {
      tick();
    } finally {
      if (pending) {
        pending = false;
        redraw();
      }
    }
  };
}

/**
 * v86 starts emulating in a task it queues (`run()` → `next_tick(0)`), one slice per task, and the kernel's
 * first line on COM1 takes a few slices; the page's own pending work (rendering the finished build and the new
 * screen, a garbage collection) came between them and took 50–400 ms. Running the first slices in this task
 * instead, until the kernel has written to COM1 (or FIRST_OUTPUT_BUDGET_MS, for a kernel that stays silent),
 * puts its first line on the page that much sooner. v86 ignores the slice it had queued: it is no longer its
 * latest.
 */
function runUntilFirstOutput(emulator: Emulator, hasOutput: () => boolean): void {
  const loop = internalsOf(emulator);
  const until = performance.now() + FIRST_OUTPUT_BUDGET_MS;
  do loop.do_tick();
  while (!hasOutput() && loop.running && !loop.stopping && performance.now() < until);
}

/** Sets BOOT_MARKS.firstSlice when v86 starts emulating, then leaves the loop as it was. */
function markFirstSlice(emulator: Emulator): void {
  const loop = internalsOf(emulator);
  const tick = loop.do_tick;
  loop.do_tick = () => {
    performance.mark(BOOT_MARKS.firstSlice);
    loop.do_tick = tick;
    tick.call(loop);
  };
}

/** The CPU's EIP, as an unsigned address. */
function instructionPointer(emulator: Emulator): number {
  return internalsOf(emulator).cpu.instruction_pointer[0] >>> 0;
}

/**
 * Destroys an emulator once it has loaded (v86 cannot be destroyed before). Nothing waits for a failure here:
 * the emulator is no longer the machine's, so it is dropped either way.
 */
async function destroyEmulator(emulator: Emulator): Promise<void> {
  try {
    await emulator.loaded;
    await emulator.v86.destroy();
  } catch {
    // dropped: see above
  }
}
