/**
 * @fileoverview Scenario `crash`: tasks that fault (a divide by zero, a
 * breakpoint exception, a failed assertion, endless recursion into the stack
 * limit) are reported and killed; the
 * scenario task joins each, sees its exit code and goes on.
 */
import { PRIORITY_NORMAL } from "../config";
import { print } from "../console";
import { raiseBreakpoint } from "../arch/x86/cpu";
import { join, spawn, TaskEntry } from "../scheduler/index";
import { scenarioDone } from "./index";

let divisor: i32 = 0;
let quotient: i32 = 0;

function divideByZero(dividend: i32): void {
  quotient = dividend / divisor;
}

function breakpoint(argument: i32): void {
  raiseBreakpoint();
}

function failedAssertion(argument: i32): void {
  assert(argument == 0, "argument must be zero");
}

/** Recurses until the stack limit stops it (the addition keeps it from becoming a loop). */
function recurse(depth: i32): i32 {
  return depth == -1 ? 0 : recurse(depth + 1) + 1;
}

function stackOverflow(argument: i32): void {
  quotient = recurse(argument);
}

function crash(name: string, entry: TaskEntry): void {
  const code = join(spawn(name, entry, 7, PRIORITY_NORMAL));
  print("crash: " + name + " exit code " + code.toString() + "\n");
}

export function crashScenario(argument: i32): void {
  crash("crash-div", divideByZero);
  crash("crash-int3", breakpoint);
  crash("crash-assert", failedAssertion);
  crash("crash-stack", stackOverflow);
  print("crash: kernel alive\n");
  scenarioDone();
}
