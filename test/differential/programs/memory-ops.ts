// Linear memory: memory.fill and memory.copy (overlapping in both
// directions), loads and stores of every width with sign and zero extension,
// unaligned accesses, and memory.size.
import { exit, print, printHex, println, showI32, showI64 } from "../lib/io";

const BUFFER_SIZE = 64;
const buffer = memory.data(BUFFER_SIZE);

function dump(label: string, length: i32): void {
  print(label);
  print(":");
  for (let index = 0; index < length; index++) {
    print(" ");
    printHex(<u64>load<u8>(buffer + <usize>index), 2);
  }
  println();
}

function fillAndCopy(): void {
  println("-- fill and copy");
  memory.fill(buffer, 0xaa, BUFFER_SIZE);
  memory.fill(buffer + 4, 0x11, 8);
  dump("fill", 16);
  for (let index = 0; index < 16; index++) store<u8>(buffer + <usize>index, <u8>index);
  memory.copy(buffer + 2, buffer, 8); // overlap, destination above source: copy backwards
  dump("copy up", 16);
  for (let index = 0; index < 16; index++) store<u8>(buffer + <usize>index, <u8>index);
  memory.copy(buffer, buffer + 3, 10); // overlap, destination below source: copy forwards
  dump("copy down", 16);
  memory.copy(buffer + 32, buffer, 0);
  memory.fill(buffer + 16, 0, 0);
  dump("zero-length ops", 16);
}

function widths(): void {
  println("-- loads and stores");
  store<u64>(buffer, 0x8899aabbccddeeff);
  showI32("load<i8>", load<i8>(buffer));
  showI32("load<u8>", load<u8>(buffer));
  showI32("load<i16>", load<i16>(buffer + 1));
  showI32("load<u16>", load<u16>(buffer + 1));
  showI32("load<i32> unaligned", load<i32>(buffer + 3));
  showI64("load<i64>", load<i64>(buffer));
  showI64("load<i32> as i64 signed", <i64>load<i32>(buffer + 4));
  showI64("load<u32> as i64 unsigned", <i64>load<u32>(buffer + 4));
  store<u16>(buffer + 9, 0xbeef);
  store<u8>(buffer + 11, 0x7f);
  showI32("after narrow stores", load<i32>(buffer + 8));
  store<i64>(buffer + 13, -2, 3); // offset immediate: writes at buffer + 16
  showI64("store with offset", load<i64>(buffer, 16));
  dump("bytes", 24);
}

export function _start(): void {
  fillAndCopy();
  widths();
  showI32("memory.size > 0", memory.size() > 0 ? 1 : 0);
  exit(0);
}
