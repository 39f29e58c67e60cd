/**
 * @fileoverview The core scheduler: which task runs. One FIFO ready queue per
 * priority; the highest non-empty one supplies the next task, round robin
 * within it (a task that used up its quantum goes to the back). A task that
 * becomes ready with a higher priority than the running one preempts it at
 * once. The idle task (priority 0) never blocks, so there is always a task.
 *
 * Every function here runs with interrupts off for its critical part: on one
 * CPU that is the lock (xv6 keeps the saved interrupt flag per task the same
 * way: in a local of the switching function, on the task's own stack).
 */
import { PRIORITY_COUNT, QUANTUM_TICKS } from "../config";
import { disableInterrupts, restoreInterrupts } from "../arch/x86/interrupt-flag";
import { switchStacks } from "../arch/x86/context-switch";
import { Task, TaskState } from "./task";
import { TaskQueue } from "./task-queue";
import { recordContextSwitch } from "../introspection/index";

const readyQueues = new StaticArray<TaskQueue>(PRIORITY_COUNT);
for (let priority = 0; priority < PRIORITY_COUNT; priority++) readyQueues[priority] = new TaskQueue();

let current: Task | null = null;
/**
 * The running task's id, kept beside `current` at every switch: getpid reads
 * one word, as HermitCore reads its per-core task id, without touching the
 * task object (a reference, which costs a shadow-stack slot to hold).
 */
let currentId: i32 = 0;
let quantumLeft: i32 = QUANTUM_TICKS;
/** Context switches so far. */
let switches: u64 = 0;
/** Finished tasks whose stacks wait to be freed by the next task (never on their own stack). */
const finishedTasks = new TaskQueue();
/** Frees a finished task's stacks and table slot (tasks.ts installs it). */
let releaseFinished: (task: Task) => void = (task: Task): void => {};

/** Makes the code running now (the boot flow) the task `boot`. */
export function schedulerInit(boot: Task, release: (task: Task) => void): void {
  boot.state = TaskState.Running;
  current = boot;
  currentId = boot.id;
  releaseFinished = release;
}

/** The running task. */
export function currentTask(): Task {
  return current!;
}

/** The running task's id. */
export function currentTaskId(): i32 {
  return currentId;
}

export function contextSwitchCount(): u64 {
  return switches;
}

/** The ready queue of `priority`, for listings (not to be changed from outside). */
export function readyQueue(priority: i32): TaskQueue {
  return readyQueues[priority];
}

/** Puts `task` at the back of its ready queue; no switch. Interrupts must be off. */
export function makeReady(task: Task): void {
  task.state = TaskState.Ready;
  readyQueues[task.priority].push(task);
}

/** Makes `task` ready; it runs at once if it outranks the running task. */
export function wakeTask(task: Task): void {
  const wereEnabled = disableInterrupts();
  makeReady(task);
  reschedule(false);
  restoreInterrupts(wereEnabled);
}

/** The running task waits in `queue` (null: in none, e.g. sleeping) until someone makes it ready. */
export function blockCurrent(queue: TaskQueue | null, state: TaskState): void {
  const wereEnabled = disableInterrupts();
  const task = current!;
  task.state = state;
  if (queue) queue.push(task);
  reschedule(true);
  restoreInterrupts(wereEnabled);
}

/** Gives the CPU to the next ready task of the same or a higher priority, if any. */
export function yieldCpu(): void {
  const wereEnabled = disableInterrupts();
  reschedule(true);
  restoreInterrupts(wereEnabled);
}

/** The running task is done: it leaves the CPU for good and is reaped by the next one. */
export function finishCurrent(): void {
  disableInterrupts();
  const task = current!;
  task.state = TaskState.Finished;
  finishedTasks.push(task);
  reschedule(true);
}

/** Timer tick (interrupts off): round robin when the quantum is used up; priority preemption always. */
export function preemptOnTick(): void {
  quantumLeft--;
  reschedule(quantumLeft <= 0);
}

/** Frees the stacks of tasks that finished on another stack. Interrupts must be off. */
export function reapFinished(): void {
  for (let task = finishedTasks.pop(); task; task = finishedTasks.pop()) releaseFinished(task);
}

function highestReadyPriority(): i32 {
  for (let priority = PRIORITY_COUNT - 1; priority >= 0; priority--) {
    if (!readyQueues[priority].isEmpty) return priority;
  }
  return -1;
}

/**
 * Picks the next task and switches to it. A running task keeps the CPU unless
 * a ready task outranks it, or (`rotate`) one of equal rank is waiting.
 */
function reschedule(rotate: bool): void {
  const running = current!;
  const best = highestReadyPriority();
  if (running.state == TaskState.Running) {
    if (best < running.priority || (best == running.priority && !rotate)) return;
    makeReady(running);
  }
  quantumLeft = QUANTUM_TICKS;
  const next = readyQueues[best].pop()!;
  next.state = TaskState.Running;
  if (next != running) switchTo(running, next);
}

/** Leaves `previous` and continues `next`: machine stack, shadow stack and stack limit together. */
function switchTo(previous: Task, next: Task): void {
  current = next;
  currentId = next.id;
  switches++;
  recordContextSwitch(previous.id, next.id, changetype<usize>(next));
  switchStacks(changetype<usize>(previous.saved), changetype<usize>(next.saved));
  reapFinished(); // back in `previous`, on its own stack
}
