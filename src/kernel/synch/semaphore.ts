/**
 * @fileoverview A counting semaphore whose waiters block (they leave the
 * CPU instead of spinning). `signal` hands a unit straight to the first waiter,
 * which runs at once if it outranks the signaller; interrupt handlers may
 * signal (the console's input ring does).
 */
import { disableInterrupts, restoreInterrupts } from "../arch/x86/interrupt-flag";
import { TaskQueue } from "../scheduler/task-queue";
import { TaskState } from "../scheduler/task";
import { blockCurrent, wakeTask } from "../scheduler/scheduler";

export class Semaphore {
  private readonly waiters: TaskQueue = new TaskQueue();

  constructor(private count: i32) {}

  /** Takes a unit, blocking until one is available. */
  wait(): void {
    const wereEnabled = disableInterrupts();
    if (this.count > 0) this.count--;
    else blockCurrent(this.waiters, TaskState.Blocked); // `signal` hands us the unit
    restoreInterrupts(wereEnabled);
  }

  /** Takes a unit if one is available, without blocking. */
  tryWait(): bool {
    const wereEnabled = disableInterrupts();
    const taken = this.count > 0;
    if (taken) this.count--;
    restoreInterrupts(wereEnabled);
    return taken;
  }

  /** Returns a unit: to the first waiter if there is one. */
  signal(): void {
    const wereEnabled = disableInterrupts();
    const waiter = this.waiters.pop();
    if (waiter) wakeTask(waiter);
    else this.count++;
    restoreInterrupts(wereEnabled);
  }

  get value(): i32 { return this.count; }
  get waiting(): i32 { return this.waiters.length; }
}
