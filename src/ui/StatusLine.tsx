/**
 * @fileoverview The machine's status in one line: loading, running, halted
 * with its exit code, or what went wrong.
 *
 * Pipeline place: part of the page header (`App.tsx`); reads the status that
 * `useMachineStatus` takes from the machine. Errors are announced as alerts.
 */

import { describeStatus, type MachineStatus } from './machine/status.js';

export function StatusLine({ status }: { status: MachineStatus }) {
  const isError = status.kind === 'error';
  return (
    <p
      className={`status status-${status.kind}`}
      data-testid="status"
      data-status={status.kind}
      role={isError ? 'alert' : 'status'}
    >
      {describeStatus(status)}
    </p>
  );
}
