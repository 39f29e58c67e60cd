/**
 * @fileoverview `ps`: one line per task in the task table — id, name,
 * priority (0 idle … 3 high), state and the timer ticks it has run — then
 * the ready queues, highest priority first, as the scheduler will pick.
 */
import { MAX_TASKS, PRIORITY_COUNT } from "../config";
import { print } from "../console";
import { padLeft, padRight } from "../format";
import { contextSwitchCount, readyQueue, stateName, taskAt, uptimeTicks } from "../scheduler/index";

export function psCommand(args: string[]): void {
  let text = "  id name             prio state        ticks\n";
  for (let slot = 0; slot < MAX_TASKS; slot++) {
    const task = taskAt(slot);
    if (!task) continue;
    text += padLeft(task.id.toString(), 4) + " " + padRight(task.name, 16) + " " + padLeft(task.priority.toString(), 4)
      + " " + padRight(stateName(task.state), 9) + " " + padLeft(task.cpuTicks.toString(), 8) + "\n";
  }
  print(text + readyQueuesLine() + "uptime " + uptimeTicks().toString() + " ticks, "
    + contextSwitchCount().toString() + " context switches\n");
}

/** "ready queues: 3:[] 2:[4 5] 1:[] 0:[0]". */
function readyQueuesLine(): string {
  let line = "ready queues:";
  for (let priority = PRIORITY_COUNT - 1; priority >= 0; priority--) {
    line += " " + priority.toString() + ":[";
    let task = readyQueue(priority).head;
    while (task) {
      line += (task == readyQueue(priority).head ? "" : " ") + task.id.toString();
      task = task.next;
    }
    line += "]";
  }
  return line + "\n";
}
