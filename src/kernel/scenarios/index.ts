/**
 * @fileoverview Scripted scenarios for the Node tests: `test=NAME` on the boot
 * command line runs scenario NAME in a high-priority task instead of the
 * shell; it prints its findings on COM1 as `NAME: …` lines and ends the run
 * through port 0xf4 (test/kernel/*.test.ts read them). `mm` and `unit` are
 * the memory manager's self-test and the in-kernel unit tests.
 */
import { PRIORITY_HIGH } from "../config";
import { print } from "../console";
import { exitEmulator } from "../arch/x86/power";
import { spawn, TaskEntry } from "../scheduler/index";
import { schedulingScenario } from "./scheduling";
import { sleepScenario } from "./sleeping";
import { syscallScenario } from "./syscalls";
import { crashScenario } from "./crashes";
import { memoryScenario } from "../mm/selftest";
import { unitTestMain } from "../tests/index";

@inline const UNKNOWN_SCENARIO_EXIT_CODE: u8 = 2;

function scenarioNamed(name: string): TaskEntry | null {
  if (name == "sched") return schedulingScenario;
  if (name == "sleep") return sleepScenario;
  if (name == "syscall") return syscallScenario;
  if (name == "crash") return crashScenario;
  if (name == "mm") return memoryScenario;       // K2's memory self-test
  if (name == "unit") return unitTestMain;       // the in-kernel unit tests
  return null;
}

/** Starts scenario `name`; an unknown name ends the run with exit code 2. */
export function runScenario(name: string): void {
  const scenario = scenarioNamed(name);
  if (!scenario) {
    print("test: no scenario \"" + name + "\"\n");
    exitEmulator(UNKNOWN_SCENARIO_EXIT_CODE);
    return;
  }
  spawn("test-" + name, scenario, 0, PRIORITY_HIGH);
}

/** Ends a scenario: the run's exit code is 0. */
export function scenarioDone(): void {
  exitEmulator(0);
}
