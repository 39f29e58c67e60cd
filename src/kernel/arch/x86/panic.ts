/**
 * @fileoverview When kernel code gives up. `kernelAbort` is AssemblyScript's
 * `abort` for the kernel (asc `--use abort=arch/x86/panic/kernelAbort`): a
 * failed `assert`, a `throw`, an allocation failure. It reports and kills the
 * running task, like an exception. `panic` is for states nothing can recover
 * from: it reports and halts the machine.
 */
import { print } from "../../console";
import { haltForever } from "./power";
import { killFaultingTask } from "../../scheduler/fault";

/** Exit code of a task ended by an abort. */
@inline const ABORT_EXIT_CODE: i32 = 134; // 128 + SIGABRT, as a shell shows it

export function kernelAbort(message: string | null, fileName: string | null, line: u32, column: u32): void {
  const what = message ? message : "abort";
  const where = fileName ? fileName + ":" + line.toString() + ":" + column.toString() : "?";
  killFaultingTask("!!! abort: " + what + "\n    in " + where + "\n    ", ABORT_EXIT_CODE);
}

/** Prints `message` and stops the machine for good. */
export function panic(message: string): void {
  print("!!! panic: " + message + "\n");
  haltForever();
}
