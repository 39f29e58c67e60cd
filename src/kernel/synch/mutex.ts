/**
 * @fileoverview A blocking mutual-exclusion lock: a semaphore of one unit that
 * remembers its owner, so that unlocking someone else's mutex is caught.
 * (A task killed while holding it leaves it locked, as in most kernels.)
 */
import { Semaphore } from "./semaphore";
import { currentTask } from "../scheduler/scheduler";

@inline const NO_OWNER: i32 = -1;

export class Mutex {
  private readonly semaphore: Semaphore = new Semaphore(1);
  private ownerId: i32 = NO_OWNER;

  lock(): void {
    this.semaphore.wait();
    this.ownerId = currentTask().id;
  }

  unlock(): void {
    assert(this.ownerId == currentTask().id, "mutex unlocked by a task that does not hold it");
    this.ownerId = NO_OWNER;
    this.semaphore.signal();
  }

  /** Id of the task holding it, or -1. */
  get owner(): i32 { return this.ownerId; }
}
