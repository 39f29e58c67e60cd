/**
 * @fileoverview The messages between the page and the machine worker, which
 * runs the playground's `Machine` (and so v86) off the page's main thread:
 * requests from the page, each with an id that its `done` answer repeats,
 * and the worker's news in the order it happened — a boot starting (COM1's
 * log empties), COM1 bytes, status changes, the VGA text screen's changes.
 *
 * Pipeline place: `remote-machine.ts` (the page) sends `MachineRequest`s;
 * `machine-host.ts` (the worker) answers with `MachineMessage`s.
 */
import type { MachineStatus } from '../status.js';
import type { HardwareSnapshot } from './hardware-mirror.js';
import type { ScreenUpdate } from './text-screen.js';

/** What the page asks of the machine; `id`s pair requests with their `done`. */
export type MachineRequest =
  | { readonly kind: 'boot'; readonly id: number; readonly image: ArrayBuffer }
  | { readonly kind: 'bootFromUrl'; readonly id: number; readonly url: string }
  | { readonly kind: 'stop' | 'resume' | 'reset' | 'destroy'; readonly id: number }
  /** The registers and the pages of guest RAM named; answered with a snapshot, or null while no emulator runs. */
  | { readonly kind: 'snapshot'; readonly id: number; readonly pages: readonly number[] }
  | { readonly kind: 'prepareBoot' }
  | { readonly kind: 'sendSerial'; readonly text: string }
  | { readonly kind: 'pressKeys'; readonly scancodes: readonly number[] }
  | { readonly kind: 'setCommandLine'; readonly text: string };

/** What the worker tells the page. */
export type MachineMessage =
  | { readonly kind: 'done'; readonly id: number; readonly snapshot?: HardwareSnapshot | null; readonly error?: string }
  | { readonly kind: 'boot' }
  /** COM1 output since the last message: a slice of emulation's bytes go together. */
  | { readonly kind: 'serial'; readonly bytes: Uint8Array }
  | { readonly kind: 'status'; readonly status: MachineStatus }
  /** The VGA text screen's rows that a slice of emulation changed. */
  | { readonly kind: 'screen'; readonly update: ScreenUpdate };

/** Either end of the channel: a Worker, the worker's global scope, or a MessagePort. */
export interface MessageEndpoint {
  postMessage(message: unknown, transfer: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  removeEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
}
