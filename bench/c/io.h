/*
 * @fileoverview The few machine services a C benchmark kernel uses: COM1 output, the time-stamp counter and the
 * debug-exit port. Implemented in io.c; the AssemblyScript kernels get the same services from env.putc,
 * env.exit and the x86.rdtsc intrinsic (bench/kernels/as/report.ts).
 */
#ifndef BENCH_IO_H
#define BENCH_IO_H

#include <stdint.h>

/* Reads the time-stamp counter (in v86 it follows emulated time, not host cycles). */
static inline uint64_t bench_rdtsc(void) {
    uint32_t low, high;
    __asm__ volatile("rdtsc" : "=a"(low), "=d"(high));
    return ((uint64_t)high << 32) | low;
}

void bench_putc(char c);
void bench_print(const char *text);

/* Prints the result line every kernel ends with: "<name> cycles=<N> check=0x<8 hex digits>\n". */
void bench_report(const char *name, uint64_t cycles, uint32_t check);

/* Ends the run: writes code to port 0xf4 (v86 and QEMU's isa-debug-exit stop there), then halts. */
void bench_exit(int code) __attribute__((noreturn));

#endif
