/**
 * @fileoverview The panels' side of a machine: builds the snapshot source
 * (hardware, the booted image's debug symbols and unsafe report, COM1),
 * reads any registered panel by id, and keeps each panel's data at the last
 * two pauses so panels can show what changed since the last pause.
 *
 * Pipeline place: one per `Machine` (`panelHostFor`), shared by the dock
 * (`PanelDock.tsx`) and `window.playground.panel(id)`, so both see the same
 * debug information and the same pause baselines.
 */
import { DebugSymbols, type DebugInfo } from '../decoders/debug-symbols.js';
import type { Hardware } from '../machine/hardware.js';
import type { PlaygroundMachine } from '../machine/playground-machine.js';
import type { MachineStatus } from '../machine/status.js';
import type { UnsafeReport } from '../../toolchain/unsafe/report-format.js';
import type { AnyPanel, SerialConsole, SnapshotSource } from './panel.js';
import { PANELS } from './registry.js';

/** Status kinds in which the CPU does not run, so what the panels read is exact and stays so. */
export function isPaused(status: MachineStatus): boolean {
  return status.kind === 'stopped' || status.kind === 'halted' || status.kind === 'error';
}

/** A panel read on the hardware now: its data, what it read, and when the read began (once its snapshot had come). */
export interface FreshRead {
  readonly data: unknown;
  readonly source: SnapshotSource;
  readonly readStarted: number;
}

export class PanelHost {
  private debugInfo: DebugInfo | null = null;
  private symbols: DebugSymbols | null = null;
  private unsafeReport: UnsafeReport | null = null;
  /** One object for the machine's life, so panels may key what they remember by it. */
  private readonly serial: SerialConsole;
  /** Each panel's data at the latest pause, and at the pause before it. */
  private lastPause = new Map<string, unknown>();
  private previousPause = new Map<string, unknown>();
  private readonly listeners = new Set<() => void>();
  /** Boots seen (a status change into 'loading'), for `SerialConsole.boot`. */
  private boots = 0;
  private loading = false;

  constructor(
    private readonly machine: PlaygroundMachine,
    readonly panels: readonly AnyPanel[] = PANELS,
  ) {
    machine.onStatusChange((status) => this.statusChanged(status));
    this.serial = { text: () => machine.serialText(), send: (text) => machine.sendSerial(text), boot: () => this.boots };
  }

  /** The debug information of the image the machine runs (null: addresses stay unnamed). */
  setDebugInfo(info: DebugInfo | null): void {
    this.debugInfo = info;
    this.symbols = info ? new DebugSymbols(info) : null;
    this.notify();
  }

  /** The unsafe report of the image the machine runs (null: none known). */
  setUnsafeReport(report: UnsafeReport | null): void {
    this.unsafeReport = report;
    this.notify();
  }

  /** Calls `listener` when the debug information or the unsafe report changes; returns the unsubscribe function. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** What panels read on `hardware` (by default the machine's latest: for a remote machine, its last snapshot), or null while no emulator runs. */
  source(hardware = this.machine.hardware()): SnapshotSource | null {
    return hardware ? { hardware, symbols: this.symbols, debugInfo: this.debugInfo, unsafeReport: this.unsafeReport, serial: this.serial } : null;
  }

  /**
   * The panel's data read on the hardware now (for a remote machine, a fresh snapshot), with the source it was
   * read on; null while no emulator runs. Rejects for an unknown id.
   */
  async readFresh(id: string): Promise<FreshRead | null> {
    const panel = this.panel(id);
    const fresh = await this.machine.refreshHardware((hardware) => {
      const readStarted = performance.now();
      const source = this.source(hardware)!;
      return { data: panel.read(source, this.baseline(id)), source, readStarted };
    });
    return fresh?.result ?? null;
  }

  panel(id: string): AnyPanel {
    const panel = this.panels.find((p) => p.id === id);
    if (!panel) throw new Error(`no panel "${id}"; panels: ${this.panels.map((p) => p.id).join(', ')}`);
    return panel;
  }

  /** The panel's data now (null while no emulator runs). */
  read(id: string, source = this.source()): unknown {
    const panel = this.panel(id);
    return source ? panel.read(source, this.baseline(id)) : null;
  }

  /** What the panel compares with: the last pause while running, the pause before while paused. */
  private baseline(id: string): unknown {
    return (isPaused(this.machine.status) ? this.previousPause.get(id) : this.lastPause.get(id)) ?? null;
  }

  private statusChanged(status: MachineStatus): void {
    if (status.kind === 'loading' && !this.loading) this.boots++;
    this.loading = status.kind === 'loading';
    if (status.kind === 'loading' || status.kind === 'idle') {
      this.lastPause.clear();
      this.previousPause.clear();
    } else if (isPaused(status)) {
      const previousPause = (this.previousPause = this.lastPause);
      const lastPause = (this.lastPause = new Map());
      const readAll = (hardware: Hardware) => {
        const source = this.source(hardware)!;
        for (const panel of this.panels) lastPause.set(panel.id, panel.read(source, previousPause.get(panel.id) ?? null));
      };
      // No baselines if the machine worker is gone: the status says so.
      this.machine.refreshHardware(readAll).catch(() => undefined);
    }
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }
}

const hosts = new WeakMap<PlaygroundMachine, PanelHost>();

/** The one panel host of `machine`. */
export function panelHostFor(machine: PlaygroundMachine): PanelHost {
  let host = hosts.get(machine);
  if (!host) hosts.set(machine, (host = new PanelHost(machine)));
  return host;
}
