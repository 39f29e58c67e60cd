/**
 * @fileoverview A test kernel for the kernel-trap hooks: an exported
 * `trap_handler` receives translator traps (divide by zero, stack exhaustion
 * under a per-task `set_stack_limit`) instead of the machine exiting, and
 * `source_table()` names the function and line of an interrupted EIP.
 * trap-hooks.test.ts compares the COM1 lines with the expected ones.
 */
import { initial_context, int, set_stack_limit, source_table, stack_limit, switch_context } from "./intrinsics";
import { loadGdt, loadIdt } from "./descriptor-tables";

@external("env", "putc") declare function putc(c: i32): void;
@external("env", "exit") declare function exit(code: i32): void;

function print(text: string): void {
  for (let i = 0; i < text.length; i++) putc(text.charCodeAt(i));
}

function printCstr(address: usize): void {
  while (load<u8>(address) != 0) putc(load<u8>(address++));
}

// --- where an address comes from ----------------------------------------
function printSourceOf(eip: u32): void {
  const table = source_table();
  const count = load<u32>(table);
  let best: usize = 0;
  for (let i: u32 = 0; i < count; i++) {
    const entry = table + 4 + <usize>i * 16;
    if (load<u32>(entry) <= eip) best = entry;
  }
  printCstr(load<u32>(best, 4));
  print(" (");
  printCstr(load<u32>(best, 8));
  print(":" + load<u32>(best, 12).toString() + ")");
}

export function interrupt_handler(vector: i32, frame: usize): void {
  print("int " + vector.toString() + " at ");
  printSourceOf(load<u32>(frame, 40) - 1); // the saved EIP follows the 1-byte int3
  print("\n");
}

function breakHere(): void {
  int(3); // BREAKPOINT LINE
}

// --- a task that traps, and the handler that ends it --------------------
const mainSp = memory.data(4, 4);
const taskSp = memory.data(4, 4);
const taskStack = memory.data(32768, 16);
let bootLimit: usize = 0;

export function trap_handler(kind: i32, functionName: usize, location: usize): void {
  print("trap " + kind.toString() + " in ");
  printCstr(functionName);
  print(" (");
  printCstr(location);
  print(")\n");
  set_stack_limit(bootLimit);
  switch_context(taskSp, load<u32>(mainSp)); // never returns: the task is abandoned
}

/** Where a task that returns normally ends up (called by the runtime's task start). */
export function task_exit(): void {
  set_stack_limit(bootLimit);
  switch_context(taskSp, load<u32>(mainSp));
}

let divisor = 0;
function divide(arg: i32): void {
  print("quotient " + (arg / divisor).toString() + "\n"); // DIVIDE LINE
}

function recurse(depth: i32): i32 {
  return depth == 0 ? 0 : recurse(depth - 1) + 1; // RECURSE LINE
}

function deep(arg: i32): void {
  print("depth " + recurse(arg).toString() + "\n");
}

function runTask(entry: i32, arg: i32): void {
  const sp = initial_context(taskStack + 32768, entry, arg);
  set_stack_limit(taskStack + 16384); // 16 KiB of the 32 KiB below are left for the trap report
  switch_context(mainSp, sp);
}

export function _start(): void {
  bootLimit = stack_limit();
  loadGdt();
  loadIdt();
  breakHere();
  runTask(divide.index, 7);
  print("back after divide\n");
  runTask(deep.index, 10);
  runTask(deep.index, 100000);
  print("back after recursion, limit restored " + (stack_limit() == bootLimit ? "yes" : "no") + "\n");
  exit(0);
}
