// Map and Set: hashing of integers and strings, growth past the initial
// capacity, deletion and re-insertion, and iteration order (insertion order).
import { exit, print, printI32, println, show, showBool, showI32 } from "../lib/io";

function integerMap(): void {
  println("-- Map<i32, i32>");
  const squares = new Map<i32, i32>();
  for (let key = -50; key <= 50; key++) squares.set(key, key * key);
  showI32("size", squares.size);
  showI32("get(-7)", squares.get(-7));
  showBool("has(51)", squares.has(51));
  for (let key = -50; key <= 50; key += 2) squares.delete(key);
  showI32("size after deleting evens", squares.size);
  showBool("has(10)", squares.has(10));
  showBool("has(11)", squares.has(11));
  squares.set(10, -1);
  squares.set(11, -2);
  const keys = squares.keys();
  print("first keys:");
  for (let index = 0; index < 6; index++) {
    print(" ");
    printI32(keys[index]);
  }
  println();
  showI32("last key", keys[keys.length - 1]);
  showI32("get(11)", squares.get(11));
  let sum = 0;
  const values = squares.values();
  for (let index = 0; index < values.length; index++) sum += values[index];
  showI32("sum of values", sum);
}

function stringMap(): void {
  println("-- Map<string, i32>");
  const counts = new Map<string, i32>();
  const words = "to be or not to be that is the question to ask".split(" ");
  for (let index = 0; index < words.length; index++) {
    const word = words[index];
    counts.set(word, counts.has(word) ? counts.get(word) + 1 : 1);
  }
  showI32("distinct words", counts.size);
  const keys = counts.keys();
  for (let index = 0; index < keys.length; index++) {
    print("  ");
    print(keys[index]);
    print(": ");
    printI32(counts.get(keys[index]));
    println();
  }
  showBool("has(" + "qu" + "estion)", counts.has("qu" + "estion"));
}

function sets(): void {
  println("-- Set");
  const seen = new Set<i64>();
  let value: i64 = 27;
  let steps = 0;
  // The Collatz sequence from 27 reaches 1 after 111 steps.
  while (value != 1) {
    seen.add(value);
    value = value & 1 ? 3 * value + 1 : value / 2;
    steps++;
  }
  showI32("collatz steps", steps);
  showI32("distinct values", seen.size);
  showBool("has(9232)", seen.has(9232));
  showBool("has(9233)", seen.has(9233));
  const letters = new Set<string>();
  const text = "mississippi";
  for (let index = 0; index < text.length; index++) letters.add(text.charAt(index));
  show("letters", letters.values().join(""));
  letters.delete("s");
  show("without s", letters.values().join(""));
}

export function _start(): void {
  integerMap();
  stringMap();
  sets();
  exit(0);
}
