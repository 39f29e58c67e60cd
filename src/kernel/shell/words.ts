/**
 * @fileoverview Reading a command line: words separated by spaces, and
 * numbers written in decimal or with a 0x prefix in hex (addresses for `pt`,
 * task ids for `kill`). Pure functions; the in-kernel unit tests cover them.
 */

/** The words of `line`; runs of spaces (and tabs) separate them, none are empty. */
export function splitWords(line: string): string[] {
  const words = new Array<string>();
  let word = "";
  for (let index = 0; index < line.length; index++) {
    const code = line.charCodeAt(index);
    if (code == 0x20 || code == 0x09) {
      if (word.length > 0) words.push(word);
      word = "";
    } else {
      word += String.fromCharCode(code);
    }
  }
  if (word.length > 0) words.push(word);
  return words;
}

/** `text` as an unsigned number ("42", "0x2a", "0X2A"); -1 when it is not one or exceeds 32 bits. */
export function parseNumber(text: string): i64 {
  const isHex = text.length > 2 && text.charCodeAt(0) == 0x30 && (text.charCodeAt(1) | 0x20) == 0x78;
  const digits = isHex ? text.substring(2) : text;
  const base: i64 = isHex ? 16 : 10;
  if (digits.length == 0) return -1;
  let value: i64 = 0;
  for (let index = 0; index < digits.length; index++) {
    const digit = digitValue(digits.charCodeAt(index));
    if (digit < 0 || digit >= base) return -1;
    value = value * base + digit;
    if (value > 0xffff_ffff) return -1;
  }
  return value;
}

function digitValue(code: i32): i64 {
  if (code >= 0x30 && code <= 0x39) return code - 0x30;
  const lower = code | 0x20;
  if (lower >= 0x61 && lower <= 0x66) return lower - 0x61 + 10;
  return -1;
}
