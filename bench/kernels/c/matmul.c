/*
 * @fileoverview Matrix-multiply benchmark kernel (C side): 64×64 matrices of 32-bit integers (arithmetic modulo
 * 2^32), C = A·B in i-j-k order, several rounds; each round's product becomes the next round's A, so every
 * round depends on the one before. Twin: bench/kernels/as/matmul.ts.
 */
#include "kernel.h"

#define N 64
#define ROUNDS 200

const char bench_name[] = "matmul";

static uint32_t a[N * N], b[N * N], product[N * N];

static void fill_matrices(void) {
    uint32_t state = 7;
    for (int i = 0; i < N * N; i++) {
        state = lcg_step(state);
        a[i] = state >> 16;
    }
    for (int i = 0; i < N * N; i++) {
        state = lcg_step(state);
        b[i] = state >> 16;
    }
}

static void multiply(void) {
    for (int i = 0; i < N; i++) {
        for (int j = 0; j < N; j++) {
            uint32_t sum = 0;
            for (int k = 0; k < N; k++) sum += a[i * N + k] * b[k * N + j];
            product[i * N + j] = sum;
        }
    }
}

uint32_t bench_run(void) {
    fill_matrices();
    uint32_t check = 0;
    for (int round = 0; round < ROUNDS; round++) {
        multiply();
        for (int i = 0; i < N * N; i++) a[i] = product[i];
        check = check * 31 + product[(round * 97) & (N * N - 1)];
    }
    for (int i = 0; i < N * N; i++) check += product[i];
    return check;
}
