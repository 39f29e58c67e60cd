/**
 * @fileoverview One step of Numerical Recipes' 32-bit linear congruential generator, the pseudo-random source the
 * benchmark kernels fill their data from. Same constants as lcg_step() in bench/c/kernel.h.
 */

/** The state after `state` (also the generator's output). Arithmetic is modulo 2^32, as in C's uint32_t. */
@inline
export function lcgStep(state: u32): u32 {
  return state * 1664525 + 1013904223;
}
