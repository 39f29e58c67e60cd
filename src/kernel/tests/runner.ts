/**
 * @fileoverview The in-kernel unit-test runner (blog_os style): the boot
 * option `test=unit` runs every test in the list (index.ts) inside the real
 * kernel, prints `[ok] name` or `[failed] name` (with the failed checks
 * above it), a summary line, and ends the run through port 0xf4 with 0 only
 * if all passed (1 otherwise). test/kernel/unit.test.ts boots it.
 */
import { print } from "../console";
import { exitEmulator } from "../arch/x86/power";

/** A test: a name and a function that calls `check` for what it asserts. */
export class UnitTest {
  constructor(readonly name: string, readonly run: () => void) {}
}

/** Failed checks in the running test. */
let failedChecks = 0;

/** Records `condition`; when false, prints `what` (say what was expected and what came). */
export function check(condition: bool, what: string): void {
  if (condition) return;
  failedChecks++;
  print("    check failed: " + what + "\n");
}

/** `actual == expected` for strings, printing both when they differ. */
export function checkText(actual: string, expected: string, what: string): void {
  check(actual == expected, what + ": got \"" + actual + "\", expected \"" + expected + "\"");
}

/** `actual == expected` for numbers, printing both when they differ. */
export function checkNumber(actual: i64, expected: i64, what: string): void {
  check(actual == expected, what + ": got " + actual.toString() + ", expected " + expected.toString());
}

/** Runs `tests`, prints the results and exits the emulator: 0 if every test passed, else 1. */
export function runUnitTests(tests: UnitTest[]): void {
  let failed = 0;
  for (let index = 0; index < tests.length; index++) {
    const test = tests[index];
    failedChecks = 0;
    const run = test.run;
    run();
    if (failedChecks > 0) failed++;
    print((failedChecks == 0 ? "[ok] " : "[failed] ") + test.name + "\n");
  }
  print("unit: " + (tests.length - failed).toString() + " passed, " + failed.toString() + " failed\n");
  exitEmulator(failed == 0 ? 0 : 1);
}
