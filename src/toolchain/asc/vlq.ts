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
