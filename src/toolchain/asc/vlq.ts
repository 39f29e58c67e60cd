/**
 * @fileoverview Base64 VLQ decoding, the number encoding of source map v3
 * `mappings` strings. Used by source-map.ts to read the maps asc writes beside
 * each wasm binary.
 *
 * Each base64 digit carries 5 value bits and a continuation bit (0x20); the
 * lowest bit of the assembled number is the sign.
 */

const BASE64_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const CONTINUATION_BIT = 0x20;
const VALUE_MASK = 0x1f;
const BITS_PER_DIGIT = 5;

const DIGIT_VALUES: ReadonlyMap<string, number> = new Map(
  [...BASE64_ALPHABET].map((char, value) => [char, value]),
);

/** Decodes one mapping segment (e.g. `"uFCAsC"`) into its signed fields. */
export function decodeVlqSegment(segment: string): number[] {
  const fields: number[] = [];
  let accumulated = 0;
  let shift = 0;
  for (const char of segment) {
    const digit = DIGIT_VALUES.get(char);
    if (digit === undefined) throw new Error(`invalid base64 VLQ digit '${char}' in '${segment}'`);
    // Multiply instead of shifting so values beyond 2^31 stay exact.
    accumulated += (digit & VALUE_MASK) * 2 ** shift;
    if (digit & CONTINUATION_BIT) {
      shift += BITS_PER_DIGIT;
      continue;
    }
    const magnitude = Math.floor(accumulated / 2);
    fields.push(accumulated % 2 === 1 ? -magnitude : magnitude);
    accumulated = 0;
    shift = 0;
  }
  if (shift !== 0) throw new Error(`truncated base64 VLQ segment '${segment}'`);
  return fields;
}

/** Digit values by character code (-1: not a base64 digit), for the streaming reader. */
const DIGIT_BY_CODE = (() => {
  const table = new Int8Array(128).fill(-1);
  [...BASE64_ALPHABET].forEach((char, value) => (table[char.charCodeAt(0)] = value));
  return table;
})();

/**
 * Reads VLQ numbers straight out of a whole `mappings` string, one field at a
 * time, without splitting it into segments (source maps of big modules have
 * tens of thousands of them).
 */
export class VlqReader {
  pos = 0;

  constructor(readonly text: string) {}

  /** The character at the read position: ',' ends a segment, ';' a line; '' at the end. */
  peek(): string {
    return this.text.charAt(this.pos);
  }

  next(): number {
    let accumulated = 0;
    let shift = 0;
    for (;;) {
      const code = this.text.charCodeAt(this.pos++);
      const digit = code < 128 ? DIGIT_BY_CODE[code] : -1;
      if (digit < 0) throw new Error(`invalid base64 VLQ digit at ${this.pos - 1} of the mappings`);
      accumulated += (digit & VALUE_MASK) * 2 ** shift;
      if ((digit & CONTINUATION_BIT) === 0) break;
      shift += BITS_PER_DIGIT;
    }
    const magnitude = Math.floor(accumulated / 2);
    return accumulated % 2 === 1 ? -magnitude : magnitude;
  }
}
