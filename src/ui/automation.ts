/**
 * @fileoverview `window.playground`: the page's automation object, so tests,
 * scripts and teachers' grading scripts read the machine's real state and
 * drive the page instead of scraping pixels. docs/automation.md documents it.
 *
 * Pipeline place: installed by `App.tsx`; the Playwright specs in e2e/ use
 * it. It only forwards to `Machine`, `KernelProject`, `BuildSession` and
 * the share links (`share/`).
 */

import type { BuildOutcome, BuildSession } from './build/build-session.js';
import type { KernelProject } from './editor/kernel-project.js';
import type { PlaygroundMachine } from './machine/playground-machine.js';
import type { MachineStatusKind } from './machine/status.js';
import { panelAutomation, type PanelAutomation } from './panels/automation-panels.js';
import { pageShareLink } from './share/page-share.js';
import { decodeShareLink } from './share/share-link.js';
import type { ShareState } from './share/share-state.js';

/** A share link's experiment as `readShareLink` returns it. */
export interface SharedExperiment extends ShareState {
  /** The share format version the link was written in (the state is upgraded to the page's). */
  readonly version: number;
  /** The experiment's id (CRC-32 of its state): its workspace is 'shared:<id>'. */
  readonly id: string;
}

/** With `panels()` and `panel(id)` from the panel dock (panels/automation-panels.ts). */
export interface PlaygroundAutomation extends PanelAutomation {
  /** COM1 output since the last boot. */
  serialText(): string;
  /** Resolves when COM1 output since the last boot contains `text`; rejects after `timeoutMs` (default 10 s). */
  waitForSerial(text: string, timeoutMs?: number): Promise<void>;
  /** Sends `text` to the guest's COM1 as UTF-8, as if typed into the serial terminal (e.g. `'spawn busy\r'`). */
  sendSerial(text: string): void;
  /** 'idle' | 'loading' | 'running' | 'stopped' | 'halted' | 'error'; the page's status line has the details. */
  status(): MachineStatusKind;
  /** Pauses the CPU (status 'stopped'). */
  pause(): Promise<void>;
  /** Continues a paused CPU. */
  resume(): Promise<void>;
  /** Boots the image the machine runs again. */
  reset(): Promise<void>;
  /** The Multiboot command line from the next boot on ('' for none). */
  setCommandLine(text: string): void;
  /** Kernel files, paths relative to src/kernel/ ('main.ts', 'arch/x86/vga.ts'), sorted. */
  listFiles(): Promise<string[]>;
  /** A file's current text (with the user's edits). */
  readFile(path: string): Promise<string>;
  /** Replaces a file's text (a new path creates a file); kept in browser storage like an edit in the editor. */
  writeFile(path: string, text: string): Promise<void>;
  /** Drops the edits of one file (a created file disappears). */
  resetFile(path: string): Promise<void>;
  /** Drops all edits. */
  resetAll(): Promise<void>;
  /** asc's optimize level (0–3) for the next builds; the page starts at 0 (fast builds), `npm run kernel` uses 3. */
  setOptimizeLevel(level: 0 | 1 | 2 | 3): void;
  /** Builds the kernel as edited, without booting it; `reused` when these sources were built last time. */
  build(): Promise<BuildOutcome>;
  /** Builds and, if that succeeded, boots the new image; after a failure the machine keeps running its image. */
  buildAndRun(): Promise<BuildOutcome>;
  /** The share link (URL) of the page as it is now, as the Share button makes it; the address bar is not touched. */
  shareLink(): Promise<string>;
  /** The experiment a share link (a URL or its '#s=…' hash) holds; rejects with the reason when the link is broken. */
  readShareLink(link: string): Promise<SharedExperiment>;
  /** The workspace the file functions act on: 'mine' (the student's own edits) or 'shared:<id>' (a shared link's). */
  workspace(): Promise<string>;
}

declare global {
  interface Window {
    playground?: PlaygroundAutomation;
  }
}

/** Exposes the page's machine, project and build session as `window.playground`; returns the function that removes it. */
export function installAutomation(machine: PlaygroundMachine, session: BuildSession, loadProject: () => Promise<KernelProject>): () => void {
  const automation: PlaygroundAutomation = {
    serialText: () => machine.serialText(),
    waitForSerial: (text, timeoutMs) => machine.waitForSerial(text, timeoutMs),
    sendSerial: (text) => machine.sendSerial(text),
    status: () => machine.status.kind,
    pause: () => machine.stop(),
    resume: () => machine.resume(),
    reset: () => machine.reset(),
    setCommandLine: (text) => machine.setCommandLine(text),
    listFiles: async () => (await loadProject()).listFiles(),
    readFile: async (path) => (await loadProject()).readFile(path),
    writeFile: async (path, text) => (await loadProject()).writeFile(path, text),
    resetFile: async (path) => (await loadProject()).resetFile(path),
    resetAll: async () => (await loadProject()).resetAll(),
    setOptimizeLevel: (level) => session.setOptimizeLevel(level),
    build: () => session.build(),
    buildAndRun: () => session.buildAndRun(),
    shareLink: async () => pageShareLink(await loadProject(), session.optimizeLevel),
    readShareLink: async (link) => {
      const { state, version, id } = await decodeShareLink(link);
      return { ...state, version, id };
    },
    workspace: async () => (await loadProject()).workspace.id,
    ...panelAutomation(machine),
  };
  window.playground = automation;
  return () => {
    if (window.playground === automation) delete window.playground;
  };
}
