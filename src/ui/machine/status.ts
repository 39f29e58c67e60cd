/**
 * @fileoverview The states a playground machine goes through, and how the
 * page words them.
 *
 * Pipeline place: `machine.ts` moves between these states; the status line
 * (`StatusLine.tsx`) and the `window.playground` automation object
 * (`automation.ts`) only read them.
 */

/** Where the machine is: the kind is stable for automation, the other fields are details. */
export type MachineStatus =
  | { readonly kind: 'idle' }
  | { readonly kind: 'loading'; readonly step: string }
  | { readonly kind: 'running' }
  | { readonly kind: 'stopped' }
  /** The kernel wrote `exitCode` to the exit port 0xf4, or (exitCode null) executed HLT with interrupts off. */
  | { readonly kind: 'halted'; readonly exitCode: number | null }
  /** `eip`: where the CPU was when the kernel crashed v86 or reset the machine. */
  | { readonly kind: 'error'; readonly message: string; readonly eip?: number };

export type MachineStatusKind = MachineStatus['kind'];

/** One line for the status bar, e.g. "halted with exit code 3". */
export function describeStatus(status: MachineStatus): string {
  switch (status.kind) {
    case 'idle':
      return 'idle';
    case 'loading':
      return `loading: ${status.step}`;
    case 'running':
      return 'running';
    case 'stopped':
      return 'stopped';
    case 'halted':
      return status.exitCode === null
        ? 'halted (HLT with interrupts disabled)'
        : `halted with exit code ${status.exitCode}`;
    case 'error':
      return `error: ${status.message}`;
  }
}
