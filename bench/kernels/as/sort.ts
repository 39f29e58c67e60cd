/**
 * @fileoverview Sort benchmark kernel (AssemblyScript side): quicksort (Hoare partition, middle pivot, recursion on
 * the smaller side) of 100,000 signed 32-bit integers from the shared LCG, several rounds with fresh numbers each
 * round; the checksum is a polynomial hash of the sorted arrays. Twin: bench/kernels/c/sort.c.
 */
import { lcgStep } from "./lcg";
import { measure } from "./report";

const COUNT = 100000;
const ROUNDS = 2;

const numbers = memory.data(COUNT * sizeof<i32>(), 16);

@inline
function get(items: usize, index: i32): i32 {
  return load<i32>(items + (<usize>index << 2));
}

@inline
function set(items: usize, index: i32, value: i32): void {
  store<i32>(items + (<usize>index << 2), value);
}

function quicksort(items: usize, low: i32, high: i32): void {
  while (low < high) {
    const pivot = get(items, low + ((high - low) >> 1));
    let i = low;
    let j = high;
    while (i <= j) {
      while (get(items, i) < pivot) i++;
      while (get(items, j) > pivot) j--;
      if (i <= j) {
        const swap = get(items, i);
        set(items, i++, get(items, j));
        set(items, j--, swap);
      }
    }
    if (j - low < high - i) {
      quicksort(items, low, j);
      low = i;
    } else {
      quicksort(items, i, high);
      high = j;
    }
  }
}

function run(): u32 {
  let state: u32 = 12345;
  let check: u32 = 0;
  for (let round = 0; round < ROUNDS; round++) {
    for (let i = 0; i < COUNT; i++) {
      state = lcgStep(state);
      set(numbers, i, <i32>state);
    }
    quicksort(numbers, 0, COUNT - 1);
    for (let i = 0; i < COUNT; i++) check = check * 31 + <u32>get(numbers, i);
  }
  return check;
}

export function _start(): void {
  measure("sort", run);
}
