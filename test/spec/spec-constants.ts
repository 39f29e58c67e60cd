/**
 * @fileoverview Parses the numeric literals of .wast constants (`i32.const`, `i64.const`, `f32.const`,
 * `f64.const`) into the values of `spec-types.ts`.
 *
 * Pipeline place: used by `wast.ts` while it reads arguments and expected results.
 * Integers follow the text format: optional sign, decimal or `0x` hex, `_` separators, and the
 * unsigned range is accepted too (`i32.const 0xffffffff` is -1). Floats are turned into their exact
 * bit patterns with correct round-to-nearest-even, so a float result can be compared bit for bit.
 */

type NanPattern = 'nan:canonical' | 'nan:arithmetic';

/** IEEE 754 binary format: explicit fraction bits and exponent bits. */
interface FloatFormat { fractionBits: number; exponentBits: number }
const binary32: FloatFormat = { fractionBits: 23, exponentBits: 8 };
const binary64: FloatFormat = { fractionBits: 52, exponentBits: 11 };

export function parseI32(text: string): number {
  return Number(BigInt.asIntN(32, parseInteger(text, 32)));
}

export function parseI64(text: string): bigint {
  return BigInt.asIntN(64, parseInteger(text, 64));
}

/** An integer literal in the signed or unsigned range of `width` bits. */
function parseInteger(text: string, width: number): bigint {
  const match = /^([+-]?)(0x[0-9a-fA-F_]+|[0-9_]+)$/.exec(text);
  if (!match) throw new Error(`malformed i${width} literal '${text}'`);
  const magnitude = BigInt(match[2].replaceAll('_', ''));
  const value = match[1] === '-' ? -magnitude : magnitude;
  if (value < -(1n << BigInt(width - 1)) || value >= 1n << BigInt(width)) {
    throw new Error(`i${width} literal out of range '${text}'`);
  }
  return value;
}

export function parseF32Bits(text: string): number | NanPattern {
  const bits = parseFloatBits(text, binary32);
  return typeof bits === 'bigint' ? Number(bits) : bits;
}

export function parseF64Bits(text: string): bigint | NanPattern {
  return parseFloatBits(text, binary64);
}

/** The unsigned bit pattern of a float literal, or a NaN result pattern. */
function parseFloatBits(text: string, format: FloatFormat): bigint | NanPattern {
  if (text === 'nan:canonical' || text === 'nan:arithmetic') return text;
  const negative = text.startsWith('-');
  const body = text.replace(/^[+-]/, '').replaceAll('_', '');
  const signBit = negative ? 1n << BigInt(format.fractionBits + format.exponentBits) : 0n;
  return signBit | parseMagnitudeBits(body, format, text);
}

function parseMagnitudeBits(body: string, format: FloatFormat, text: string): bigint {
  const exponentAllOnes = ((1n << BigInt(format.exponentBits)) - 1n) << BigInt(format.fractionBits);
  if (body === 'inf') return exponentAllOnes;
  if (body === 'nan') return exponentAllOnes | (1n << BigInt(format.fractionBits - 1));
  if (body.startsWith('nan:0x')) return exponentAllOnes | BigInt(body.slice(4));
  const hex = /^0x([0-9a-fA-F]*)(?:\.([0-9a-fA-F]*))?(?:[pP]([+-]?\d+))?$/.exec(body);
  if (hex) {
    const fraction = hex[2] ?? '';
    const mantissa = BigInt('0x0' + hex[1] + fraction);
    return scaledBits(mantissa, Number(hex[3] ?? 0) - 4 * fraction.length, 2n, format);
  }
  const decimal = /^(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(body);
  if (decimal && body !== '' && body !== '.') {
    const fraction = decimal[2] ?? '';
    const mantissa = BigInt('0' + decimal[1] + fraction);
    return scaledBits(mantissa, Number(decimal[3] ?? 0) - fraction.length, 10n, format);
  }
  throw new Error(`malformed float literal '${text}'`);
}

/** Bits of mantissa * base^exponent (both exact), rounded once. */
function scaledBits(mantissa: bigint, exponent: number, base: bigint, format: FloatFormat): bigint {
  const scale = base ** BigInt(Math.abs(exponent));
  return exponent >= 0 ? roundToFormat(mantissa * scale, 1n, format) : roundToFormat(mantissa, scale, format);
}

/**
 * Rounds the positive rational num/den to the nearest representable value (ties to even) and returns
 * its bits; subnormals and overflow to infinity included.
 */
function roundToFormat(num: bigint, den: bigint, format: FloatFormat): bigint {
  if (num === 0n) return 0n;
  const bias = (1 << (format.exponentBits - 1)) - 1;
  let exponent = Math.max(floorLog2Ratio(num, den), 1 - bias);
  const shift = format.fractionBits - exponent;
  const scaledNum = shift >= 0 ? num << BigInt(shift) : num;
  const scaledDen = shift >= 0 ? den : den << BigInt(-shift);
  let significand = scaledNum / scaledDen;
  const twiceRemainder = 2n * (scaledNum % scaledDen);
  if (twiceRemainder > scaledDen || (twiceRemainder === scaledDen && (significand & 1n) === 1n)) significand++;
  const implicitOne = 1n << BigInt(format.fractionBits);
  if (significand === implicitOne << 1n) {
    significand >>= 1n;
    exponent++;
  }
  if (significand < implicitOne) return significand;
  const biasedExponent = BigInt(exponent + bias);
  if (biasedExponent >= (1n << BigInt(format.exponentBits)) - 1n) {
    return ((1n << BigInt(format.exponentBits)) - 1n) << BigInt(format.fractionBits);
  }
  return (biasedExponent << BigInt(format.fractionBits)) | (significand - implicitOne);
}

/** floor(log2(num/den)) for positive num, den. */
function floorLog2Ratio(num: bigint, den: bigint): number {
  let log = num.toString(2).length - den.toString(2).length;
  const below = log >= 0 ? num < den << BigInt(log) : num << BigInt(-log) < den;
  if (below) log--;
  return log;
}
