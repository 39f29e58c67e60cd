/**
 * @fileoverview The kernel's side of translator traps (docs/intrinsics.md,
 * "Kernel traps"): wasm traps (unreachable, integer divide by zero, integer
 * overflow, a bad indirect call, call stack exhausted…) call the exported
 * `trap_handler` instead of ending the machine. It reports like an exception
 * (a divide by zero *is* vector 0, Divide Error) and kills the task.
 */
import { cString } from "./source-lines";
import { FAULT_EXIT_CODE_BASE } from "./exceptions";
import { killFaultingTask } from "../../scheduler/fault";

@inline const TRAP_INTEGER_DIVIDE_BY_ZERO: i32 = 1;
@inline const DIVIDE_ERROR: i32 = 0;

const TRAP_NAMES: StaticArray<string> = [
  "unreachable", "integer divide by zero", "integer overflow", "undefined element", "uninitialized element",
  "indirect call type mismatch", "call stack exhausted", "out of bounds memory access", "out of bounds table access",
];

function trapName(kind: i32): string {
  return kind >= 0 && kind < TRAP_NAMES.length ? TRAP_NAMES[kind] : "trap " + kind.toString();
}

/** Called by the translator's trap code with C strings (`location` 0 when unknown). Never returns. */
export function trap_handler(kind: i32, functionName: usize, location: usize): void {
  const headline = kind == TRAP_INTEGER_DIVIDE_BY_ZERO
    ? "!!! exception 0 Divide Error (" + trapName(kind) + ")"
    : "!!! trap: " + trapName(kind);
  const where = location != 0 ? cString(functionName) + " (" + cString(location) + ")" : cString(functionName);
  const code = kind == TRAP_INTEGER_DIVIDE_BY_ZERO ? FAULT_EXIT_CODE_BASE + DIVIDE_ERROR : FAULT_EXIT_CODE_BASE + 32 + kind;
  killFaultingTask(headline + "\n    in " + where + "\n    ", code);
}
