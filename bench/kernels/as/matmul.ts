/**
 * @fileoverview Matrix-multiply benchmark kernel (AssemblyScript side): 64×64 matrices of 32-bit integers
 * (arithmetic modulo 2^32), C = A·B in i-j-k order, several rounds; each round's product becomes the next round's
 * A, so every round depends on the one before. Twin: bench/kernels/c/matmul.c.
 */
import { lcgStep } from "./lcg";
import { measure } from "./report";

const N = 64;
const ROUNDS = 200;
const MATRIX_BYTES = N * N * sizeof<u32>();

const a = memory.data(MATRIX_BYTES, 16);
const b = memory.data(MATRIX_BYTES, 16);
const product = memory.data(MATRIX_BYTES, 16);

/** Address of element `index` of the matrix at `matrix`. */
@inline
function element(matrix: usize, index: i32): usize {
  return matrix + (<usize>index << 2);
}

function fillMatrices(): void {
  let state: u32 = 7;
  for (let i = 0; i < N * N; i++) {
    state = lcgStep(state);
    store<u32>(element(a, i), state >> 16);
  }
  for (let i = 0; i < N * N; i++) {
    state = lcgStep(state);
    store<u32>(element(b, i), state >> 16);
  }
}

function multiply(): void {
  for (let i = 0; i < N; i++) {
    for (let j = 0; j < N; j++) {
      let sum: u32 = 0;
      for (let k = 0; k < N; k++) sum += load<u32>(element(a, i * N + k)) * load<u32>(element(b, k * N + j));
      store<u32>(element(product, i * N + j), sum);
    }
  }
}

function run(): u32 {
  fillMatrices();
  let check: u32 = 0;
  for (let round = 0; round < ROUNDS; round++) {
    multiply();
    for (let i = 0; i < N * N; i++) store<u32>(element(a, i), load<u32>(element(product, i)));
    check = check * 31 + load<u32>(element(product, (round * 97) & (N * N - 1)));
  }
  for (let i = 0; i < N * N; i++) check += load<u32>(element(product, i));
  return check;
}

export function _start(): void {
  measure("matmul", run);
}
