// 64-bit integer arithmetic at the edges: the translator splits every i64
// into two 32-bit halves, so carries, borrows, signs and shift counts >= 32
// are where it can go wrong.
import { exit, println, showBool, showI32, showI64, showU64 } from "../lib/io";

// Values come through a mutable global so the optimizer cannot fold them.
let minValue: i64 = i64.MIN_VALUE;
let maxValue: i64 = i64.MAX_VALUE;
let minusOne: i64 = -1;
let big: i64 = 0x0123456789abcdef;
let small: i64 = -12345678901;

function arithmetic(): void {
  println("-- arithmetic");
  showI64("max + 1", maxValue + 1);
  showI64("min - 1", minValue - 1);
  showI64("0xffffffff + 1", <i64>0xffffffff + (minusOne + 2));
  showI64("big * small", big * small);
  showI64("min * -1", minValue * minusOne);
  showI64("big * big", big * big);
  showI64("-big", -big);
  showU64("0x1_0000_0001 * 0xffff_ffff", <u64>(0x100000001 + (minusOne + 1)) * <u64>0xffffffff);
}

function division(): void {
  println("-- division");
  showI64("big / small", big / small);
  showI64("big % small", big % small);
  showI64("small / 7", small / 7);
  showI64("small % 7", small % 7);
  showI64("small / -7", small / -7);
  showI64("small % -7", small % -7);
  showI64("min / 2", minValue / 2);
  showI64("min % -1", minValue % minusOne);
  showI64("max / min", maxValue / minValue);
  showU64("u64(-1) / 3", <u64>minusOne / 3);
  showU64("u64(-1) % 1000000007", <u64>minusOne % 1000000007);
  showU64("u64(min) / u64(big)", <u64>minValue / <u64>big);
  showU64("u64(small) % u64(big)", <u64>small % <u64>big);
}

function shiftsAndRotates(): void {
  println("-- shifts");
  for (let count: i64 = 0; count < 70; count += 13) {
    showI64("count", count);
    showU64("big << count", <u64>(big << count));
    showI64("small >> count", small >> count);
    showU64("u64(small) >>> count", <u64>small >>> <u64>count);
    showU64("rotl(big, count)", rotl<u64>(<u64>big, <u64>count));
    showU64("rotr(big, count)", rotr<u64>(<u64>big, <u64>count));
  }
  showI64("min >> 63", minValue >> 63);
  showU64("u64(min) >>> 63", <u64>minValue >>> 63);
  showU64("1 << 32", <u64>(minusOne + 2) << 32);
}

function bitCounts(): void {
  println("-- bit counts");
  const values: i64[] = [0, 1, minusOne, minValue, maxValue, big, small, 0x100000000];
  for (let index = 0; index < values.length; index++) {
    const value = values[index];
    showI64("value", value);
    showI64("  clz", clz<i64>(value));
    showI64("  ctz", ctz<i64>(value));
    showI64("  popcnt", popcnt<i64>(value));
  }
}

function comparisonsAndConversions(): void {
  println("-- comparisons");
  showBool("min < max", minValue < maxValue);
  showBool("u64(min) < u64(max)", <u64>minValue < <u64>maxValue);
  showBool("small < 0x1_0000_0000", small < 0x100000000);
  showBool("-1 == u64 max", <u64>minusOne == u64.MAX_VALUE);
  showBool("0x1_0000_0000 > 0xffff_ffff", (minusOne + 0x100000001) > 0xffffffff);
  showI32("wrap(big)", <i32>big);
  showI64("extend_s(-5)", <i64><i32>(minusOne - 4));
  showI64("extend_u(-5)", <i64><u32>(<i32>minusOne - 4));
  showI64("extend8_s(0x80)", <i64><i8>(big & 0xff ^ 0x6f));
  showI64("extend32_s(0x8000_0000)", <i64><i32>(<u32>0x80000000 + <u32>(minusOne + 1)));
}

export function _start(): void {
  arithmetic();
  division();
  shiftsAndRotates();
  bitCounts();
  comparisonsAndConversions();
  exit(0);
}
