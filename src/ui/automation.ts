/**
 * @fileoverview `window.playground`: the page's automation object, so tests
 * and scripts read the machine's real state instead of scraping pixels.
 *
 * Pipeline place: installed by `App.tsx` for the machine it creates; the
 * Playwright specs in e2e/ use it. It only forwards to `Machine`.
 */

import type { Machine } from './machine/machine.js';
import type { MachineStatusKind } from './machine/status.js';

export interface PlaygroundAutomation {
  /** COM1 output since the last boot. */
  serialText(): string;
  /** Resolves when COM1 output since the last boot contains `text`; rejects after `timeoutMs` (default 10 s). */
  waitForSerial(text: string, timeoutMs?: number): Promise<void>;
  /** 'idle' | 'loading' | 'running' | 'stopped' | 'halted' | 'error'; the page's status line has the details. */
  status(): MachineStatusKind;
}

declare global {
  interface Window {
    playground?: PlaygroundAutomation;
  }
}

/** Exposes `machine` as `window.playground`; returns the function that removes it again. */
export function installAutomation(machine: Machine): () => void {
  const automation: PlaygroundAutomation = {
    serialText: () => machine.serialText(),
    waitForSerial: (text, timeoutMs) => machine.waitForSerial(text, timeoutMs),
    status: () => machine.status.kind,
  };
  window.playground = automation;
  return () => {
    if (window.playground === automation) delete window.playground;
  };
}
