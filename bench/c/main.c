/*
 * @fileoverview main() of every C benchmark image: times the kernel's bench_run() with rdtsc and prints the result
 * line on COM1. start.S calls it; its return value becomes the exit code.
 */
#include "io.h"
#include "kernel.h"

int main(void) {
    uint64_t start = bench_rdtsc();
    uint32_t check = bench_run();
    uint64_t cycles = bench_rdtsc() - start;
    bench_report(bench_name, cycles, check);
    return 0;
}
