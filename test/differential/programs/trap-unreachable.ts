// A trap: `unreachable()` on a known line (line 11) three calls deep in a
// recursive function (recursion keeps it a function of its own at every
// optimize level). The exit code is 101 and "not reached" is never printed.
import { println, showI32 } from "../lib/io";

let depth: i32 = 0;

function descend(level: i32): i32 {
  depth = level;
  if (level == 3) {
    println("at the bottom"); unreachable();
  }
  return descend(level + 1) + 1;
}

export function _start(): void {
  showI32("depth before", depth);
  showI32("result", descend(0));
  println("not reached");
}
