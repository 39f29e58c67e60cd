/*
 * @fileoverview 64-bit hash benchmark kernel (C side): a splitmix64 generator whose outputs are folded into an
 * FNV-1a-style 64-bit hash (xor, multiply by the FNV prime), many iterations — 64-bit multiplies, shifts and
 * xors, which a 32-bit target must split into register pairs. Twin: bench/kernels/as/hash64.ts.
 */
#include "kernel.h"

#define ITERATIONS 8000000
#define SPLITMIX_GAMMA 0x9e3779b97f4a7c15ull
#define FNV_OFFSET_BASIS 0xcbf29ce484222325ull
#define FNV_PRIME 0x100000001b3ull

const char bench_name[] = "hash64";

/* The splitmix64 output for the generator state `state` (the caller advances the state by SPLITMIX_GAMMA). */
static inline uint64_t splitmix64(uint64_t state) {
    uint64_t z = state;
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
}

uint32_t bench_run(void) {
    uint64_t state = 42;
    uint64_t hash = FNV_OFFSET_BASIS;
    for (int i = 0; i < ITERATIONS; i++) {
        state += SPLITMIX_GAMMA;
        hash = (hash ^ splitmix64(state)) * FNV_PRIME;
    }
    return (uint32_t)hash ^ (uint32_t)(hash >> 32);
}
