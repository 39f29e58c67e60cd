/**
 * @fileoverview Number formatting for kernel messages: fixed-width hex
 * (`0x0000002a`, as exception reports print addresses) and left-padded
 * decimals (for `ps`-style columns).
 */

const HEX_DIGITS = "0123456789abcdef";

/** `value` as "0x" and exactly `digits` hex digits (the low ones). */
export function hex(value: u32, digits: i32 = 8): string {
  let text = "";
  for (let shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
    text += HEX_DIGITS.charAt(<i32>((value >> <u32>shift) & 0xf));
  }
  return "0x" + text;
}

/** `text` with spaces in front up to `width` characters. */
export function padLeft(text: string, width: i32): string {
  return text.length >= width ? text : " ".repeat(width - text.length) + text;
}

/** `text` with spaces after it up to `width` characters. */
export function padRight(text: string, width: i32): string {
  return text.length >= width ? text : text + " ".repeat(width - text.length);
}
