// A trap: integer division by zero on a known line (line 13, in _start, which
// no optimizer inlines away, so every optimize level reports the same
// function). Output before the trap must appear; the exit code is 101.
import { println, showI32 } from "../lib/io";

let divisor: i32 = 3;
let dividend: i32 = 12;

export function _start(): void {
  showI32("12 / 3", dividend / divisor);
  divisor = 0;
  println("dividing by zero");
  const quotient = dividend / divisor;
  showI32("12 / 0", quotient);
  println("not reached");
}
