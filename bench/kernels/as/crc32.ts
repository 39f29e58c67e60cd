/**
 * @fileoverview CRC-32 benchmark kernel (AssemblyScript side): the table-driven IEEE 802.3 CRC (reflected
 * polynomial 0xEDB88320) over a 64 KiB buffer, many rounds. Each round flips one byte of the buffer with the
 * previous CRC so that no round can be hoisted. Twin: bench/kernels/c/crc32.c.
 */
import { lcgStep } from "./lcg";
import { measure } from "./report";

const BUFFER_SIZE = 65536;
const ROUNDS = 500;
const CRC32_POLYNOMIAL: u32 = 0xedb88320;

const table = memory.data(256 * sizeof<u32>(), 16);
const buffer = memory.data(BUFFER_SIZE, 16);

function buildTable(): void {
  for (let n: u32 = 0; n < 256; n++) {
    let c = n;
    for (let bit = 0; bit < 8; bit++) c = c & 1 ? CRC32_POLYNOMIAL ^ (c >> 1) : c >> 1;
    store<u32>(table + (<usize>n << 2), c);
  }
}

function fillBuffer(): void {
  let state: u32 = 1;
  for (let i = 0; i < BUFFER_SIZE; i++) {
    state = lcgStep(state);
    store<u8>(buffer + <usize>i, <u8>(state >> 24));
  }
}

function crc32(data: usize, length: i32): u32 {
  let crc: u32 = 0xffffffff;
  for (let i = 0; i < length; i++) {
    const index = (crc ^ load<u8>(data + <usize>i)) & 0xff;
    crc = load<u32>(table + (<usize>index << 2)) ^ (crc >> 8);
  }
  return crc ^ 0xffffffff;
}

function run(): u32 {
  buildTable();
  fillBuffer();
  let check: u32 = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const crc = crc32(buffer, BUFFER_SIZE);
    const flipped = buffer + <usize>(round & (BUFFER_SIZE - 1));
    store<u8>(flipped, load<u8>(flipped) ^ <u8>crc);
    check = rotl<u32>(check, 1) ^ crc;
  }
  return check;
}

export function _start(): void {
  measure("crc32", run);
}
