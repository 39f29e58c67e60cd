/**
 * @fileoverview A read cursor over wasm bytes: LEB128 integers, fixed-width
 * values, names. Shared by the module reader and the single-pass compiler.
 * Every read past the end throws a WasmError naming the offset.
 */
import { WasmError } from './types.js';

/** Strict UTF-8: malformed names are errors, and a leading U+FEFF is part of the name, not a BOM. */
const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
/** Longer names go to TextDecoder (String.fromCharCode.apply takes one argument per byte). */
const MAX_ASCII_FAST_PATH = 1024;

function isAscii(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i] >= 0x80) return false;
  return true;
}

export class Cursor {
  pos: number;

  constructor(
    readonly bytes: Uint8Array,
    start = 0,
    /** One past the last readable byte. */
    public end = bytes.length,
  ) {
    this.pos = start;
  }

  get atEnd(): boolean {
    return this.pos >= this.end;
  }

  fail(message: string, offset = this.pos): never {
    throw new WasmError(`${message} at offset 0x${offset.toString(16)}`, offset);
  }

  u8(): number {
    if (this.pos >= this.end) this.fail('unexpected end');
    return this.bytes[this.pos++];
  }

  peekU8(): number {
    return this.pos < this.end ? this.bytes[this.pos] : -1;
  }

  /** Unsigned LEB128, at most 32 bits. */
  u32(): number {
    let result = 0;
    let shift = 0;
    const start = this.pos;
    for (;;) {
      const byte = this.u8();
      if (shift === 28 && (byte & 0x70) !== 0) this.fail('integer too large', start);
      result |= (byte & 0x7f) << shift;
      if ((byte & 0x80) === 0) return result >>> 0;
      shift += 7;
      if (shift > 28) this.fail('integer representation too long', start);
    }
  }

  /** Signed LEB128, at most 32 bits; returns an int32. */
  s32(): number {
    let result = 0;
    let shift = 0;
    const start = this.pos;
    for (;;) {
      const byte = this.u8();
      if (shift === 28) {
        // The last byte holds 4 value bits; the unused bits must sign-extend them.
        const rest = byte & 0x70;
        const signBit = byte & 0x08;
        if ((byte & 0x80) !== 0) this.fail('integer representation too long', start);
        if (signBit ? rest !== 0x70 : rest !== 0) this.fail('integer too large', start);
        return result | (byte << 28);
      }
      result |= (byte & 0x7f) << shift;
      shift += 7;
      if ((byte & 0x80) === 0) {
        return shift < 32 && (byte & 0x40) !== 0 ? result | (-1 << shift) : result;
      }
    }
  }

  /** Signed LEB128, at most 64 bits. */
  s64(): bigint {
    let result = 0n;
    let shift = 0n;
    const start = this.pos;
    for (;;) {
      const byte = this.u8();
      if (shift === 63n) {
        const rest = byte & 0x7e;
        if ((byte & 0x80) !== 0) this.fail('integer representation too long', start);
        if ((byte & 0x01) ? rest !== 0x7e : rest !== 0) this.fail('integer too large', start);
        return BigInt.asIntN(64, result | (BigInt(byte) << 63n));
      }
      result |= BigInt(byte & 0x7f) << shift;
      shift += 7n;
      if ((byte & 0x80) === 0) {
        if (shift < 64n && (byte & 0x40) !== 0) result -= 1n << shift;
        return BigInt.asIntN(64, result);
      }
    }
  }

  /** Signed 33-bit LEB128 (block types); returned as a JS number. */
  s33(): number {
    let result = 0;
    let mul = 1;
    const start = this.pos;
    for (let i = 0; i < 4; i++) {
      const byte = this.u8();
      result += (byte & 0x7f) * mul;
      mul *= 128;
      if ((byte & 0x80) === 0) {
        if (byte & 0x40) result -= mul;
        return result;
      }
    }
    // The fifth byte holds 5 value bits; the unused bits must sign-extend them.
    const byte = this.u8();
    const rest = byte & 0x60;
    if ((byte & 0x80) !== 0) this.fail('integer representation too long', start);
    if ((byte & 0x10) ? rest !== 0x60 : rest !== 0) this.fail('integer too large', start);
    return result + ((byte & 0x1f) - ((byte & 0x10) << 1)) * mul;
  }

  u32Fixed(): number {
    const b = this.bytes;
    if (this.pos + 4 > this.end) this.fail('unexpected end');
    const v = (b[this.pos] | (b[this.pos + 1] << 8) | (b[this.pos + 2] << 16) | (b[this.pos + 3] << 24)) >>> 0;
    this.pos += 4;
    return v;
  }

  u64Fixed(): bigint {
    const lo = BigInt(this.u32Fixed());
    const hi = BigInt(this.u32Fixed());
    return (hi << 32n) | lo;
  }

  take(length: number): Uint8Array {
    if (this.pos + length > this.end) this.fail('unexpected end');
    const view = this.bytes.subarray(this.pos, this.pos + length);
    this.pos += length;
    return view;
  }

  name(): string {
    const length = this.u32();
    const start = this.pos;
    const raw = this.take(length);
    // Names are nearly always short ASCII (function names fill the name section), where TextDecoder's call costs
    // more than the decoding itself.
    if (length <= MAX_ASCII_FAST_PATH && isAscii(raw)) return String.fromCharCode.apply(null, raw as unknown as number[]);
    try {
      return UTF8.decode(raw);
    } catch {
      return this.fail('malformed UTF-8 encoding', start);
    }
  }
}
