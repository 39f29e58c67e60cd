/*
 * @fileoverview CRC-32 benchmark kernel (C side): the table-driven IEEE 802.3 CRC (reflected polynomial
 * 0xEDB88320) over a 64 KiB buffer, many rounds. Each round flips one byte of the buffer with the previous CRC so
 * that no round can be hoisted. Twin: bench/kernels/as/crc32.ts.
 */
#include "kernel.h"

#define BUFFER_SIZE 65536
#define ROUNDS 500
#define CRC32_POLYNOMIAL 0xEDB88320u

const char bench_name[] = "crc32";

static uint32_t table[256];
static uint8_t buffer[BUFFER_SIZE];

static void build_table(void) {
    for (uint32_t n = 0; n < 256; n++) {
        uint32_t c = n;
        for (int bit = 0; bit < 8; bit++) c = (c & 1) ? CRC32_POLYNOMIAL ^ (c >> 1) : c >> 1;
        table[n] = c;
    }
}

static void fill_buffer(void) {
    uint32_t state = 1;
    for (int i = 0; i < BUFFER_SIZE; i++) {
        state = lcg_step(state);
        buffer[i] = (uint8_t)(state >> 24);
    }
}

static uint32_t crc32(const uint8_t *data, int length) {
    uint32_t crc = 0xffffffffu;
    for (int i = 0; i < length; i++) crc = table[(crc ^ data[i]) & 0xff] ^ (crc >> 8);
    return crc ^ 0xffffffffu;
}

uint32_t bench_run(void) {
    build_table();
    fill_buffer();
    uint32_t check = 0;
    for (int round = 0; round < ROUNDS; round++) {
        uint32_t crc = crc32(buffer, BUFFER_SIZE);
        buffer[round & (BUFFER_SIZE - 1)] ^= (uint8_t)crc;
        check = ((check << 1) | (check >> 31)) ^ crc;
    }
    return check;
}
