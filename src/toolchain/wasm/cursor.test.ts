/**
 * @fileoverview Tests for the wasm byte cursor: LEB128 edge cases (maximum
 * values, over-long and too-large encodings, sign extension), fixed-width
 * reads, bounds and UTF-8 names. Signed LEB decoding is also cross-checked
 * against Node's own WebAssembly decoder on many values.
 */
import { describe, expect, it } from 'vitest';
import { Cursor } from './cursor.js';
import { WasmError } from './types.js';

const at = (...bytes: number[]) => new Cursor(Uint8Array.from(bytes));

/** Expects `read` to throw a WasmError whose message contains `text` and names `offset`. */
function expectError(read: () => unknown, text: string, offset: number): void {
  let error: unknown;
  try {
    read();
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(WasmError);
  expect((error as WasmError).message).toContain(text);
  expect((error as WasmError).offset).toBe(offset);
  expect((error as WasmError).message).toContain(`at offset 0x${offset.toString(16)}`);
}

describe('u32 (unsigned LEB128)', () => {
  it.each([
    [[0x00], 0],
    [[0x7f], 127],
    [[0x80, 0x01], 128],
    [[0xe5, 0x8e, 0x26], 624485],
    [[0xff, 0xff, 0xff, 0xff, 0x0f], 0xffff_ffff],
    [[0x80, 0x80, 0x80, 0x80, 0x00], 0],
    [[0x82, 0x80, 0x80, 0x80, 0x00], 2],
  ])('decodes %j as %d and consumes every byte', (bytes, value) => {
    const c = at(...bytes, 0xaa);
    expect(c.u32()).toBe(value);
    expect(c.pos).toBe(bytes.length);
  });

  it('rejects a sixth byte (representation too long)', () => {
    expectError(() => at(0x80, 0x80, 0x80, 0x80, 0x80, 0x00).u32(), 'integer representation too long', 0);
  });

  it('rejects unused bits set in the fifth byte (too large)', () => {
    expectError(() => at(0xff, 0xff, 0xff, 0xff, 0x1f).u32(), 'integer too large', 0);
    expectError(() => at(0x82, 0x80, 0x80, 0x80, 0x70).u32(), 'integer too large', 0);
    expectError(() => at(0x82, 0x80, 0x80, 0x80, 0x40).u32(), 'integer too large', 0);
  });

  it('rejects a truncated encoding at the first missing byte', () => {
    expectError(() => at(0x80, 0x80).u32(), 'unexpected end', 2);
  });

  it('names the offset of the integer inside a larger buffer', () => {
    const c = at(0x00, 0x00, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00);
    c.pos = 2;
    expectError(() => c.u32(), 'integer representation too long', 2);
  });
});

describe('s32 (signed LEB128)', () => {
  it.each([
    [[0x00], 0],
    [[0x3f], 63],
    [[0x40], -64],
    [[0x7f], -1],
    [[0xc0, 0x00], 64],
    [[0x80, 0x7f], -128],
    [[0xff, 0xff, 0xff, 0xff, 0x07], 0x7fff_ffff],
    [[0x80, 0x80, 0x80, 0x80, 0x78], -0x8000_0000],
    [[0xff, 0xff, 0xff, 0xff, 0x7f], -1],
    [[0x80, 0x80, 0x80, 0x80, 0x00], 0],
  ])('decodes %j as %d', (bytes, value) => {
    const c = at(...bytes);
    expect(c.s32()).toBe(value);
    expect(c.atEnd).toBe(true);
  });

  it('rejects a sixth byte', () => {
    expectError(() => at(0x80, 0x80, 0x80, 0x80, 0x80, 0x00).s32(), 'integer representation too long', 0);
    expectError(() => at(0xff, 0xff, 0xff, 0xff, 0xff, 0x7f).s32(), 'integer representation too long', 0);
  });

  it('rejects fifth-byte bits that do not sign-extend bit 31', () => {
    expectError(() => at(0x80, 0x80, 0x80, 0x80, 0x70).s32(), 'integer too large', 0); // 0 with unused bits set
    expectError(() => at(0xff, 0xff, 0xff, 0xff, 0x0f).s32(), 'integer too large', 0); // -1 with unused bits unset
    expectError(() => at(0x80, 0x80, 0x80, 0x80, 0x1f).s32(), 'integer too large', 0);
    expectError(() => at(0xff, 0xff, 0xff, 0xff, 0x4f).s32(), 'integer too large', 0);
  });
});

describe('s64 (signed LEB128)', () => {
  const max = [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x00];
  const min = [0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x7f];
  it.each([
    [[0x00], 0n],
    [[0x7f], -1n],
    [[0x40], -64n],
    [[0x80, 0x80, 0x80, 0x80, 0x10], 1n << 32n],
    [max, 0x7fff_ffff_ffff_ffffn],
    [min, -(1n << 63n)],
    [[0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f], -1n],
  ])('decodes %j as %d', (bytes, value) => {
    const c = at(...bytes);
    expect(c.s64()).toBe(value);
    expect(c.atEnd).toBe(true);
  });

  it('rejects an eleventh byte', () => {
    expectError(() => at(...Array(10).fill(0x80), 0x00).s64(), 'integer representation too long', 0);
  });

  it('rejects tenth-byte bits that do not sign-extend bit 63', () => {
    expectError(() => at(...Array(9).fill(0x80), 0x7e).s64(), 'integer too large', 0);
    expectError(() => at(...Array(9).fill(0xff), 0x01).s64(), 'integer too large', 0);
    expectError(() => at(...Array(9).fill(0x80), 0x02).s64(), 'integer too large', 0);
    expectError(() => at(...Array(9).fill(0xff), 0x41).s64(), 'integer too large', 0);
  });
});

describe('s33 (block types)', () => {
  it.each([
    [[0x40], -64],
    [[0x7f], -1],
    [[0x00], 0],
    [[0xff, 0xff, 0xff, 0xff, 0x0f], 0xffff_ffff],
    [[0x80, 0x80, 0x80, 0x80, 0x70], -0x1_0000_0000],
    [[0xff, 0xff, 0xff, 0xff, 0x7f], -1],
  ])('decodes %j as %d', (bytes, value) => {
    expect(at(...bytes).s33()).toBe(value);
  });

  it('rejects a sixth byte and fifth-byte bits that do not sign-extend bit 32', () => {
    expectError(() => at(0x80, 0x80, 0x80, 0x80, 0x80, 0x00).s33(), 'integer representation too long', 0);
    expectError(() => at(0xff, 0xff, 0xff, 0xff, 0x1f).s33(), 'integer too large', 0);
    expectError(() => at(0x80, 0x80, 0x80, 0x80, 0x60).s33(), 'integer too large', 0);
  });
});

describe('fixed-width reads, bounds and names', () => {
  it('reads little-endian u32 and u64', () => {
    const c = at(0x78, 0x56, 0x34, 0x12, 0xff, 0xff, 0xff, 0xff, 0x01, 0x00, 0x00, 0x80);
    expect(c.u32Fixed()).toBe(0x1234_5678);
    expect(c.u64Fixed()).toBe(0x8000_0001_ffff_ffffn);
    expectError(() => c.u8(), 'unexpected end', 12);
  });

  it('stops at `end`, not at the end of the buffer', () => {
    const c = new Cursor(Uint8Array.from([1, 2, 3, 4, 5]), 1, 3);
    expect(c.peekU8()).toBe(2);
    expect(c.take(2)).toEqual(Uint8Array.from([2, 3]));
    expect(c.atEnd).toBe(true);
    expect(c.peekU8()).toBe(-1);
    expectError(() => c.u8(), 'unexpected end', 3);
    expectError(() => new Cursor(Uint8Array.from([1, 2, 3, 4, 5]), 0, 3).u32Fixed(), 'unexpected end', 0);
  });

  it('take returns a view of the bytes, not a copy', () => {
    const bytes = Uint8Array.from([9, 8, 7]);
    const view = new Cursor(bytes).take(2);
    expect(view.buffer).toBe(bytes.buffer);
  });

  it('decodes UTF-8 names, keeping a leading U+FEFF', () => {
    expect(at(0x05, ...new TextEncoder().encode('héllo').subarray(0, 5)).name()).toBe('héll');
    expect(at(0x03, 0xef, 0xbb, 0xbf).name()).toBe('\ufeff');
    expect(at(0x00).name()).toBe('');
  });

  it.each([
    ['an invalid byte', [0x01, 0xff]],
    ['an overlong encoding', [0x02, 0xc0, 0x80]],
    ['a surrogate', [0x03, 0xed, 0xa0, 0x80]],
    ['a truncated sequence', [0x01, 0xc3]],
    ['a code point above U+10FFFF', [0x04, 0xf4, 0x90, 0x80, 0x80]],
  ])('rejects a name with %s', (_, bytes) => {
    expectError(() => at(...bytes).name(), 'malformed UTF-8 encoding', 1);
  });

  it('rejects a name longer than the input', () => {
    expectError(() => at(0x05, 0x61).name(), 'unexpected end', 1);
  });
});

/** A module exporting one immutable global whose `const` immediate is exactly `leb`. */
function globalModule(type: 0x7f | 0x7e, leb: number[]): Uint8Array<ArrayBuffer> {
  const constOp = type === 0x7f ? 0x41 : 0x42;
  const global = [0x01, type, 0x00, constOp, ...leb, 0x0b];
  const exp = [0x01, 0x01, 0x67, 0x03, 0x00];
  return Uint8Array.from([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    0x06, global.length, ...global,
    0x07, exp.length, ...exp,
  ]);
}

/** Signed LEB128 the way toolchains write it: shortest form. */
function encodeSigned(value: bigint): number[] {
  const out: number[] = [];
  for (;;) {
    const byte = Number(value & 0x7fn);
    value >>= 7n;
    const done = (value === 0n && (byte & 0x40) === 0) || (value === -1n && (byte & 0x40) !== 0);
    out.push(done ? byte : byte | 0x80);
    if (done) return out;
  }
}

describe('signed LEB128 agrees with Node’s WebAssembly decoder', () => {
  let seed = 0x2545f491;
  const random32 = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0);
  const interesting32 = [0, 1, -1, 63, 64, -64, -65, 8191, 8192, -8192, -8193, 0x7fff_ffff, -0x8000_0000];
  const values32 = [...interesting32, ...Array.from({ length: 200 }, () => random32() | 0)];
  const values64 = [
    0n, -1n, 1n << 62n, -(1n << 63n), (1n << 63n) - 1n, 1n << 32n, -(1n << 32n),
    ...Array.from({ length: 200 }, () => BigInt.asIntN(64, (BigInt(random32()) << 32n) | BigInt(random32()))),
  ];

  it('s32: shortest and padded 5-byte forms', () => {
    for (const value of values32) {
      const padded = encodeSigned(BigInt(value));
      while (padded.length < 5) {
        padded[padded.length - 1] |= 0x80;
        padded.push(value < 0 ? 0x7f : 0x00);
      }
      for (const leb of [encodeSigned(BigInt(value)), padded]) {
        const node = new WebAssembly.Instance(new WebAssembly.Module(globalModule(0x7f, leb))).exports.g as WebAssembly.Global;
        const ours = at(...leb).s32();
        expect(ours).toBe(node.value);
        expect(ours).toBe(value);
      }
    }
  });

  it('s64: shortest forms', () => {
    for (const value of values64) {
      const leb = encodeSigned(value);
      const node = new WebAssembly.Instance(new WebAssembly.Module(globalModule(0x7e, leb))).exports.g as WebAssembly.Global;
      expect(at(...leb).s64()).toBe(node.value);
    }
  });

  it('Node rejects the encodings we call too large or too long', () => {
    const bad32 = [[0x80, 0x80, 0x80, 0x80, 0x70], [0xff, 0xff, 0xff, 0xff, 0x0f], [0x80, 0x80, 0x80, 0x80, 0x80, 0x00]];
    for (const leb of bad32) {
      expect(() => at(...leb).s32()).toThrow(WasmError);
      expect(WebAssembly.validate(globalModule(0x7f, leb))).toBe(false);
    }
    const bad64 = [[...Array(9).fill(0x80), 0x7e], [...Array(9).fill(0xff), 0x01], [...Array(10).fill(0x80), 0x00]];
    for (const leb of bad64) {
      expect(() => at(...leb).s64()).toThrow(WasmError);
      expect(WebAssembly.validate(globalModule(0x7e, leb))).toBe(false);
    }
  });
});
