// Integer kernels that mix widths in tight loops: CRC-32 (table built at run
// time), FNV-1a 64-bit, a xorshift64* generator, a sieve of Eratosthenes and
// an insertion sort over a static buffer.
import { exit, println, showI32, showU64 } from "../lib/io";

const crcTable = new StaticArray<u32>(256);

function buildCrcTable(): void {
  for (let byte: u32 = 0; byte < 256; byte++) {
    let crc = byte;
    for (let bit = 0; bit < 8; bit++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
    crcTable[byte] = crc;
  }
}

function crc32(text: string): u32 {
  let crc: u32 = 0xffffffff;
  for (let index = 0; index < text.length; index++) {
    crc = crcTable[(crc ^ <u32>text.charCodeAt(index)) & 0xff] ^ (crc >>> 8);
  }
  return crc ^ 0xffffffff;
}

function fnv1a64(text: string): u64 {
  let hash: u64 = 0xcbf29ce484222325;
  for (let index = 0; index < text.length; index++) {
    hash ^= <u64>text.charCodeAt(index);
    hash *= 0x100000001b3;
  }
  return hash;
}

let xorshiftState: u64 = 0x9e3779b97f4a7c15;

function xorshift64star(): u64 {
  xorshiftState ^= xorshiftState >> 12;
  xorshiftState ^= xorshiftState << 25;
  xorshiftState ^= xorshiftState >> 27;
  return xorshiftState * 0x2545f4914f6cdd1d;
}

function countPrimes(limit: i32): i32 {
  const composite = new StaticArray<bool>(limit + 1);
  let count = 0;
  for (let candidate = 2; candidate <= limit; candidate++) {
    if (composite[candidate]) continue;
    count++;
    for (let multiple = candidate * candidate; multiple <= limit; multiple += candidate) composite[multiple] = true;
  }
  return count;
}

function insertionSortChecksum(count: i32): u64 {
  const values = new StaticArray<u64>(count);
  for (let index = 0; index < count; index++) values[index] = xorshift64star() >> 40;
  for (let index = 1; index < count; index++) {
    const value = values[index];
    let hole = index;
    while (hole > 0 && values[hole - 1] > value) {
      values[hole] = values[hole - 1];
      hole--;
    }
    values[hole] = value;
  }
  let checksum: u64 = 0;
  for (let index = 0; index < count; index++) checksum = checksum * 31 + values[index];
  return checksum;
}

export function _start(): void {
  buildCrcTable();
  println("-- crc32");
  showU64("crc32('')", crc32(""));
  showU64("crc32('123456789')", crc32("123456789"));
  showU64("crc32(fox)", crc32("The quick brown fox jumps over the lazy dog"));
  println("-- fnv1a64");
  showU64("fnv1a64('')", fnv1a64(""));
  showU64("fnv1a64('a')", fnv1a64("a"));
  showU64("fnv1a64('foobar')", fnv1a64("foobar"));
  println("-- xorshift64*");
  for (let index = 0; index < 4; index++) showU64("next", xorshift64star());
  println("-- sieve");
  showI32("primes <= 10000", countPrimes(10000));
  println("-- insertion sort");
  showU64("checksum", insertionSortChecksum(200));
  exit(0);
}
