/**
 * @fileoverview What a playground machine tells the page as it runs: its
 * status, and COM1's log since the last boot, with the listeners to both.
 * One base class, so that `Machine` (v86 on its own thread) and
 * `RemoteMachine` (the page's handle on the machine worker) keep them alike;
 * each decides when the status changes and where the bytes come from.
 *
 * Pipeline place: extended by `machine.ts` and `remote/remote-machine.ts`.
 */
import { Listeners } from '../listeners.js';
import { DEFAULT_SERIAL_TIMEOUT_MS, SerialLog } from './serial-log.js';
import type { MachineStatus } from './status.js';

export abstract class MachineNews {
  private currentStatus: MachineStatus = { kind: 'idle' };
  private readonly serial = new SerialLog();
  private readonly serialListeners = new Listeners<[byte: number]>();
  private readonly statusListeners = new Listeners<[status: MachineStatus]>();

  get status(): MachineStatus {
    return this.currentStatus;
  }

  /** COM1 output since the last boot. */
  serialText(): string {
    return this.serial.text;
  }

  /** Resolves when COM1 output since the last boot contains `text`; rejects after `timeoutMs`. */
  waitForSerial(text: string, timeoutMs = DEFAULT_SERIAL_TIMEOUT_MS): Promise<void> {
    return this.serial.waitFor(text, timeoutMs);
  }

  /** Calls `listener` with every byte the guest writes to COM1; returns the unsubscribe function. */
  onSerialByte(listener: (byte: number) => void): () => void {
    return this.serialListeners.add(listener);
  }

  /** Calls `listener` on every status change; returns the unsubscribe function. */
  onStatusChange(listener: (status: MachineStatus) => void): () => void {
    return this.statusListeners.add(listener);
  }

  protected setStatus(status: MachineStatus): void {
    this.currentStatus = status;
    this.statusListeners.notify(status);
  }

  /** Adds a byte the guest wrote to COM1 to the log and tells the listeners. */
  protected receiveSerialByte(byte: number): void {
    this.serial.appendByte(byte);
    this.serialListeners.notify(byte);
  }

  /** A new boot: its COM1 log starts empty (pending waits keep waiting for the new output). */
  protected clearSerial(): void {
    this.serial.clear();
  }

  /** Drops every listener (the machine is being destroyed). */
  protected forgetListeners(): void {
    this.serialListeners.clear();
    this.statusListeners.clear();
  }
}
