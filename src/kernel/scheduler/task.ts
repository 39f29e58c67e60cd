/**
 * @fileoverview A task (thread of the single kernel address space) and the
 * states it moves through:
 *
 *   spawn → READY ⇄ RUNNING → FINISHED (exit, kill, or a fault)
 *                    ↓    ↑
 *           BLOCKED / SLEEPING (semaphore, join / sleep until a tick)
 *
 * A task that is not running is in at most one TaskQueue (a ready queue, a
 * semaphore's waiters, another task's joiners), linked through `next`.
 * Sleeping tasks are in no queue: the clock scans for them.
 */
import { TaskQueue } from "./task-queue";
import { SavedStacks } from "../arch/x86/context-switch";

export enum TaskState {
  Ready = 0,
  Running = 1,
  Blocked = 2,
  Sleeping = 3,
  Finished = 4,
}

export type TaskEntry = (argument: i32) => void;

const STATE_NAMES: StaticArray<string> = ["ready", "running", "blocked", "sleeping", "finished"];

export function stateName(state: TaskState): string {
  return STATE_NAMES[<i32>state];
}

export class Task {
  /** Machine and shadow stack pointers while the task is not running, and its stack limit. */
  readonly saved: SavedStacks = new SavedStacks();
  state: TaskState = TaskState.Ready;
  /** Timer ticks the task has run on the CPU. */
  cpuTicks: u64 = 0;
  /** Tick at which a sleeping task becomes ready. */
  wakeTick: u64 = 0;
  /** The argument of `exit`, or the code a kill or fault gives. */
  exitCode: i32 = 0;
  /** Tasks waiting in `join` for this one to finish. */
  readonly joiners: TaskQueue = new TaskQueue();
  /** The queue this task waits in, if any, and its successor there. */
  queue: TaskQueue | null = null;
  next: Task | null = null;

  constructor(
    readonly id: i32,
    readonly name: string,
    /** PRIORITY_IDLE … PRIORITY_HIGH (config.ts). */
    readonly priority: i32,
    readonly entry: TaskEntry,
    readonly argument: i32,
    /** Lowest address of the machine stack (0 for the boot stack, which is not the heap's). */
    readonly stackBase: usize,
    readonly stackSize: usize,
    /** The lowest ESP a prologue accepts on this task's stack. */
    stackLimit: usize,
    /** The shadow stack: [shadowBase, shadowTop), growing down from shadowTop. */
    readonly shadowBase: usize,
    readonly shadowTop: usize,
  ) {
    this.saved.shadowSp = shadowTop;
    this.saved.limit = stackLimit;
  }
}
