/**
 * @fileoverview Tests for the opcode table: every name `opcodeName` knows is
 * checked against wabt's disassembler (one tiny module per instruction), the
 * unknown bytes are reported as such, and `isFloatOpcode` is checked against
 * the f32/f64 in the instruction names.
 */
import { describe, expect, it } from 'vitest';
import wabtInit from 'wabt';
import { isFloatOpcode, Op, OpFC, opcodeName } from './opcodes.js';

const wabt = await wabtInit();

const PREFIX_FC = 0xfc;
const FC_COUNT = 18;

/** Immediate bytes that make a valid-looking instance of each instruction (the module below provides every index 0). */
function immediates(op: number, sub?: number): number[] {
  if (op === PREFIX_FC) {
    const fcImmediates: { [sub: number]: number[] } = { 8: [0, 0], 9: [0], 10: [0, 0], 11: [0], 12: [0, 0], 13: [0], 14: [0, 0], 15: [0], 16: [0], 17: [0] };
    return [sub!, ...(fcImmediates[sub!] ?? [])];
  }
  if (op >= 0x02 && op <= 0x04) return [0x40, 0x0b]; // empty block type, then its end
  if (op === 0x05) return []; // placed inside an if by bodyFor
  if (op >= 0x28 && op <= 0x3e) return [0, 0]; // memarg
  if (op === 0x43) return [0, 0, 0, 0];
  if (op === 0x44) return [0, 0, 0, 0, 0, 0, 0, 0];
  if (op === 0x0e) return [1, 0, 0];
  if (op === 0x11) return [0, 0];
  if (op === 0x1c) return [1, 0x7f];
  if (op === 0xd0) return [0x70];
  const oneIndex = [0x0c, 0x0d, 0x10, 0x20, 0x21, 0x22, 0x23, 0x24, 0x25, 0x26, 0x3f, 0x40, 0x41, 0x42, 0xd2];
  return oneIndex.includes(op) ? [0] : [];
}

function bodyFor(op: number, sub?: number): number[] {
  if (op === 0x05) return [0x04, 0x40, 0x05, 0x01, 0x0b]; // if, else nop, end (wabt omits an empty else)
  if (op === 0x0b) return [0x02, 0x40, 0x0b];
  return [op, ...immediates(op, sub)];
}

const section = (id: number, content: number[]) => [id, content.length, ...content];

/** A module with one type, function, table, memory, global, passive element and data segment, around `body`. */
function moduleAround(body: number[]): Uint8Array {
  const fn = [0x01, 0x01, 0x7f, ...body, 0x0b];
  return Uint8Array.from([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...section(1, [1, 0x60, 0, 0]), ...section(3, [1, 0]), ...section(4, [1, 0x70, 0, 1]),
    ...section(5, [1, 0, 1]), ...section(6, [1, 0x7f, 1, 0x41, 0, 0x0b]), ...section(9, [1, 1, 0, 1, 0]),
    ...section(12, [1]), ...section(10, [1, fn.length, ...fn]), ...section(11, [1, 1, 0]),
  ]);
}

/** The instruction mnemonics wabt prints for `body`. */
function wabtMnemonics(body: number[]): string[] {
  const module = wabt.readWasm(moduleAround(body), { readDebugNames: false });
  try {
    const lines = module.toText({}).split('\n').filter((line) => line.startsWith('    ') && !line.includes('(local '));
    return lines.map((line) => line.trim().split(/[\s)]/)[0]);
  } finally {
    module.destroy();
  }
}

const oneByteOps = Array.from({ length: 256 }, (_, op) => op).filter((op) => op !== PREFIX_FC && !opcodeName(op).startsWith('unknown'));
const fcSubs = Array.from({ length: FC_COUNT }, (_, sub) => sub);

describe('opcodeName', () => {
  it('knows the 183 one-byte opcodes (MVP 172, sign-ext 5, reference types 6) and 18 after 0xfc', () => {
    expect(oneByteOps.length).toBe(183);
    expect(fcSubs.every((sub) => !opcodeName(PREFIX_FC, sub).startsWith('unknown'))).toBe(true);
  });

  it.each(oneByteOps.map((op) => ({ op, hex: op.toString(16) })))('opcode 0x$hex agrees with wabt', ({ op }) => {
    expect(wabtMnemonics(bodyFor(op))).toContain(opcodeName(op));
  });

  it.each(fcSubs)('0xfc %i agrees with wabt', (sub) => {
    expect(wabtMnemonics(bodyFor(PREFIX_FC, sub))).toEqual([opcodeName(PREFIX_FC, sub)]);
  });

  it('names unknown opcodes with their hex value', () => {
    expect(opcodeName(0x06)).toBe('unknown opcode 0x06');
    expect(opcodeName(0xfd)).toBe('unknown opcode 0xfd');
    expect(opcodeName(0xfc, 18)).toBe('unknown opcode 0xfc 0x12');
    expect(opcodeName(0xfc)).toBe('unknown opcode 0xfc (no sub-opcode)');
  });

  it('the enums carry the binary encodings', () => {
    expect(opcodeName(Op.I32Add)).toBe('i32.add');
    expect(opcodeName(Op.SelectT)).toBe('select');
    expect(opcodeName(Op.I64Extend32S)).toBe('i64.extend32_s');
    expect(opcodeName(Op.PrefixFC, OpFC.MemoryCopy)).toBe('memory.copy');
    expect(opcodeName(Op.PrefixFC, OpFC.TableFill)).toBe('table.fill');
  });
});

describe('isFloatOpcode', () => {
  const mentionsFloat = (name: string) => /f32|f64/.test(name);

  it.each(oneByteOps.map((op) => ({ op, name: opcodeName(op) })))('$name is float exactly when its name mentions f32/f64', ({ op }) => {
    expect(isFloatOpcode(op)).toBe(mentionsFloat(opcodeName(op)));
  });

  it('covers the saturating truncations and nothing else after 0xfc', () => {
    for (const sub of fcSubs) expect(isFloatOpcode(PREFIX_FC, sub)).toBe(sub <= OpFC.I64TruncSatF64U);
    expect(isFloatOpcode(PREFIX_FC)).toBe(false);
    expect(isFloatOpcode(PREFIX_FC, -1)).toBe(false);
  });

  it('is false for opcodes it does not know', () => {
    expect(isFloatOpcode(0x06)).toBe(false);
    expect(isFloatOpcode(0xfd)).toBe(false);
  });
});
