/**
 * @fileoverview What happens to a task that faults (a CPU exception, a
 * translator trap, an AssemblyScript abort): the report is printed with the
 * task named, and the task is killed while the kernel goes on. A fault in
 * the idle task, which is also the boot flow, leaves nothing to go on with:
 * the machine halts.
 */
import { print } from "../console";
import { haltForever } from "../arch/x86/power";
import { PRIORITY_IDLE } from "../config";
import { currentTask } from "./scheduler";
import { exitTask } from "./tasks";

/**
 * Prints `report` (whose last line is still open) followed by
 * `task <id> "<name>" killed`, then ends the running task with `exitCode`.
 */
export function killFaultingTask(report: string, exitCode: i32): void {
  const task = currentTask();
  const who = "task " + task.id.toString() + " \"" + task.name + "\"";
  if (task.priority == PRIORITY_IDLE) {
    print(report + who + " (idle/boot): halting\n");
    haltForever();
  }
  print(report + who + " killed\n");
  exitTask(exitCode);
}
