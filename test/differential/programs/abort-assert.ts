// An abort: a failing `assert` with a message, on line 14. The env.abort
// import prints "abort: <message> in <file>:<line>:<column>" and the exit
// code is 101.
import { println, showI32 } from "../lib/io";

function checkedSum(values: i32[]): i32 {
  let sum = 0;
  for (let index = 0; index < values.length; index++) sum += values[index];
  return sum;
}

export function _start(): void {
  showI32("sum", checkedSum([1, 2, 3]));
  assert(checkedSum([1, 2, 3]) == 7, "sum is not 7");
  println("not reached");
}
