/**
 * @fileoverview The in-kernel unit tests, all of them: `test=unit` on the
 * boot command line runs `unitTestMain` as a task (scenarios/index.ts), which
 * prints `[ok]`/`[failed]` per test and exits the emulator (runner.ts).
 */
import { UnitTest, runUnitTests } from "./runner";
import { KERNEL_TESTS } from "./kernel-tests";
import { SHELL_TESTS } from "./shell-tests";
import { INTROSPECTION_TESTS } from "./introspection-tests";

/** Task entry for `test=unit`. */
export function unitTestMain(argument: i32): void {
  runUnitTests(KERNEL_TESTS.concat(SHELL_TESTS).concat(INTROSPECTION_TESTS));
}
