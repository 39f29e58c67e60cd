/*
 * @fileoverview Sort benchmark kernel (C side): quicksort (Hoare partition, middle pivot, recursion on the smaller
 * side) of 100,000 signed 32-bit integers from the shared LCG, several rounds with fresh numbers each round; the
 * checksum is a polynomial hash of the sorted arrays. Twin: bench/kernels/as/sort.ts.
 */
#include "kernel.h"

#define COUNT 100000
#define ROUNDS 2

const char bench_name[] = "sort";

static int32_t numbers[COUNT];

static void quicksort(int32_t *items, int low, int high) {
    while (low < high) {
        int32_t pivot = items[low + ((high - low) >> 1)];
        int i = low, j = high;
        while (i <= j) {
            while (items[i] < pivot) i++;
            while (items[j] > pivot) j--;
            if (i <= j) {
                int32_t swap = items[i];
                items[i++] = items[j];
                items[j--] = swap;
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

uint32_t bench_run(void) {
    uint32_t state = 12345;
    uint32_t check = 0;
    for (int round = 0; round < ROUNDS; round++) {
        for (int i = 0; i < COUNT; i++) {
            state = lcg_step(state);
            numbers[i] = (int32_t)state;
        }
        quicksort(numbers, 0, COUNT - 1);
        for (int i = 0; i < COUNT; i++) check = check * 31 + (uint32_t)numbers[i];
    }
    return check;
}
