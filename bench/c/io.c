/*
 * @fileoverview COM1 output, number printing and the debug-exit port for the freestanding C benchmark images
 * (linked with start.S, main.c and one kernel from bench/kernels/c/). No libc and no libgcc: 64-bit decimal printing
 * divides 16 bits at a time so that gcc -m32 does not call __udivdi3.
 */
#include "io.h"

#define COM1_PORT 0x3f8
#define COM1_LINE_STATUS (COM1_PORT + 5)
#define LINE_STATUS_THR_EMPTY 0x20
#define DEBUG_EXIT_PORT 0xf4

static inline void outb(uint16_t port, uint8_t value) {
    __asm__ volatile("outb %0, %1" : : "a"(value), "Nd"(port));
}

static inline uint8_t inb(uint16_t port) {
    uint8_t value;
    __asm__ volatile("inb %1, %0" : "=a"(value) : "Nd"(port));
    return value;
}

void bench_putc(char c) {
    while ((inb(COM1_LINE_STATUS) & LINE_STATUS_THR_EMPTY) == 0) {
    }
    outb(COM1_PORT, (uint8_t)c);
}

void bench_print(const char *text) {
    while (*text != 0) bench_putc(*text++);
}

/* Divides the 64-bit *value by 10 in place, one 16-bit limb at a time, and returns the remainder. */
static uint32_t divide_by_ten(uint64_t *value) {
    uint32_t remainder = 0;
    uint64_t quotient = 0;
    for (int shift = 48; shift >= 0; shift -= 16) {
        uint32_t part = (remainder << 16) | (uint32_t)((*value >> shift) & 0xffff);
        quotient |= (uint64_t)(part / 10) << shift;
        remainder = part % 10;
    }
    *value = quotient;
    return remainder;
}

static void print_decimal(uint64_t value) {
    char digits[20];
    int count = 0;
    do digits[count++] = (char)('0' + divide_by_ten(&value)); while (value != 0);
    while (count > 0) bench_putc(digits[--count]);
}

static void print_hex32(uint32_t value) {
    for (int shift = 28; shift >= 0; shift -= 4) bench_putc("0123456789abcdef"[(value >> shift) & 0xf]);
}

void bench_report(const char *name, uint64_t cycles, uint32_t check) {
    bench_print(name);
    bench_print(" cycles=");
    print_decimal(cycles);
    bench_print(" check=0x");
    print_hex32(check);
    bench_putc('\n');
}

void bench_exit(int code) {
    outb(DEBUG_EXIT_PORT, (uint8_t)code);
    for (;;) __asm__ volatile("cli; hlt");
}
