// Arrays and typed arrays: growth by push, pop/shift, sorting with a
// comparator, the higher-order methods (with capture-free callbacks), and
// typed-array views over shared buffers.
import { exit, print, printI32, println, showI32 } from "../lib/io";

function printArray(label: string, values: i32[]): void {
  print(label);
  print(" = [");
  for (let index = 0; index < values.length; index++) {
    if (index > 0) print(", ");
    printI32(values[index]);
  }
  println("]");
}

/** A deterministic pseudo-random sequence (a linear congruential generator). */
function scrambled(count: i32): i32[] {
  const values = new Array<i32>();
  let state: u32 = 12345;
  for (let index = 0; index < count; index++) {
    state = state * 1103515245 + 12345;
    values.push(<i32>(state >> 16) % 100 - 50);
  }
  return values;
}

function growAndShrink(): void {
  println("-- push and pop");
  const values = new Array<i32>();
  for (let index = 0; index < 20; index++) values.push(index * index);
  showI32("length", values.length);
  showI32("pop", values.pop());
  showI32("shift", values.shift());
  values.unshift(-1);
  showI32("length", values.length);
  printArray("slice(2, 6)", values.slice(2, 6));
  const removed = values.splice(3, 4);
  printArray("spliced out", removed);
  printArray("after splice", values);
  showI32("indexOf(100)", values.indexOf(100));
  showI32("includes(49)", values.includes(49) ? 1 : 0);
  values.reverse();
  printArray("reversed", values);
}

function sorting(): void {
  println("-- sort");
  const values = scrambled(25);
  printArray("scrambled", values);
  values.sort((a, b) => a - b);
  printArray("ascending", values);
  values.sort((a, b) => b - a);
  printArray("descending", values);
  // By absolute value, ties by sign: a stable total order.
  values.sort((a, b) => abs(a) != abs(b) ? abs(a) - abs(b) : a - b);
  printArray("by magnitude", values);
  const many = scrambled(300);
  many.sort((a, b) => a - b);
  let ordered = true;
  for (let index = 1; index < many.length; index++) ordered = ordered && many[index - 1] <= many[index];
  showI32("300 sorted", ordered ? 1 : 0);
  showI32("first", many[0]);
  showI32("last", many[many.length - 1]);
}

function higherOrder(): void {
  println("-- map, filter, reduce");
  const values = scrambled(12);
  printArray("values", values);
  printArray("squares", values.map<i32>((value) => value * value));
  printArray("even", values.filter((value) => (value & 1) == 0));
  showI32("sum", values.reduce<i32>((sum, value) => sum + value, 0));
  showI32("some > 40", values.some((value) => value > 40) ? 1 : 0);
  showI32("every > -60", values.every((value) => value > -60) ? 1 : 0);
  showI32("findIndex < -30", values.findIndex((value) => value < -30));
  const nested: i32[][] = [[1, 2], [3], [], [4, 5, 6]];
  printArray("flat", nested.flat());
}

function typedArrays(): void {
  println("-- typed arrays");
  const bytes = new Uint8Array(16);
  for (let index = 0; index < bytes.length; index++) bytes[index] = <u8>(index * 37);
  const words = Uint32Array.wrap(bytes.buffer);
  for (let index = 0; index < words.length; index++) showI32("word", <i32>words[index]);
  const signed = new Int8Array(4);
  signed[0] = 127;
  signed[1] = <i8>(signed[0] + 1);
  signed[2] = -128;
  signed[3] = <i8>(signed[2] - 1);
  for (let index = 0; index < signed.length; index++) showI32("int8", signed[index]);
  const middle = bytes.subarray(4, 8);
  middle.fill(0xee);
  showI32("byte 5 after fill", bytes[5]);
  const wide = new Int64Array(3);
  wide[0] = i64.MIN_VALUE;
  wide[1] = -2;
  wide[2] = wide[0] + wide[1];
  for (let index = 0; index < wide.length; index++) showI32("int64 high", <i32>(wide[index] >> 32));
  const clamped = new Uint8ClampedArray(3);
  clamped[0] = 300;
  clamped[1] = -5;
  clamped[2] = 128;
  for (let index = 0; index < clamped.length; index++) showI32("clamped", clamped[index]);
}

export function _start(): void {
  growAndShrink();
  sorting();
  higherOrder();
  typedArrays();
  exit(0);
}
