/*
 * @fileoverview The interface every C benchmark kernel (bench/kernels/c/<name>.c) implements, and the pseudo-random
 * generator the kernels share. main.c times bench_run(); the AssemblyScript twin of each kernel
 * (bench/kernels/as/<name>.ts) implements the same algorithm and must return the same checksum.
 */
#ifndef BENCH_KERNEL_H
#define BENCH_KERNEL_H

#include <stdint.h>

/* The kernel's name as printed in the result line ("crc32", "matmul", ...). */
extern const char bench_name[];

/* Does the measured work and returns a checksum of its results, so that no compiler can drop the work. */
uint32_t bench_run(void);

/* One step of Numerical Recipes' 32-bit linear congruential generator: the state after `state` (also its output).
 * Same constants in bench/kernels/as/lcg.ts. */
static inline uint32_t lcg_step(uint32_t state) {
    return state * 1664525u + 1013904223u;
}

#endif
