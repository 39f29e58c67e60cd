// Indirect calls (call_indirect): function references in variables, arrays
// and class fields, callbacks passed as arguments, references of different
// signatures in the same table, and a virtual-dispatch-free state machine.
import { exit, println, showI32, showI64 } from "../lib/io";

type BinaryOperation = (left: i32, right: i32) => i32;
type Transform64 = (value: i64) => i64;

function add(left: i32, right: i32): i32 { return left + right; }
function subtract(left: i32, right: i32): i32 { return left - right; }
function multiply(left: i32, right: i32): i32 { return left * right; }
function power(left: i32, right: i32): i32 {
  let result = 1;
  for (let step = 0; step < right; step++) result *= left;
  return result;
}

function double64(value: i64): i64 { return value * 2; }
function negate64(value: i64): i64 { return -value; }
function swapHalves(value: i64): i64 { return rotl<i64>(value, 32); }

/** Applies `operation` across `values` from the left. */
function fold(values: i32[], initial: i32, operation: BinaryOperation): i32 {
  let result = initial;
  for (let index = 0; index < values.length; index++) result = operation(result, values[index]);
  return result;
}

function compose(value: i64, transforms: Transform64[]): i64 {
  for (let index = 0; index < transforms.length; index++) value = transforms[index](value);
  return value;
}

class Button {
  constructor(public label: string, public onPress: (times: i32) => i32) {}
}

function triple(times: i32): i32 { return times * 3; }
function square(times: i32): i32 { return times * times; }

// A traffic light as a table of state functions, each returning the next state.
type State = (tick: i32) => i32;
function red(tick: i32): i32 { return tick % 3 == 2 ? 1 : 0; }
function green(tick: i32): i32 { return tick % 4 == 3 ? 2 : 1; }
function yellow(tick: i32): i32 { return 0; }

export function _start(): void {
  println("-- operations table");
  const operations: BinaryOperation[] = [add, subtract, multiply, power];
  for (let index = 0; index < operations.length; index++) showI32("op(7, 3)", operations[index](7, 3));
  println("-- callbacks");
  const values: i32[] = [1, 2, 3, 4, 5];
  showI32("fold add", fold(values, 0, add));
  showI32("fold multiply", fold(values, 1, multiply));
  showI32("fold subtract", fold(values, 100, subtract));
  showI32("fold with literal", fold(values, 0, (left, right) => left * 10 + right));
  println("-- i64 signature");
  showI64("compose", compose(0x12345678, [double64, swapHalves, negate64]));
  println("-- references in fields");
  const buttons = [new Button("triple", triple), new Button("square", square)];
  for (let index = 0; index < buttons.length; index++) showI32(buttons[index].label, buttons[index].onPress(9));
  println("-- state machine");
  const states: State[] = [red, green, yellow];
  let state = 0;
  let trace = 0;
  for (let tick = 0; tick < 12; tick++) {
    state = states[state](tick);
    trace = trace * 3 + state;
  }
  showI32("final state", state);
  showI32("trace (base 3)", trace);
  exit(0);
}
