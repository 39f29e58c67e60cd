/**
 * @fileoverview When a boot has got somewhere: the kernel's first byte on
 * COM1, the machine halting, stopping or failing, or a silent kernel having
 * run for a grace period — and the browser has painted a frame since, so
 * the page shows it. Work that is not needed to see the kernel start (the
 * editor, the panels, xterm.js, the image's debug information) waits for
 * it, so it does not compete with the boot, or with the frame that shows
 * the kernel's first words, for the page's one thread.
 *
 * Pipeline place: `App.tsx` (loading the editor, mounting the panel dock),
 * `SerialTerminal.tsx` (loading xterm.js) and `build-session.ts` (loading a
 * prebuilt image's debug JSON) wait for it; it only listens to `Machine`'s
 * events.
 */
import type { PlaygroundMachine } from './playground-machine.js';
import type { MachineStatusKind } from './status.js';

/** How long a kernel that runs but prints nothing is waited for. */
export const SILENT_KERNEL_GRACE_MS = 1500;

/** How long a frame is waited for at most: a hidden tab paints none. */
const FRAME_WAIT_LIMIT_MS = 500;

/**
 * Resolves when `machine`'s current boot has printed, ended or run silently
 * for `graceMs`, and a frame has been painted since; `cancel` stops waiting
 * (the promise then never resolves).
 */
export function firstOutput(machine: PlaygroundMachine, graceMs = SILENT_KERNEL_GRACE_MS): { done: Promise<void>; cancel: () => void } {
  let cancelled = false;
  let stopListening = () => {};
  const done = new Promise<void>((resolve) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const finish = () => {
      stopListening();
      afterNextPaint(() => {
        if (!cancelled) resolve();
      });
    };
    const onStatus = (kind: MachineStatusKind) => {
      if (kind === 'running') timer ??= setTimeout(finish, graceMs);
      else if (kind !== 'idle' && kind !== 'loading') finish();
    };
    const unsubscribeStatus = machine.onStatusChange((status) => onStatus(status.kind));
    const unsubscribeSerial = machine.onSerialByte(finish);
    stopListening = () => {
      clearTimeout(timer);
      unsubscribeStatus();
      unsubscribeSerial();
    };
    if (machine.serialText()) finish();
    else onStatus(machine.status.kind);
  });
  const cancel = () => {
    cancelled = true;
    stopListening();
  };
  return { done, cancel };
}

/**
 * Calls `then` once the browser has painted a frame after this call: an
 * animation frame callback runs just before the frame is painted, a task it
 * queues runs after. Where no frame comes (Node; a hidden tab) it goes ahead
 * after FRAME_WAIT_LIMIT_MS.
 */
function afterNextPaint(then: () => void): void {
  if (typeof requestAnimationFrame !== 'function') return then();
  let called = false;
  const once = () => {
    if (called) return;
    called = true;
    clearTimeout(limit);
    then();
  };
  const limit = setTimeout(once, FRAME_WAIT_LIMIT_MS);
  requestAnimationFrame(() => setTimeout(once, 0));
}
