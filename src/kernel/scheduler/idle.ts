/**
 * @fileoverview The idle task's work: halt until the next interrupt, forever.
 * It runs only when no other task is ready (priority 0), and it never blocks,
 * so the scheduler always has a task to run.
 */
import { waitForInterrupt } from "../arch/x86/cpu";

/** The boot flow ends here, as the idle task. */
export function idleLoop(): void {
  while (true) waitForInterrupt();
}
