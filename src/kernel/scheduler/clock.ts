/**
 * @fileoverview The scheduler's clock: the PIT interrupts TIMER_HZ times a
 * second; each tick charges the running task, wakes sleepers whose time has
 * come, and lets the scheduler preempt. `sleep` is measured in these ticks.
 */
import { pitInit } from "../arch/x86/pit";
import { setIrqHandler } from "../arch/x86/irq";
import { disableInterrupts, restoreInterrupts } from "../arch/x86/interrupt-flag";
import { MAX_TASKS } from "../config";
import { TaskState } from "./task";
import { taskAt } from "./task-table";
import { blockCurrent, currentTask, makeReady, preemptOnTick } from "./scheduler";

@inline const TIMER_IRQ: i32 = 0;

let ticks: u64 = 0;
let ticksPerSecond: u32 = 1;

/** Starts the timer at `hz` ticks per second. */
export function clockInit(hz: u32): void {
  ticksPerSecond = hz;
  pitInit(hz);
  setIrqHandler(TIMER_IRQ, onTimerTick);
}

/** Timer ticks since the clock started. */
export function uptimeTicks(): u64 {
  return ticks;
}

export function timerHz(): u32 {
  return ticksPerSecond;
}

/** Ticks `ms` milliseconds take, rounded up, at least one. */
export function millisecondsToTicks(ms: u32): u64 {
  // In two parts so that u32 arithmetic cannot overflow (hz ≤ 10000).
  const count = (ms / 1000) * ticksPerSecond + ((ms % 1000) * ticksPerSecond + 999) / 1000;
  return count > 0 ? <u64>count : 1;
}

/** The running task sleeps for `ms` milliseconds (at least one tick). */
export function sleep(ms: u32): void {
  const wereEnabled = disableInterrupts();
  const task = currentTask();
  task.wakeTick = ticks + millisecondsToTicks(ms);
  blockCurrent(null, TaskState.Sleeping);
  restoreInterrupts(wereEnabled);
}

function onTimerTick(irq: i32): void {
  ticks++;
  currentTask().cpuTicks++;
  wakeSleepers();
  preemptOnTick();
}

function wakeSleepers(): void {
  for (let slot = 0; slot < MAX_TASKS; slot++) {
    const task = taskAt(slot);
    if (task && task.state == TaskState.Sleeping && task.wakeTick <= ticks) makeReady(task);
  }
}
