/**
 * @fileoverview 64-bit hash benchmark kernel (AssemblyScript side): a splitmix64 generator whose outputs are folded
 * into an FNV-1a-style 64-bit hash (xor, multiply by the FNV prime), many iterations — 64-bit multiplies, shifts
 * and xors, which a 32-bit target must split into register pairs. Twin: bench/kernels/c/hash64.c.
 */
import { measure } from "./report";

const ITERATIONS = 8000000;
const SPLITMIX_GAMMA: u64 = 0x9e3779b97f4a7c15;
const FNV_OFFSET_BASIS: u64 = 0xcbf29ce484222325;
const FNV_PRIME: u64 = 0x100000001b3;

/** The splitmix64 output for the generator state `state` (the caller advances the state by SPLITMIX_GAMMA). */
@inline
function splitmix64(state: u64): u64 {
  let z = state;
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9;
  z = (z ^ (z >> 27)) * 0x94d049bb133111eb;
  return z ^ (z >> 31);
}

function run(): u32 {
  let state: u64 = 42;
  let hash = FNV_OFFSET_BASIS;
  for (let i = 0; i < ITERATIONS; i++) {
    state += SPLITMIX_GAMMA;
    hash = (hash ^ splitmix64(state)) * FNV_PRIME;
  }
  return <u32>hash ^ <u32>(hash >> 32);
}

export function _start(): void {
  measure("hash64", run);
}
