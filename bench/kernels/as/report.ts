/**
 * @fileoverview Timing and the result line of the AssemblyScript benchmark kernels: `measure` wraps a kernel's work
 * in two `rdtsc`s and prints "<name> cycles=<N> check=0x<8 hex digits>" on COM1, exactly as bench/c/main.c and
 * bench/c/io.c do for the C twins. Output goes through the bare-program import env.putc; rdtsc is an intrinsic of
 * our translator (docs/intrinsics.md), so the module only runs translated to x86 (or under a host that supplies
 * both imports, as bench/as-reference.ts does).
 */

@external("env", "putc")
declare function putc(c: i32): void;

@external("x86", "rdtsc")
declare function rdtsc(): u64;

const HEX_DIGITS = "0123456789abcdef";

function print(text: string): void {
  for (let i = 0; i < text.length; i++) putc(text.charCodeAt(i));
}

function printDecimal(value: u64): void {
  if (value >= 10) printDecimal(value / 10);
  putc(<i32>(value % 10) + 0x30);
}

function printHex32(value: u32): void {
  for (let shift = 28; shift >= 0; shift -= 4) putc(HEX_DIGITS.charCodeAt((value >> shift) & 0xf));
}

/** Runs `work` once between two time-stamp-counter reads and prints the result line for kernel `name`. */
export function measure(name: string, work: () => u32): void {
  const start = rdtsc();
  const check = work();
  const cycles = rdtsc() - start;
  print(name);
  print(" cycles=");
  printDecimal(cycles);
  print(" check=0x");
  printHex32(check);
  putc(0x0a);
}
