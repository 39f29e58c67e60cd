// 32-bit integer arithmetic at the edges: wrap-around, signed versus
// unsigned division and comparison, shift counts taken modulo 32, bit counts
// of 0, and the sign-extension operators.
import { exit, println, showBool, showI32 } from "../lib/io";

let minValue: i32 = i32.MIN_VALUE;
let maxValue: i32 = i32.MAX_VALUE;
let minusOne: i32 = -1;
let pattern: i32 = 0x12345678;
let negative: i32 = -1000000007;

function wrapping(): void {
  println("-- wrapping");
  showI32("max + 1", maxValue + 1);
  showI32("min - 1", minValue - 1);
  showI32("max * 2", maxValue * 2);
  showI32("pattern * pattern", pattern * pattern);
  showI32("negative * 3", negative * 3);
  showI32("-min", -minValue);
  showI32("min * -1", minValue * minusOne);
  showI32("abs(min)", abs<i32>(minValue));
}

function division(): void {
  println("-- division");
  showI32("negative / 10", negative / 10);
  showI32("negative % 10", negative % 10);
  showI32("negative / -10", negative / -10);
  showI32("negative % -10", negative % -10);
  showI32("min % -1", minValue % minusOne);
  showI32("min / 1", minValue / (minusOne + 2));
  showI32("u32(-1) / 10", <i32>(<u32>minusOne / 10));
  showI32("u32(-1) % 10", <i32>(<u32>minusOne % 10));
  showI32("u32(negative) / u32(pattern)", <i32>(<u32>negative / <u32>pattern));
  showI32("u32(negative) % u32(pattern)", <i32>(<u32>negative % <u32>pattern));
}

function shifts(): void {
  println("-- shifts");
  for (let count = 0; count < 40; count += 7) {
    showI32("count", count);
    showI32("pattern << count", pattern << count);
    showI32("negative >> count", negative >> count);
    showI32("negative >>> count", negative >>> count);
    showI32("rotl(pattern, count)", rotl<i32>(pattern, count));
    showI32("rotr(pattern, count)", rotr<i32>(pattern, count));
  }
}

function bitCounts(): void {
  println("-- bit counts");
  const values: i32[] = [0, 1, minusOne, minValue, maxValue, pattern, negative, 0x10000];
  for (let index = 0; index < values.length; index++) {
    const value = values[index];
    showI32("value", value);
    showI32("  clz", clz<i32>(value));
    showI32("  ctz", ctz<i32>(value));
    showI32("  popcnt", popcnt<i32>(value));
  }
}

function comparisonsAndExtensions(): void {
  println("-- comparisons");
  showBool("min < max", minValue < maxValue);
  showBool("u32(min) < u32(max)", <u32>minValue < <u32>maxValue);
  showBool("-1 < 1", minusOne < 1);
  showBool("u32(-1) < 1", <u32>minusOne < 1);
  showBool("negative >= min", negative >= minValue);
  showBool("eqz(0)", !(minusOne + 1));
  showI32("extend8_s(0x1ff)", <i32><i8>(pattern - 0x12345479));
  showI32("extend16_s(0x18000)", <i32><i16>(pattern - 0x1232d678));
  showI32("u8(-1)", <i32><u8>minusOne);
  showI32("u16(-1)", <i32><u16>minusOne);
  showI32("select", pattern > 0 ? negative : maxValue);
  showI32("min(negative, pattern)", min<i32>(negative, pattern));
  showI32("max(u32 negative, u32 pattern)", <i32>max<u32>(<u32>negative, <u32>pattern));
}

export function _start(): void {
  wrapping();
  division();
  shifts();
  bitCounts();
  comparisonsAndExtensions();
  exit(0);
}
