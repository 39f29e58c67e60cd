/**
 * @fileoverview React hook: the current status of a playground machine,
 * re-rendering on every change.
 *
 * Pipeline place: between `Machine.onStatusChange` and the components that
 * show the status (`StatusLine`, buttons that depend on it).
 */

import { useCallback, useSyncExternalStore } from 'react';
import type { PlaygroundMachine } from './machine/playground-machine.js';
import type { MachineStatus } from './machine/status.js';

const NO_MACHINE: MachineStatus = { kind: 'idle' };

export function useMachineStatus(machine: PlaygroundMachine | null): MachineStatus {
  const subscribe = useCallback(
    (onChange: () => void) => (machine ? machine.onStatusChange(onChange) : () => {}),
    [machine],
  );
  return useSyncExternalStore(subscribe, () => machine?.status ?? NO_MACHINE);
}
