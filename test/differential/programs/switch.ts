// switch statements: a dense one (compiled to a jump table, br_table), a
// sparse one (a chain of compares), fall-through between cases, default in
// the middle, and switching on i64 and on strings.
import { exit, print, printI32, println } from "../lib/io";

function dense(value: i32): i32 {
  switch (value) {
    case 0: return 100;
    case 1: return 101;
    case 2: return 102;
    case 3: return 103;
    case 4: return 104;
    case 5: return 105;
    case 6: return 106;
    case 7: return 107;
    default: return -1;
  }
}

function sparse(value: i32): i32 {
  switch (value) {
    case -1000000: return 1;
    case -7: return 2;
    case 0: return 3;
    case 42: return 4;
    case 65536: return 5;
    case 2147483647: return 6;
    default: return 0;
  }
}

/** Counts the cases passed through: each case falls into the next. */
function fallThrough(value: i32): i32 {
  let passed = 0;
  switch (value) {
    case 1: passed++;
    case 2: passed++;
    default: passed += 10;
    case 3: passed++;
      break;
    case 4: passed += 100;
  }
  return passed;
}

function wide(value: i64): i32 {
  switch (value) {
    case 0x100000000: return 1;
    case -0x100000000: return 2;
    case 1: return 3;
    default: return 0;
  }
}

function named(name: string): i32 {
  switch (name) {
    case "red": return 0xff0000;
    case "green": return 0x00ff00;
    case "blue": return 0x0000ff;
    default: return -1;
  }
}

function printRow(label: string, values: i32[]): void {
  print(label);
  print(":");
  for (let index = 0; index < values.length; index++) {
    print(" ");
    printI32(values[index]);
  }
  println();
}

export function _start(): void {
  const denseResults: i32[] = [];
  for (let value = -2; value <= 9; value++) denseResults.push(dense(value));
  printRow("dense -2..9", denseResults);
  const probes: i32[] = [-1000000, -7, 0, 42, 65536, 2147483647, 1, -2147483648, 65537];
  const sparseResults: i32[] = [];
  for (let index = 0; index < probes.length; index++) sparseResults.push(sparse(probes[index]));
  printRow("sparse", sparseResults);
  const fallResults: i32[] = [];
  for (let value = 0; value <= 5; value++) fallResults.push(fallThrough(value));
  printRow("fall-through 0..5", fallResults);
  printRow("i64", [wide(0x100000000), wide(-0x100000000), wide(1), wide(0x100000001), wide(0)]);
  printRow("strings", [named("red"), named("green"), named("blu" + "e"), named("violet")]);
  exit(0);
}
