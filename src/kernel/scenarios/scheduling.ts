/**
 * @fileoverview Scenario `sched`: two busy tasks of equal priority both make
 * progress under preemption (round robin), and a busy task of higher priority
 * starves a lower one.
 */
import { PRIORITY_LOW, PRIORITY_NORMAL } from "../config";
import { print } from "../console";
import { kill, sleep, spawn } from "../scheduler/index";
import { scenarioDone } from "./index";

const counters = new StaticArray<u32>(4);

/** Counts as fast as it can in counters[slot]; only preemption takes the CPU away. */
function busy(slot: i32): void {
  while (true) counters[slot] = counters[slot] + 1;
}

function measure(firstPriority: i32, secondPriority: i32, ms: u32): void {
  counters[0] = 0;
  counters[1] = 0;
  const first = spawn("busy-a", busy, 0, firstPriority);
  const second = spawn("busy-b", busy, 1, secondPriority);
  sleep(ms);
  const a = counters[0];
  const b = counters[1];
  kill(first);
  kill(second);
  print("sched: priorities " + firstPriority.toString() + "," + secondPriority.toString()
    + " counts " + a.toString() + "," + b.toString() + "\n");
}

export function schedulingScenario(argument: i32): void {
  measure(PRIORITY_NORMAL, PRIORITY_NORMAL, 300);
  measure(PRIORITY_NORMAL, PRIORITY_LOW, 300);
  scenarioDone();
}
