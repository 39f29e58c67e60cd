/*
 * @fileoverview Sieve-of-Eratosthenes benchmark kernel (C side): counts the primes below a limit just under
 * 1<<20 with a byte per number, several rounds with a slightly smaller limit each round (so no round repeats
 * another). Twin: bench/kernels/as/sieve.ts.
 */
#include "kernel.h"

#define SIZE (1 << 20)
#define ROUNDS 15

const char bench_name[] = "sieve";

static uint8_t is_prime[SIZE];

static uint32_t count_primes_below(int limit) {
    for (int i = 0; i < limit; i++) is_prime[i] = 1;
    is_prime[0] = 0;
    is_prime[1] = 0;
    for (int i = 2; i * i < limit; i++) {
        if (!is_prime[i]) continue;
        for (int multiple = i * i; multiple < limit; multiple += i) is_prime[multiple] = 0;
    }
    uint32_t count = 0;
    for (int i = 0; i < limit; i++) count += is_prime[i];
    return count;
}

uint32_t bench_run(void) {
    uint32_t check = 0;
    for (int round = 0; round < ROUNDS; round++) check = check * 31 + count_primes_below(SIZE - round * 1000);
    return check;
}
