/**
 * @fileoverview The task table: every live task (ready, running, blocked,
 * sleeping, or finished and not yet reaped) in a fixed array of MAX_TASKS
 * slots, like xv6's proc[NPROC]. Ids count up from 0 (the idle task) and are
 * never reused, so a stale id finds nothing instead of a stranger.
 */
import { MAX_TASKS } from "../config";
import { Task } from "./task";

const slots = new StaticArray<Task | null>(MAX_TASKS);
let nextTaskId: i32 = 0;

/** A fresh task id. */
export function newTaskId(): i32 {
  return nextTaskId++;
}

/** Puts `task` in a free slot; false when the table is full. */
export function addTask(task: Task): bool {
  for (let slot = 0; slot < MAX_TASKS; slot++) {
    if (slots[slot] == null) {
      slots[slot] = task;
      return true;
    }
  }
  return false;
}

/** Takes `task` out of the table. */
export function removeTask(task: Task): void {
  for (let slot = 0; slot < MAX_TASKS; slot++) {
    if (slots[slot] == task) slots[slot] = null;
  }
}

/** Whether another task fits. */
export function tableHasRoom(): bool {
  return taskCount() < MAX_TASKS;
}

/** The task with id `id`, or null (never existed, or finished and reaped). */
export function findTask(id: i32): Task | null {
  for (let slot = 0; slot < MAX_TASKS; slot++) {
    const task = slots[slot];
    if (task && task.id == id) return task;
  }
  return null;
}

/** Slot `slot` (0 … MAX_TASKS-1) of the table: a task or null. For listings: `for (slot…) taskAt(slot)`. */
export function taskAt(slot: i32): Task | null {
  return slot >= 0 && slot < MAX_TASKS ? slots[slot] : null;
}

/** Number of tasks in the table. */
export function taskCount(): i32 {
  let count = 0;
  for (let slot = 0; slot < MAX_TASKS; slot++) if (slots[slot]) count++;
  return count;
}

/** Address of the table itself: MAX_TASKS task pointers (0 = free slot), for the introspection descriptor. */
export function taskTableAddress(): usize {
  return changetype<usize>(slots);
}
