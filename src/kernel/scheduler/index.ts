/**
 * @fileoverview The scheduler's public face, what the shell and the system
 * calls use (eduOS-rs's `scheduler` module): task lifecycle, time, and
 * read-only views of the task table and the ready queues.
 *
 *   for (let slot = 0; slot < MAX_TASKS; slot++) { const task = taskAt(slot); if (task) … }
 */
export { Task, TaskEntry, TaskState, stateName } from "./task";
export { TaskQueue } from "./task-queue";
export { findTask, taskAt, taskCount } from "./task-table";
export { contextSwitchCount, currentTask, currentTaskId, readyQueue, yieldCpu } from "./scheduler";
export { exitTask, join, kill, KILLED_EXIT_CODE, spawn, tasksInit } from "./tasks";
export { clockInit, millisecondsToTicks, sleep, timerHz, uptimeTicks } from "./clock";
export { idleLoop } from "./idle";
export { killFaultingTask } from "./fault";
