/**
 * @fileoverview A task's life: spawn (stacks from the heap, a first frame that
 * enters `taskEntry`), exit, join, kill, and the release of a finished task's
 * memory. The boot flow becomes task 0, the idle task (see idle.ts).
 */
import { PRIORITY_HIGH, PRIORITY_IDLE, PRIORITY_LOW, SHADOW_STACK_SIZE, STACK_MARGIN, TASK_STACK_SIZE } from "../config";
import { disableInterrupts, restoreInterrupts } from "../arch/x86/interrupt-flag";
import { prepareStack } from "../arch/x86/context-switch";
import { currentStackLimit } from "../arch/x86/cpu";
import { Task, TaskEntry, TaskState } from "./task";
import { addTask, findTask, newTaskId, removeTask, tableHasRoom } from "./task-table";
import { stackRootsInit } from "./stack-roots";
import { rawAlloc, rawFree } from "../mm/index";
import { blockCurrent, currentTask, finishCurrent, makeReady, reapFinished, schedulerInit, wakeTask } from "./scheduler";

/** Exit code of a task ended by `kill`. */
export const KILLED_EXIT_CODE: i32 = -1;

function neverCalled(argument: i32): void {}

/** Turns the running boot flow into task 0 ("idle", priority 0) on the boot stack and shadow stack. */
export function tasksInit(): void {
  const boot = new Task(newTaskId(), "idle", PRIORITY_IDLE, neverCalled, 0, 0, 0, currentStackLimit(),
    __data_end, __heap_base);
  addTask(boot);
  schedulerInit(boot, releaseTask);
  stackRootsInit();
}

/**
 * Starts `entry(argument)` as a new task at `priority` (PRIORITY_LOW …
 * PRIORITY_HIGH); it runs at once if it outranks the caller. Returns its id,
 * or -1 when the task table is full.
 */
export function spawn(name: string, entry: TaskEntry, argument: i32, priority: i32): i32 {
  if (!tableHasRoom()) return -1;
  const rank = priority < PRIORITY_LOW ? PRIORITY_LOW : priority > PRIORITY_HIGH ? PRIORITY_HIGH : priority;
  const stackBase = rawAlloc(TASK_STACK_SIZE);
  const shadowBase = rawAlloc(SHADOW_STACK_SIZE);
  const task = new Task(newTaskId(), name, rank, entry, argument, stackBase, TASK_STACK_SIZE,
    stackBase + STACK_MARGIN, shadowBase, shadowBase + SHADOW_STACK_SIZE);
  task.saved.machineSp = prepareStack(stackBase + TASK_STACK_SIZE, taskEntry.index, task.id);
  addTask(task);
  wakeTask(task);
  return task.id;
}

/**
 * Every task's first function (the scheduler switched here with interrupts
 * off): free what finished tasks left, enable interrupts, run the entry, exit.
 */
function taskEntry(id: i32): void {
  reapFinished();
  restoreInterrupts(true);
  const task = currentTask();
  const entry = task.entry;
  entry(task.argument);
  exitTask(0);
}

/** Ends the running task with `code`; wakes its joiners. Never returns. */
export function exitTask(code: i32): void {
  disableInterrupts();
  const task = currentTask();
  task.exitCode = code;
  wakeJoiners(task);
  finishCurrent();
}

/** Waits until task `id` finishes; its exit code, or -1 if there is no such task (or it is already gone). */
export function join(id: i32): i32 {
  const wereEnabled = disableInterrupts();
  const task = findTask(id);
  let code = -1;
  if (task && task != currentTask()) {
    if (task.state != TaskState.Finished) blockCurrent(task.joiners, TaskState.Blocked);
    code = task.exitCode;
  }
  restoreInterrupts(wereEnabled);
  return code;
}

/** Ends task `id` wherever it is (ready, blocked, sleeping, or the caller itself). False if not found or idle. */
export function kill(id: i32): bool {
  const wereEnabled = disableInterrupts();
  const task = findTask(id);
  if (!task || task.priority == PRIORITY_IDLE || task.state == TaskState.Finished) {
    restoreInterrupts(wereEnabled);
    return false;
  }
  if (task == currentTask()) exitTask(KILLED_EXIT_CODE);
  const queue = task.queue;
  if (queue) queue.remove(task);
  task.state = TaskState.Finished;
  task.exitCode = KILLED_EXIT_CODE;
  wakeJoiners(task);
  releaseTask(task); // not running, so its stack is free to go now
  restoreInterrupts(wereEnabled);
  return true;
}

function wakeJoiners(task: Task): void {
  for (let joiner = task.joiners.pop(); joiner; joiner = task.joiners.pop()) makeReady(joiner);
}

/** Returns a finished task's stacks to the heap and frees its table slot. */
function releaseTask(task: Task): void {
  removeTask(task);
  rawFree(task.stackBase);
  rawFree(task.shadowBase);
}
