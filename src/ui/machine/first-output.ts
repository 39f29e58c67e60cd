/**
 * @fileoverview When a boot has got somewhere: the kernel's first byte on
 * COM1, the machine halting, stopping or failing, or a silent kernel having
 * run for a grace period. Work that is not needed to see the kernel start
 * (the editor, the image's debug information) waits for it, so it does not
 * compete with the boot for the page's one thread.
 *
 * Pipeline place: `App.tsx` (loading the editor) and `build-session.ts`
 * (loading a prebuilt image's debug JSON) wait for it; it only listens to
 * `Machine`'s events.
 */
import type { Machine } from './machine.js';
import type { MachineStatusKind } from './status.js';

/** How long a kernel that runs but prints nothing is waited for. */
export const SILENT_KERNEL_GRACE_MS = 1500;

/**
 * Resolves when `machine`'s current boot has printed, ended or run silently
 * for `graceMs`; `cancel` stops waiting (the promise then never resolves).
 */
export function firstOutput(machine: Machine, graceMs = SILENT_KERNEL_GRACE_MS): { done: Promise<void>; cancel: () => void } {
  let cancel = () => {};
  const done = new Promise<void>((resolve) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const finish = () => {
      cancel();
      resolve();
    };
    const onStatus = (kind: MachineStatusKind) => {
      if (kind === 'running') timer ??= setTimeout(finish, graceMs);
      else if (kind !== 'idle' && kind !== 'loading') finish();
    };
    const unsubscribeStatus = machine.onStatusChange((status) => onStatus(status.kind));
    const unsubscribeSerial = machine.onSerialByte(finish);
    cancel = () => {
      clearTimeout(timer);
      unsubscribeStatus();
      unsubscribeSerial();
    };
    if (machine.serialText()) finish();
    else onStatus(machine.status.kind);
  });
  return { done, cancel: () => cancel() };
}
