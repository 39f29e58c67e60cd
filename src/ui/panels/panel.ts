/**
 * @fileoverview The one interface every panel implements: an id, a title, a
 * pure `read` that turns a snapshot of the machine into typed, JSON-ready
 * data, and a React view of that data. Panels never touch v86: they read the
 * `SnapshotSource` the panel host hands them.
 *
 * Pipeline place: `registry.ts` lists the panels; `PanelDock.tsx` shows the
 * visible one live; `window.playground.panel(id)` returns `read`'s result.
 * To add a panel (tasks, unsafe, bench, events…): write `<id>-panel.tsx`
 * exporting a `Panel<YourData>`, add it to `registry.ts`, add an e2e spec.
 */
import type { ComponentType } from 'react';
import type { DebugInfo, DebugSymbols } from '../decoders/debug-symbols.js';
import type { Hardware } from '../machine/hardware.js';
import type { UnsafeReport } from '../../toolchain/unsafe/report-format.js';

/**
 * What a panel may read: the machine's hardware now, the booted image's
 * debug information and unsafe report (if any), and its COM1 console.
 * (`unsafeReport` and `serial` are optional so tests can fake a source
 * with hardware only.)
 */
export interface SnapshotSource {
  readonly hardware: Hardware;
  readonly symbols: DebugSymbols | null;
  readonly debugInfo: DebugInfo | null;
  readonly unsafeReport?: UnsafeReport | null;
  readonly serial?: SerialConsole;
}

/** The machine's COM1 as a panel may use it: what the kernel wrote since boot, and typing to it (the bench panel). */
export interface SerialConsole {
  text(): string;
  send(text: string): void;
  /** Which boot of the machine the text is of (each boot empties the log and counts one up). */
  boot(): number;
}

export interface PanelViewProps<Data> {
  readonly data: Data;
  /** For views that compute on demand (e.g. the translate box). Only valid during render and event handlers. */
  readonly source: SnapshotSource;
}

export interface Panel<Data> {
  /** Stable: `data-testid="panel-<id>"`, `window.playground.panel(id)`, the dock's tab. */
  readonly id: string;
  readonly title: string;
  /**
   * Reads and decodes. `baseline` is this panel's data at the last pause
   * (while running) or at the pause before (while paused), so a panel can
   * mark what changed; null before the first pause of a boot. Must be cheap:
   * the dock calls it ≥ 10 times a second while the panel is visible.
   */
  read(source: SnapshotSource, baseline: Data | null): Data;
  readonly View: ComponentType<PanelViewProps<Data>>;
  /**
   * False: the dock hands each read to the view as it is, without first looking for the parts equal to the last
   * read's (`share-unchanged.ts`). For a panel whose every part changes between two live reads, where the looking
   * only costs time: the events ring moves on by tens of events between two refreshes. True by default.
   */
  readonly shareUnchanged?: boolean;
}

/** A panel with its data type erased, as the registry and the dock hold it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each panel checks its own Data; the host only passes it through
export type AnyPanel = Panel<any>;
