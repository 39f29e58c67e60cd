/**
 * @fileoverview What the page needs of its machine: boot, pause, COM1, the
 * status, and the hardware the panels read. Two classes provide it:
 * `Machine` (`machine.ts`), which owns v86 on the thread it runs on (the
 * machine worker, Node tests), and `RemoteMachine` (`remote/`), the page's
 * handle on a `Machine` in the machine worker.
 *
 * Pipeline place: the page's modules (the panels, the build session, the
 * automation object, the terminal) take a `PlaygroundMachine`.
 */
import type { Hardware } from './hardware.js';
import type { MachineStatus } from './status.js';

export interface PlaygroundMachine {
  readonly status: MachineStatus;
  /** Whether v86 emulates on the thread that holds this object: then the page's own work there takes time from it. */
  readonly emulatesHere: boolean;
  /** The registers and RAM the panels read (for a remote machine, of its latest snapshot); null while no emulator runs. */
  hardware(): Hardware | null;
  /** Runs `read` on the hardware now (a fresh snapshot, for a remote machine) and resolves with it and `read`'s result. */
  refreshHardware<T>(read: (hardware: Hardware) => T): Promise<{ hardware: Hardware; result: T } | null>;
  /** When this thread last ended a slice of emulation (`performance.now()`); 0 when v86 runs on another thread. */
  emulatedUntil(): number;
  serialText(): string;
  waitForSerial(text: string, timeoutMs?: number): Promise<void>;
  onSerialByte(listener: (byte: number) => void): () => void;
  onStatusChange(listener: (status: MachineStatus) => void): () => void;
  sendSerial(text: string): void;
  pressKeys(scancodes: readonly number[]): void;
  setCommandLine(text: string): void;
  bootFromUrl(url: string): Promise<void>;
  boot(image: ArrayBuffer): Promise<void>;
  stop(): Promise<void>;
  resume(): Promise<void>;
  reset(): Promise<void>;
  prepareBoot(): void;
  destroy(): Promise<void>;
}
