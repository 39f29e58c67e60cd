/**
 * @fileoverview One v86 instance, built before it has a kernel. Building the
 * machine (v86's devices, its 65,536 I/O port handlers, guest RAM) takes
 * 100–250 ms of the page's main thread, most of it garbage collection, and
 * does not depend on the kernel; loading the Multiboot ELF into it takes a
 * few milliseconds. So `machine.ts` can build the next emulator while the
 * build worker still compiles, and boot the new image in it at once.
 *
 * Pipeline place: used only by `machine.ts`, which owns v86. v86 takes a
 * Multiboot kernel only as a constructor option; `loadKernel` does what its
 * constructor does with that option (`cpu.init`: load the ELF, then read the
 * Multiboot port, which puts the CPU in protected mode at the entry point).
 */

import { V86 } from 'v86';
import type { V86Options } from 'v86';
import { instantiateV86 } from '../../toolchain/emulator/instantiate-v86.js';
import { createScreenElement } from './screen-element.js';
import { drawScreenOnlyWhenChanged, type ScreenAdapterInternals } from './screen-frames.js';

/** The pieces of v86's internals the machine needs; not in v86.d.ts, but the minified build keeps these names. */
export interface V86Internals {
  readonly v86: {
    do_tick(): void;
    next_tick(delay: number): void;
    /** Schedules `yield_callback(tick)` after `delay` ms; in a browser through `worker`, a timer thread v86 starts per emulator. */
    yield(delay: number, tick: number): void;
    yield_callback(tick: number): void;
    /** Ends the timer thread (`destroy()` calls it). */
    unregister_yield(): void;
    /** v86's timer thread in a browser; null in Node, where v86 yields with setImmediate. */
    readonly worker: Worker | null;
    stop(): void;
    /** Whether the loop runs (`run()` until its stop); `stopping` once `stop()` asked it to end at its next slice. */
    readonly running: boolean;
    readonly stopping: boolean;
    readonly cpu: {
      readonly devices: {
        /** v86's VGA card; `complete_redraw` re-sends every cell of the text screen (or marks a graphics frame dirty). */
        readonly vga: { complete_redraw(): void };
      };
      /** EIP (linear; the kernel's segments are flat): where execution goes on; a fault sets it back to the faulting instruction. */
      readonly instruction_pointer: Int32Array;
      /** EIP of the instruction being executed (an OUT that resets the machine, say); v86 moves `instruction_pointer` past it first. */
      readonly previous_ip: Int32Array;
      readonly reg32: Int32Array;
      /** Called by the keyboard controller's reset line (0xFE to port 0x64) and PCI reset (port 0xCF9). */
      reboot_internal(): void;
      /**
       * Copies a Multiboot kernel into guest memory and registers the Multiboot port (0xF4): reading it sets the
       * CPU up for the kernel's entry and returns the Multiboot magic; writing it is the exit port. Returns
       * undefined when the image has no Multiboot header.
       */
      load_multiboot_option_rom(image: ArrayBuffer, initrd: undefined, commandLine: string): object | undefined;
      readonly io: {
        port_read32(port: number): number;
        register_write(
          port: number,
          device: object,
          write8: (value: number) => void,
          write16: (value: number) => void,
          write32: (value: number) => void,
        ): void;
      };
    };
  };
}

/** The Multiboot port of v86's loader, which the kernel also writes its exit code to (QEMU's isa-debug-exit). */
export const MULTIBOOT_PORT = 0xf4;

/** A v86 instance and what the machine keeps beside it. */
export interface Emulator {
  readonly v86: V86;
  /** Resolves when v86 has built the machine (it cannot be destroyed before). */
  readonly loaded: Promise<void>;
  /** What v86's core printed: its panic message when it traps out of the loop. */
  readonly coreMessages: readonly string[];
  /** The detached element this emulator draws its screen into (browser only), until `adoptScreen` moves it. */
  readonly screen: HTMLElement | null;
}

export interface EmulatorOptions {
  /** v86's CPU core, compiled once. */
  readonly wasm: WebAssembly.Module;
  /** Guest RAM in bytes. */
  readonly memoryBytes: number;
  /** Whether to draw a VGA screen (a browser page) or not (Node). */
  readonly withScreen: boolean;
}

/** Starts building a machine with no kernel in it; `loaded` says when it is built. */
export function buildEmulator({ wasm, memoryBytes, withScreen }: EmulatorOptions): Emulator {
  const coreMessages: string[] = [];
  const screen = withScreen ? createScreenElement() : null;
  const options: V86Options = {
    wasm_fn: (imports) => instantiateV86(wasm, imports, (text) => coreMessages.push(text)),
    memory_size: memoryBytes,
    screen: screen ? { container: screen } : undefined,
    autostart: false,
    // v86 would otherwise capture every key and click on the page, stealing them from the panels.
    disable_keyboard: true,
    disable_mouse: true,
    disable_speaker: true,
  };
  const v86 = new V86(options);
  const loaded = new Promise<void>((resolve) =>
    v86.add_listener('emulator-loaded', () => {
      // Also while it waits for its kernel: a built machine's screen would otherwise render 60 frames a second.
      const adapter = (v86 as unknown as { screen_adapter?: ScreenAdapterInternals }).screen_adapter;
      if (adapter) drawScreenOnlyWhenChanged(adapter);
      resolve();
    }),
  );
  return { v86, loaded, coreMessages, screen };
}

/**
 * Puts the Multiboot ELF `image` into a built machine's memory and its CPU at the entry point, with
 * `commandLine` in the Multiboot information. Throws if the image has no Multiboot header.
 */
export function loadKernel(emulator: Emulator, image: ArrayBuffer, commandLine: string): void {
  const cpu = internalsOf(emulator).cpu;
  // v86 keeps the buffer as guest memory's source; a copy keeps the caller's intact for a reset.
  if (!cpu.load_multiboot_option_rom(image.slice(0), undefined, commandLine)) {
    throw new Error('the image has no Multiboot header');
  }
  cpu.reg32[0] = cpu.io.port_read32(MULTIBOOT_PORT);
}

/** Shows `emulator`'s screen in `container`, in place of what it showed (v86's adapter keeps drawing into the moved elements). */
export function adoptScreen(emulator: Emulator, container: HTMLElement): void {
  if (emulator.screen) container.replaceChildren(...emulator.screen.children);
}

export function internalsOf(emulator: Emulator): V86Internals['v86'] {
  return (emulator.v86 as unknown as V86Internals).v86;
}
