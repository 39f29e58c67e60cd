/**
 * @fileoverview The shell's command table: every command with its usage and
 * one line of help, in the order `help` lists them. The bigger commands live
 * in a file each (ps.ts, mem.ts, idt.ts, pt.ts, crash.ts); the small ones
 * are here.
 */
import { PRIORITY_NORMAL } from "../config";
import { print } from "../console";
import { padRight } from "../format";
import { join, kill, spawn } from "../scheduler/index";
import { collectGarbage, heapStats } from "../mm/index";
import { runBenchmarks } from "../bench/index";
import { Command } from "./command";
import { psCommand } from "./ps";
import { memCommand } from "./mem";
import { idtCommand } from "./idt";
import { ptCommand } from "./pt";
import { crashCommand } from "./crash";
import { DEMO_NAMES, startDemo } from "./demos";
import { parseNumber } from "./words";

/** Built on first use: `help` lists the table, so the table cannot name `help` in its own initializer. */
let table: Command[] | null = null;

/** Every command, in the order `help` lists them. */
export function commandTable(): Command[] {
  if (!table) {
    table = [
      new Command("help", "", "this list", helpCommand),
      new Command("ps", "", "tasks: id, name, priority, state, CPU ticks; the ready queues", psCommand),
      new Command("mem", "", "page frames, kernel heap and demand paging figures", memCommand),
      new Command("idt", "[all]", "interrupt vectors: name, gate address, handler", idtCommand),
      new Command("pt", "<address>", "walk the page tables for an address", ptCommand),
      new Command("bench", "", "Table 3 micro-benchmarks (cycles) beside the paper's", benchCommand),
      new Command("spawn", "<demo>", "start a demo: " + DEMO_NAMES.join(", "), spawnCommand),
      new Command("kill", "<id>", "end a task", killCommand),
      new Command("gc", "", "collect garbage now", gcCommand),
      new Command("crash", "div|ptr|stack", "run a task that faults; the kernel reports it and goes on", crashCommand),
    ];
  }
  return table!;
}

/** The command named `name`, or null. */
export function findCommand(name: string): Command | null {
  const commands = commandTable();
  for (let index = 0; index < commands.length; index++) {
    if (commands[index].name == name) return commands[index];
  }
  return null;
}

function helpCommand(args: string[]): void {
  const commands = commandTable();
  let text = "";
  for (let index = 0; index < commands.length; index++) {
    const command = commands[index];
    text += "  " + padRight(command.name + " " + command.usage, 22) + command.summary + "\n";
  }
  print(text);
}

function spawnCommand(args: string[]): void {
  if (args.length != 1 || !startDemo(args[0])) print("usage: spawn <demo>   demos: " + DEMO_NAMES.join(", ") + "\n");
}

function killCommand(args: string[]): void {
  const id = args.length == 1 ? parseNumber(args[0]) : -1;
  if (id < 0) {
    print("usage: kill <id>\n");
    return;
  }
  print(kill(<i32>id) ? "killed task " + id.toString() + "\n" : "kill: no task " + id.toString() + " (or it is idle)\n");
}

function gcCommand(args: string[]): void {
  const before = heapStats();
  collectGarbage();
  const after = heapStats();
  print("gc: heap used " + before.used.toString() + " -> " + after.used.toString() + " bytes, "
    + after.managedObjects.toString() + " objects, " + after.collections.toString() + " collections\n");
}

/** Runs the benchmarks in a task of normal priority (below the shell), so thread creation can preempt it. */
function benchCommand(args: string[]): void {
  const id = spawn("bench", runBenchmarks, 0, PRIORITY_NORMAL);
  if (id < 0) print("bench: the task table is full\n");
  else join(id);
}
