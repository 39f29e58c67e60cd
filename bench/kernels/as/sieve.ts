/**
 * @fileoverview Sieve-of-Eratosthenes benchmark kernel (AssemblyScript side): counts the primes below a limit just
 * under 1<<20 with a byte per number, several rounds with a slightly smaller limit each round (so no round repeats
 * another). Twin: bench/kernels/c/sieve.c.
 */
import { measure } from "./report";

const SIZE = 1 << 20;
const ROUNDS = 15;

const isPrime = memory.data(SIZE, 16);

function countPrimesBelow(limit: i32): u32 {
  for (let i = 0; i < limit; i++) store<u8>(isPrime + <usize>i, 1);
  store<u8>(isPrime, 0);
  store<u8>(isPrime + 1, 0);
  for (let i = 2; i * i < limit; i++) {
    if (!load<u8>(isPrime + <usize>i)) continue;
    for (let multiple = i * i; multiple < limit; multiple += i) store<u8>(isPrime + <usize>multiple, 0);
  }
  let count: u32 = 0;
  for (let i = 0; i < limit; i++) count += load<u8>(isPrime + <usize>i);
  return count;
}

function run(): u32 {
  let check: u32 = 0;
  for (let round = 0; round < ROUNDS; round++) check = check * 31 + countPrimesBelow(SIZE - round * 1000);
  return check;
}

export function _start(): void {
  measure("sieve", run);
}
