/**
 * @fileoverview Scenario `sleep`: sleeps of several lengths, each measured in
 * timer ticks against what it asked for, and a sleeper task woken on time
 * while another task waits for it in `join`.
 */
import { PRIORITY_NORMAL } from "../config";
import { print } from "../console";
import { join, millisecondsToTicks, sleep, spawn, uptimeTicks } from "../scheduler/index";
import { scenarioDone } from "./index";

function sleepFor(ms: i32): void {
  sleep(<u32>ms);
}

function measureSleep(ms: u32): void {
  const before = uptimeTicks();
  sleep(ms);
  const took = uptimeTicks() - before;
  print("sleep: " + ms.toString() + " ms expected " + millisecondsToTicks(ms).toString()
    + " ticks took " + took.toString() + "\n");
}

export function sleepScenario(argument: i32): void {
  measureSleep(10);
  measureSleep(100);
  measureSleep(250);
  const before = uptimeTicks();
  const sleeper = spawn("sleeper", sleepFor, 200, PRIORITY_NORMAL);
  const code = join(sleeper);
  print("sleep: joined sleeper after " + (uptimeTicks() - before).toString() + " ticks, exit code "
    + code.toString() + "\n");
  scenarioDone();
}
