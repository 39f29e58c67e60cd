/**
 * @fileoverview `crash <div|ptr|stack>`: runs a task that faults on purpose
 * and waits for it. The kernel reports the fault (vector or trap, the
 * function and source line, the task) and kills only that task; the shell
 * then prints the exit code and goes on.
 *   div    integer division by zero      → exception 0, Divide Error
 *   ptr    a write to unmapped memory    → exception 14, Page Fault (cr2 = the address)
 *   stack  unbounded recursion           → trap "call stack exhausted" (the stack limit)
 */
import { PRIORITY_NORMAL } from "../config";
import { print } from "../console";
import { hex } from "../format";
import { join, spawn, TaskEntry } from "../scheduler/index";

/** Nothing is mapped here: above the demand region (1–2 GiB) and all RAM. */
@inline export const BAD_POINTER: usize = 0xdeadb000;

/** Zero, but the compiler cannot know that it stays zero. */
let divisor: i32 = 0;
let quotient: i32 = 0;

function divideByZero(dividend: i32): void {
  quotient = dividend / divisor;
}

function badPointer(argument: i32): void {
  writeThroughBadPointer(BAD_POINTER);
}

@unsafe("writes through a pointer to unmapped memory, on purpose")
function writeThroughBadPointer(address: usize): void {
  store<u32>(address, 0xdead);
}

function stackOverflow(argument: i32): void {
  quotient = recurse(argument);
}

/** Calls itself without end: every call takes stack until the prologue check stops it. */
function recurse(depth: i32): i32 {
  return recurse(depth + 1) + depth;
}

export function crashCommand(args: string[]): void {
  const kind = args.length == 1 ? args[0] : "";
  if (kind == "div") runCrash("crash-div", divideByZero);
  else if (kind == "ptr") runCrash("crash-ptr", badPointer);
  else if (kind == "stack") runCrash("crash-stack", stackOverflow);
  else print("usage: crash div|ptr|stack   (divide by zero, write to " + hex(<u32>BAD_POINTER) + ", stack overflow)\n");
}

function runCrash(name: string, entry: TaskEntry): void {
  const id = spawn(name, entry, 7, PRIORITY_NORMAL);
  if (id < 0) {
    print("crash: the task table is full\n");
    return;
  }
  const code = join(id);
  print("crash: task " + id.toString() + " \"" + name + "\" ended with exit code " + code.toString()
    + "; the kernel goes on\n");
}
