/**
 * @fileoverview The differential programs' only window to the outside: bytes
 * to `env.putc` (COM1 under the translator, a buffer under V8) and the exit
 * code to `env.exit`. Numbers are formatted here by hand, without the
 * standard library or allocation, so a wrong result points at the program's
 * own code rather than at the printing.
 */

@external("env", "putc") declare function putc(byte: i32): void;
@external("env", "exit") declare function env_exit(code: i32): void;

const QUESTION_MARK: i32 = 0x3f;
const HEX_DIGITS = "0123456789abcdef";

/** Ends the program with `code` (0 = success). */
export function exit(code: i32): void {
  env_exit(code);
}

/** Prints ASCII text; other characters print as '?'. */
export function print(text: string): void {
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    putc(code < 0x80 ? code : QUESTION_MARK);
  }
}

export function println(text: string = ""): void {
  print(text);
  putc(0x0a);
}

export function printU64(value: u64): void {
  if (value >= 10) printU64(value / 10);
  putc(0x30 + <i32>(value % 10));
}

export function printI64(value: i64): void {
  if (value < 0) {
    putc(0x2d); // '-'
    // Negating as unsigned also handles i64.MIN_VALUE, whose magnitude has no i64.
    printU64(0 - <u64>value);
  } else {
    printU64(<u64>value);
  }
}

export function printI32(value: i32): void {
  printI64(<i64>value);
}

export function printU32(value: u32): void {
  printU64(<u64>value);
}

/** `0x` and exactly `digits` lowercase hex digits (the low 4*digits bits). */
export function printHex(value: u64, digits: i32 = 16): void {
  print("0x");
  for (let shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
    putc(HEX_DIGITS.charCodeAt(<i32>((value >> <u64>shift) & 0xf)));
  }
}

export function printHex32(value: u32): void {
  printHex(<u64>value, 8);
}

export function printBool(value: bool): void {
  print(value ? "true" : "false");
}

/** `label = <decimal>` on its own line. */
export function showI64(label: string, value: i64): void {
  print(label);
  print(" = ");
  printI64(value);
  println();
}

/** `label = <decimal> <hex>` for an unsigned 64-bit value. */
export function showU64(label: string, value: u64): void {
  print(label);
  print(" = ");
  printU64(value);
  print(" ");
  printHex(value);
  println();
}

/** `label = <decimal> <hex>` for a 32-bit value read as signed. */
export function showI32(label: string, value: i32): void {
  print(label);
  print(" = ");
  printI32(value);
  print(" ");
  printHex32(<u32>value);
  println();
}

/** `label = <text>`. */
export function show(label: string, text: string): void {
  print(label);
  print(" = ");
  println(text);
}

export function showBool(label: string, value: bool): void {
  print(label);
  print(" = ");
  printBool(value);
  println();
}
