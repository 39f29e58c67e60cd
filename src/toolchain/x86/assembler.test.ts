/**
 * @fileoverview Tests of the x86 assembler against an independent decoder.
 *
 * Every case is a Cranelift-style triple: (assembler call, expected NASM text,
 * expected bytes where the *form* matters). Each call is assembled on its own,
 * then all of them are decoded by iced-x86 (a complete x86 decoder, not ours):
 * a case passes when its bytes decode to exactly one instruction that uses
 * all of them and formats as the expected text. The bytes are compared too
 * where two encodings would read the same (imm8 vs imm32, disp8 vs disp32,
 * [ebp] vs [ebp+0], short vs near jumps, the EAX short forms) and where the
 * NASM text leaves the operand size implicit (pusha/popa/pushf/popf/iret are
 * the 32-bit forms 60/61/9c/9d/cf in 32-bit code).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { Decoder, DecoderOptions, Formatter, FormatterSyntax } from 'iced-x86';
import { Alu, Assembler, Shift, type Label, type Mem } from './assembler.js';
import { Cond, Reg, REG_NAMES } from './registers.js';

const ORIGIN = 0x10_0000;
const REGS: Reg[] = [Reg.EAX, Reg.ECX, Reg.EDX, Reg.EBX, Reg.ESP, Reg.EBP, Reg.ESI, Reg.EDI];
const BYTE_REGS: Reg[] = [Reg.EAX, Reg.ECX, Reg.EDX, Reg.EBX];
const NON_BYTE_REGS: Reg[] = [Reg.ESP, Reg.EBP, Reg.ESI, Reg.EDI];
const R8 = ['al', 'cl', 'dl', 'bl'];
const R16 = ['ax', 'cx', 'dx', 'bx', 'sp', 'bp', 'si', 'di'];
const r32 = (reg: Reg): string => REG_NAMES[reg];
/** Condition suffixes in Cond order, as iced-x86 prints them. */
const CC = ['o', 'no', 'b', 'ae', 'e', 'ne', 'be', 'a', 's', 'ns', 'p', 'np', 'l', 'ge', 'le', 'g'];
const ALU_OPS: [Alu, string][] = [
  [Alu.ADD, 'add'], [Alu.OR, 'or'], [Alu.ADC, 'adc'], [Alu.SBB, 'sbb'],
  [Alu.AND, 'and'], [Alu.SUB, 'sub'], [Alu.XOR, 'xor'], [Alu.CMP, 'cmp'],
];
const SHIFT_OPS: [Shift, string][] = [
  [Shift.ROL, 'rol'], [Shift.ROR, 'ror'], [Shift.SHL, 'shl'], [Shift.SHR, 'shr'], [Shift.SAR, 'sar'],
];

const formatter = new Formatter(FormatterSyntax.Nasm);
formatter.spaceAfterOperandSeparator = true;
formatter.hexPrefix = '0x';
formatter.hexSuffix = '';
formatter.uppercaseHex = false;
formatter.branchLeadingZeros = false;
afterAll(() => formatter.free());

/** One table row: the call, the expected assembly text, and optionally the exact bytes ("8b 45 00"). */
type Case = [emit: (a: Assembler) => void, text: string, hex?: string];

function assemble(emit: (a: Assembler) => void, origin = ORIGIN): Uint8Array {
  const a = new Assembler(origin);
  emit(a);
  return a.finish();
}

function hexByte(value: number): string {
  return value.toString(16).padStart(2, '0');
}

function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, hexByte).join(' ');
}

/** Every instruction in `bytes` (loaded at `origin`), as text; "(bad)" for undecodable bytes. */
function disassemble(bytes: Uint8Array, origin = ORIGIN): string[] {
  const decoder = new Decoder(32, bytes, DecoderOptions.None);
  decoder.ip = BigInt(origin);
  const texts: string[] = [];
  for (const instruction of decoder.decodeAll()) {
    texts.push(formatter.format(instruction));
    instruction.free();
  }
  decoder.free();
  return texts;
}

interface Decoded {
  text: string;
  /** Bytes the decoder took for the first instruction. */
  length: number;
  bytes: Uint8Array;
}

/** Decodes the first instruction of each chunk, all from one buffer with one Decoder (one per chunk is slow). */
function decodeEach(chunks: Uint8Array[]): Decoded[] {
  const starts: number[] = [];
  let total = 0;
  for (const chunk of chunks) {
    starts.push(total);
    total += chunk.length;
  }
  const all = new Uint8Array(total);
  chunks.forEach((chunk, i) => all.set(chunk, starts[i]));
  const decoder = new Decoder(32, all, DecoderOptions.None);
  const decoded = chunks.map((bytes, i) => {
    decoder.position = starts[i];
    decoder.ip = BigInt(ORIGIN);
    const instruction = decoder.decode();
    const result = { text: formatter.format(instruction), length: instruction.length, bytes };
    instruction.free();
    return result;
  });
  decoder.free();
  return decoded;
}

/** Registers a test per case: one instruction, all bytes consumed, text (and bytes) as expected. */
function checkCases(cases: Case[]): void {
  const decoded = decodeEach(cases.map(([emit]) => assemble(emit)));
  it.each(cases.map((c, i) => ({ text: c[1], hex: c[2], actual: decoded[i] })))('$text', ({ text, hex, actual }) => {
    expect(actual.text).toBe(text);
    expect(actual.length).toBe(actual.bytes.length);
    if (hex !== undefined) expect(toHex(actual.bytes)).toBe(hex);
  });
}

/** Every register once as the first operand (second fixed) and once as the second (first fixed). */
function registerPairs(): [Reg, Reg][] {
  return [...REGS.map((r): [Reg, Reg] => [r, Reg.EDX]), ...REGS.map((r): [Reg, Reg] => [Reg.EBX, r])];
}

/** Memory operands and their ModRM/SIB/disp bytes after `8b` with reg = edx, for `mov edx, m`. */
const MEMORY_FORMS: [Mem, string, string][] = [
  [{ base: Reg.EAX }, '[eax]', '10'],
  [{ base: Reg.ECX }, '[ecx]', '11'],
  [{ base: Reg.EDX }, '[edx]', '12'],
  [{ base: Reg.EBX }, '[ebx]', '13'],
  [{ base: Reg.ESP }, '[esp]', '14 24'],
  [{ base: Reg.EBP }, '[ebp]', '55 00'],
  [{ base: Reg.EBP, disp: 0 }, '[ebp]', '55 00'],
  [{ base: Reg.ESI }, '[esi]', '16'],
  [{ base: Reg.EDI }, '[edi]', '17'],
  [{ base: Reg.ESP, disp: 8 }, '[esp+8]', '54 24 08'],
  [{ base: Reg.ESP, disp: 0x80 }, '[esp+0x80]', '94 24 80 00 00 00'],
  [{ base: Reg.EBP, disp: -8 }, '[ebp-8]', '55 f8'],
  [{ base: Reg.EBP, disp: 0x1000 }, '[ebp+0x1000]', '95 00 10 00 00'],
  [{ base: Reg.EAX, disp: 127 }, '[eax+0x7f]', '50 7f'],
  [{ base: Reg.EAX, disp: -128 }, '[eax-0x80]', '50 80'],
  [{ base: Reg.EAX, disp: 128 }, '[eax+0x80]', '90 80 00 00 00'],
  [{ base: Reg.EAX, disp: -129 }, '[eax-0x81]', '90 7f ff ff ff'],
  [{ base: Reg.EAX, disp: -16 }, '[eax-0x10]', '50 f0'],
  [{ base: Reg.EAX, disp: 0xffff_fff0 }, '[eax-0x10]', '50 f0'],
  [{ base: Reg.EAX, disp: 0x8000_0000 }, '[eax-0x80000000]', '90 00 00 00 80'],
  [{ base: Reg.EAX, disp: 0x7fff_ffff }, '[eax+0x7fffffff]', '90 ff ff ff 7f'],
  [{}, '[0]', '15 00 00 00 00'],
  [{ disp: 0x1000 }, '[0x1000]', '15 00 10 00 00'],
  [{ disp: 0xffff_f000 }, '[0xfffff000]', '15 00 f0 ff ff'],
  [{ disp: -4096 }, '[0xfffff000]', '15 00 f0 ff ff'],
  [{ index: Reg.ECX, scale: 4 }, '[ecx*4]', '14 8d 00 00 00 00'],
  [{ index: Reg.ECX, scale: 4, disp: 0x100 }, '[ecx*4+0x100]', '14 8d 00 01 00 00'],
  [{ base: Reg.EAX, index: Reg.ECX }, '[eax+ecx]', '14 08'],
  [{ base: Reg.EAX, index: Reg.ECX, scale: 1 }, '[eax+ecx]', '14 08'],
  [{ base: Reg.EAX, index: Reg.ECX, scale: 2 }, '[eax+ecx*2]', '14 48'],
  [{ base: Reg.EAX, index: Reg.ECX, scale: 8 }, '[eax+ecx*8]', '14 c8'],
  [{ base: Reg.EAX, index: Reg.ECX, scale: 4, disp: 0x1234_5678 }, '[eax+ecx*4+0x12345678]', '94 88 78 56 34 12'],
  [{ base: Reg.EBX, index: Reg.ESI, scale: 2, disp: -4 }, '[ebx+esi*2-4]', '54 73 fc'],
  [{ base: Reg.EBP, index: Reg.ECX, scale: 2 }, '[ebp+ecx*2]', '54 4d 00'],
  [{ base: Reg.ESP, index: Reg.EBP }, '[esp+ebp]', '14 2c'],
  [{ base: Reg.ESP, index: Reg.EDI, scale: 4, disp: 0x200 }, '[esp+edi*4+0x200]', '94 bc 00 02 00 00'],
  // Every index register but esp, with every base (8 bases x 7 indexes would add nothing the SIB tests above miss).
  ...REGS.filter((r) => r !== Reg.ESP).map((index): [Mem, string, string] =>
    [{ base: Reg.EDI, index, scale: 8 }, `[edi+${r32(index)}*8]`, `14 ${hexByte(0xc7 | (index << 3))}`]),
  ...REGS.map((base): [Mem, string, string] =>
    [{ base, disp: 4 }, `[${r32(base)}+4]`, base === Reg.ESP ? '54 24 04' : `${hexByte(0x50 | base)} 04`]),
];

describe('memory operands (ModRM, SIB, displacement)', () => {
  checkCases(MEMORY_FORMS.map(([mem, text, hex]): Case =>
    [(a) => a.load(Reg.EDX, mem), `mov edx, ${text}`, `8b ${hex}`]));

  it('rejects esp as an index register', () => {
    expect(() => assemble((a) => a.load(Reg.EAX, { base: Reg.EAX, index: Reg.ESP }))).toThrow(/esp cannot be an index/);
  });

  it('rejects a scale without an index register', () => {
    expect(() => assemble((a) => a.load(Reg.EAX, { base: Reg.EAX, scale: 4 }))).toThrow(/without an index/);
  });
});

describe('moves', () => {
  checkCases([
    ...REGS.flatMap((d) => REGS.map((s): Case => [(a) => a.movRR(d, s), `mov ${r32(d)}, ${r32(s)}`])),
    [(a) => a.movRR(Reg.EAX, Reg.ECX), 'mov eax, ecx', '89 c8'],
    ...REGS.map((d): Case => [(a) => a.movRI(d, 0x1234_5678), `mov ${r32(d)}, 0x12345678`]),
    [(a) => a.movRI(Reg.EAX, 0), 'mov eax, 0', 'b8 00 00 00 00'],
    [(a) => a.movRI(Reg.EDI, -1), 'mov edi, 0xffffffff', 'bf ff ff ff ff'],
    [(a) => a.movRI(Reg.ECX, -16), 'mov ecx, 0xfffffff0', 'b9 f0 ff ff ff'],
    [(a) => a.movRI(Reg.ECX, 0xffff_fff0), 'mov ecx, 0xfffffff0', 'b9 f0 ff ff ff'],

    ...REGS.map((d): Case => [(a) => a.load(d, { base: Reg.ESI, disp: 8 }), `mov ${r32(d)}, [esi+8]`]),
    [(a) => a.load(Reg.EAX, { base: Reg.ECX }, 8), 'movzx eax, byte [ecx]', '0f b6 01'],
    [(a) => a.load(Reg.EAX, { base: Reg.ECX }, 8, true), 'movsx eax, byte [ecx]', '0f be 01'],
    [(a) => a.load(Reg.EDI, { base: Reg.ECX, disp: -1 }, 16), 'movzx edi, word [ecx-1]', '0f b7 79 ff'],
    [(a) => a.load(Reg.ESI, { base: Reg.ESP, disp: 4 }, 16, true), 'movsx esi, word [esp+4]', '0f bf 74 24 04'],
    [(a) => a.load(Reg.EAX, { base: Reg.ECX }, 32, true), 'mov eax, [ecx]', '8b 01'],

    ...REGS.map((s): Case => [(a) => a.store({ base: Reg.EDI, disp: 4 }, s), `mov [edi+4], ${r32(s)}`]),
    ...REGS.map((s): Case => [(a) => a.store({ base: Reg.EAX }, s, 16), `mov [eax], ${R16[s]}`]),
    [(a) => a.store({ base: Reg.EAX }, Reg.ECX, 16), 'mov [eax], cx', '66 89 08'],
    ...BYTE_REGS.map((s): Case => [(a) => a.store({ base: Reg.EBP, disp: -1 }, s, 8), `mov [ebp-1], ${R8[s]}`]),
    [(a) => a.store({ base: Reg.EAX }, Reg.EDX, 8), 'mov [eax], dl', '88 10'],

    [(a) => a.storeImm({ base: Reg.EAX }, 5), 'mov dword [eax], 5', 'c7 00 05 00 00 00'],
    [(a) => a.storeImm({ base: Reg.EBP, disp: -8 }, 0x1234_5678), 'mov dword [ebp-8], 0x12345678',
      'c7 45 f8 78 56 34 12'],
    [(a) => a.storeImm({ disp: 0xb8000 }, -1), 'mov dword [0xb8000], 0xffffffff', 'c7 05 00 80 0b 00 ff ff ff ff'],
    [(a) => a.storeImm({ base: Reg.EAX }, 0x1234, 16), 'mov word [eax], 0x1234', '66 c7 00 34 12'],
    [(a) => a.storeImm({ base: Reg.ESP, disp: 2 }, 0xffff, 16), 'mov word [esp+2], 0xffff', '66 c7 44 24 02 ff ff'],
    [(a) => a.storeImm({ base: Reg.EAX }, 0xff, 8), 'mov byte [eax], 0xff', 'c6 00 ff'],
    [(a) => a.storeImm({ base: Reg.EAX }, -1, 8), 'mov byte [eax], 0xff', 'c6 00 ff'],

    ...REGS.map((d): Case =>
      [(a) => a.lea(d, { base: Reg.ECX, index: Reg.EDX, scale: 2, disp: 0x10 }), `lea ${r32(d)}, [ecx+edx*2+0x10]`]),
    [(a) => a.lea(Reg.ESP, { base: Reg.ESP, disp: 4 }), 'lea esp, [esp+4]', '8d 64 24 04'],

    ...BYTE_REGS.map((s): Case => [(a) => a.extendRR(Reg.ESI, s, 8, false), `movzx esi, ${R8[s]}`]),
    ...BYTE_REGS.map((s): Case => [(a) => a.extendRR(Reg.EDI, s, 8, true), `movsx edi, ${R8[s]}`]),
    ...REGS.map((s): Case => [(a) => a.extendRR(Reg.EAX, s, 16, false), `movzx eax, ${R16[s]}`]),
    ...REGS.map((d): Case => [(a) => a.extendRR(d, Reg.EBP, 16, true), `movsx ${r32(d)}, bp`]),
    [(a) => a.extendRR(Reg.EAX, Reg.ECX, 8, false), 'movzx eax, cl', '0f b6 c1'],
    [(a) => a.extendRR(Reg.EAX, Reg.ECX, 16, true), 'movsx eax, cx', '0f bf c1'],

    [(a) => a.xchg(Reg.ECX, Reg.EDX), 'xchg ecx, edx', '87 ca'],
    [(a) => a.xchg(Reg.ESP, Reg.EBP), 'xchg esp, ebp', '87 e5'],
    ...REGS.filter((r) => r !== Reg.EAX).map((r): Case => [(a) => a.xchg(Reg.EAX, r), `xchg ${r32(r)}, eax`]),
    [(a) => a.xchg(Reg.EAX, Reg.ECX), 'xchg ecx, eax', '91'],
    [(a) => a.xchg(Reg.EDI, Reg.EAX), 'xchg edi, eax', '97'],

    ...CC.map((cc, cond): Case => [(a) => a.cmov(cond as Cond, Reg.EAX, Reg.ECX), `cmov${cc} eax, ecx`]),
    [(a) => a.cmovRM(Cond.NE, Reg.EDX, { base: Reg.EBP, disp: -8 }), 'cmovne edx, [ebp-8]', '0f 45 55 f8'],
    [(a) => a.imulRMI(Reg.EAX, { base: Reg.EBP, disp: -36 }, 64), 'imul eax, [ebp-0x24], 0x40', '6b 45 dc 40'],
    [(a) => a.imulRMI(Reg.ECX, { index: Reg.EDX, scale: 4, disp: 0x1000 }, 1000), 'imul ecx, [edx*4+0x1000], 0x3e8'],
    [(a) => a.cmovRM(Cond.E, Reg.EAX, { disp: 0x1000 }), 'cmove eax, [0x1000]'],
    ...registerPairs().map(([d, s]): Case => [(a) => a.cmov(Cond.L, d, s), `cmovl ${r32(d)}, ${r32(s)}`]),
    [(a) => a.cmov(Cond.E, Reg.EDX, Reg.ESI), 'cmove edx, esi', '0f 44 d6'],

    ...CC.map((cc, cond): Case => [(a) => a.setcc(cond as Cond, Reg.EAX), `set${cc} al`]),
    ...BYTE_REGS.map((d): Case => [(a) => a.setcc(Cond.G, d), `setg ${R8[d]}`]),
    [(a) => a.setcc(Cond.B, Reg.EBX), 'setb bl', '0f 92 c3'],
  ]);

  it.each(NON_BYTE_REGS)('refuses 8-bit forms of %s (no byte register without REX)', (reg) => {
    expect(() => assemble((a) => a.store({ base: Reg.EAX }, reg, 8))).toThrow(/no 8-bit form/);
    expect(() => assemble((a) => a.setcc(Cond.E, reg))).toThrow(/no 8-bit form/);
    expect(() => assemble((a) => a.extendRR(Reg.EAX, reg, 8, false))).toThrow(/no 8-bit form/);
  });
});

describe('arithmetic', () => {
  checkCases([
    ...ALU_OPS.flatMap(([op, name]) =>
      registerPairs().map(([d, s]): Case => [(a) => a.aluRR(op, d, s), `${name} ${r32(d)}, ${r32(s)}`])),
    [(a) => a.aluRR(Alu.ADD, Reg.EAX, Reg.ECX), 'add eax, ecx', '01 c8'],
    [(a) => a.aluRR(Alu.CMP, Reg.ESI, Reg.EDI), 'cmp esi, edi', '39 fe'],

    // imm8 (83) vs EAX short form (op*8+5) vs 81 for every op; boundaries of a signed byte.
    ...ALU_OPS.flatMap(([op, name]): Case[] => [
      [(a) => a.aluRI(op, Reg.ECX, 1), `${name} ecx, 1`, `83 ${hexByte(0xc1 | (op << 3))} 01`],
      [(a) => a.aluRI(op, Reg.EAX, 0x1000), `${name} eax, 0x1000`, `${hexByte((op << 3) | 5)} 00 10 00 00`],
      [(a) => a.aluRI(op, Reg.EDI, 0x1000), `${name} edi, 0x1000`, `81 ${hexByte(0xc7 | (op << 3))} 00 10 00 00`],
    ]),
    ...REGS.map((d): Case => [(a) => a.aluRI(Alu.SUB, d, 0x20), `sub ${r32(d)}, 0x20`]),
    [(a) => a.aluRI(Alu.ADD, Reg.ECX, 127), 'add ecx, 0x7f', '83 c1 7f'],
    [(a) => a.aluRI(Alu.ADD, Reg.ECX, -128), 'add ecx, 0xffffff80', '83 c1 80'],
    [(a) => a.aluRI(Alu.ADD, Reg.ECX, 128), 'add ecx, 0x80', '81 c1 80 00 00 00'],
    [(a) => a.aluRI(Alu.ADD, Reg.ECX, -129), 'add ecx, 0xffffff7f', '81 c1 7f ff ff ff'],
    [(a) => a.aluRI(Alu.ADD, Reg.ECX, 0xffff_ffff), 'add ecx, 0xffffffff', '83 c1 ff'],
    [(a) => a.aluRI(Alu.AND, Reg.ECX, 0x8000_0000), 'and ecx, 0x80000000', '81 e1 00 00 00 80'],
    [(a) => a.aluRI(Alu.ADD, Reg.EAX, 1), 'add eax, 1', '83 c0 01'],
    [(a) => a.aluRI(Alu.ADD, Reg.EAX, 128), 'add eax, 0x80', '05 80 00 00 00'],
    [(a) => a.aluRI(Alu.CMP, Reg.EAX, -129), 'cmp eax, 0xffffff7f', '3d 7f ff ff ff'],

    ...ALU_OPS.map(([op, name]): Case =>
      [(a) => a.aluRM(op, Reg.EAX, { base: Reg.ECX, disp: 4 }), `${name} eax, [ecx+4]`]),
    ...REGS.map((d): Case => [(a) => a.aluRM(Alu.ADD, d, { base: Reg.ESP }), `add ${r32(d)}, [esp]`]),
    [(a) => a.aluRM(Alu.XOR, Reg.EDX, { base: Reg.EBP }), 'xor edx, [ebp]', '33 55 00'],
    ...ALU_OPS.map(([op, name]): Case =>
      [(a) => a.aluMR(op, { base: Reg.ECX, disp: 4 }, Reg.EAX), `${name} [ecx+4], eax`]),
    ...REGS.map((s): Case => [(a) => a.aluMR(Alu.OR, { index: Reg.EBX, scale: 4 }, s), `or [ebx*4], ${r32(s)}`]),
    [(a) => a.aluMR(Alu.SUB, { base: Reg.ESP, disp: 8 }, Reg.ECX), 'sub [esp+8], ecx', '29 4c 24 08'],

    ...ALU_OPS.map(([op, name]): Case => [(a) => a.aluMI(op, { base: Reg.EBX }, 1), `${name} dword [ebx], 1`]),
    [(a) => a.aluMI(Alu.ADD, { base: Reg.EAX }, 127), 'add dword [eax], 0x7f', '83 00 7f'],
    [(a) => a.aluMI(Alu.ADD, { base: Reg.EAX }, -128), 'add dword [eax], 0xffffff80', '83 00 80'],
    [(a) => a.aluMI(Alu.ADD, { base: Reg.EAX }, 128), 'add dword [eax], 0x80', '81 00 80 00 00 00'],
    [(a) => a.aluMI(Alu.CMP, { base: Reg.ESP, disp: 8 }, -129), 'cmp dword [esp+8], 0xffffff7f',
      '81 7c 24 08 7f ff ff ff'],

    ...registerPairs().map(([x, y]): Case => [(a) => a.testRR(x, y), `test ${r32(x)}, ${r32(y)}`]),
    [(a) => a.testRR(Reg.EAX, Reg.EAX), 'test eax, eax', '85 c0'],
    ...REGS.map((r): Case => [(a) => a.testRI(r, 0x100), `test ${r32(r)}, 0x100`]),
    [(a) => a.testRI(Reg.EAX, 0x80), 'test eax, 0x80', 'a9 80 00 00 00'],
    [(a) => a.testRI(Reg.ECX, 1), 'test ecx, 1', 'f7 c1 01 00 00 00'],

    ...SHIFT_OPS.flatMap(([op, name]): Case[] => [
      [(a) => a.shiftRI(op, Reg.EDX, 1), `${name} edx, 1`, `d1 ${hexByte(0xc2 | (op << 3))}`],
      [(a) => a.shiftRI(op, Reg.EDX, 5), `${name} edx, 5`, `c1 ${hexByte(0xc2 | (op << 3))} 05`],
      [(a) => a.shiftRCL(op, Reg.EDX), `${name} edx, cl`, `d3 ${hexByte(0xc2 | (op << 3))}`],
    ]),
    ...REGS.map((d): Case => [(a) => a.shiftRI(Shift.SAR, d, 31), `sar ${r32(d)}, 0x1f`]),
    ...REGS.map((d): Case => [(a) => a.shiftRCL(Shift.SHL, d), `shl ${r32(d)}, cl`]),

    ...registerPairs().map(([d, s]): Case => [(a) => a.shldRRI(d, s, 5), `shld ${r32(d)}, ${r32(s)}, 5`]),
    ...registerPairs().map(([d, s]): Case => [(a) => a.shrdRRI(d, s, 31), `shrd ${r32(d)}, ${r32(s)}, 0x1f`]),
    ...registerPairs().map(([d, s]): Case => [(a) => a.shldRRCL(d, s), `shld ${r32(d)}, ${r32(s)}, cl`]),
    ...registerPairs().map(([d, s]): Case => [(a) => a.shrdRRCL(d, s), `shrd ${r32(d)}, ${r32(s)}, cl`]),
    [(a) => a.shldRRI(Reg.EAX, Reg.ECX, 5), 'shld eax, ecx, 5', '0f a4 c8 05'],
    [(a) => a.shrdRRCL(Reg.EAX, Reg.ECX), 'shrd eax, ecx, cl', '0f ad c8'],

    ...registerPairs().map(([d, s]): Case => [(a) => a.imulRR(d, s), `imul ${r32(d)}, ${r32(s)}`]),
    [(a) => a.imulRR(Reg.EAX, Reg.ECX), 'imul eax, ecx', '0f af c1'],
    ...REGS.map((d): Case => [(a) => a.imulRM(d, { base: Reg.EBP, disp: 12 }), `imul ${r32(d)}, [ebp+0xc]`]),
    // iced-x86 prints `imul r, r, imm` with equal registers as `imul r, imm`.
    ...registerPairs().map(([d, s]): Case =>
      [(a) => a.imulRRI(d, s, 3), `imul ${d === s ? '' : `${r32(d)}, `}${r32(s)}, 3`]),
    [(a) => a.imulRRI(Reg.EAX, Reg.ECX, 127), 'imul eax, ecx, 0x7f', '6b c1 7f'],
    [(a) => a.imulRRI(Reg.EAX, Reg.ECX, -128), 'imul eax, ecx, 0xffffff80', '6b c1 80'],
    [(a) => a.imulRRI(Reg.EAX, Reg.ECX, 128), 'imul eax, ecx, 0x80', '69 c1 80 00 00 00'],
    [(a) => a.imulRRI(Reg.EAX, Reg.ECX, -129), 'imul eax, ecx, 0xffffff7f', '69 c1 7f ff ff ff'],

    ...REGS.flatMap((r): Case[] => [
      [(a) => a.mul(r), `mul ${r32(r)}`],
      [(a) => a.div(r), `div ${r32(r)}`],
      [(a) => a.idiv(r), `idiv ${r32(r)}`],
      [(a) => a.neg(r), `neg ${r32(r)}`],
      [(a) => a.not(r), `not ${r32(r)}`],
      [(a) => a.inc(r), `inc ${r32(r)}`, hexByte(0x40 + r)],
      [(a) => a.dec(r), `dec ${r32(r)}`, hexByte(0x48 + r)],
      [(a) => a.bswap(r), `bswap ${r32(r)}`, `0f ${hexByte(0xc8 + r)}`],
    ]),
    [(a) => a.mul(Reg.ECX), 'mul ecx', 'f7 e1'],
    [(a) => a.div(Reg.ECX), 'div ecx', 'f7 f1'],
    [(a) => a.idiv(Reg.ECX), 'idiv ecx', 'f7 f9'],
    [(a) => a.neg(Reg.ECX), 'neg ecx', 'f7 d9'],
    [(a) => a.not(Reg.ECX), 'not ecx', 'f7 d1'],
    [(a) => a.cdq(), 'cdq', '99'],
    ...registerPairs().flatMap(([d, s]): Case[] => [
      [(a) => a.bsr(d, s), `bsr ${r32(d)}, ${r32(s)}`],
      [(a) => a.bsf(d, s), `bsf ${r32(d)}, ${r32(s)}`],
      [(a) => a.popcnt(d, s), `popcnt ${r32(d)}, ${r32(s)}`],
    ]),
    [(a) => a.popcnt(Reg.EAX, Reg.ECX), 'popcnt eax, ecx', 'f3 0f b8 c1'],
  ]);

  it('rejects shift counts that do not fit in an imm8', () => {
    expect(() => assemble((a) => a.shiftRI(Shift.SHL, Reg.EAX, 256))).toThrow(/shiftRI count/);
    expect(() => assemble((a) => a.shldRRI(Reg.EAX, Reg.ECX, -1))).toThrow(/shift count/);
  });
});

describe('stack and control flow (no labels)', () => {
  checkCases([
    ...REGS.flatMap((r): Case[] => [
      [(a) => a.push(r), `push ${r32(r)}`, hexByte(0x50 + r)],
      [(a) => a.pop(r), `pop ${r32(r)}`, hexByte(0x58 + r)],
      [(a) => a.jmpReg(r), `jmp ${r32(r)}`],
      [(a) => a.callReg(r), `call ${r32(r)}`],
    ]),
    [(a) => a.pushImm(127), 'push 0x7f', '6a 7f'],
    [(a) => a.pushImm(-128), 'push 0xffffff80', '6a 80'],
    [(a) => a.pushImm(128), 'push 0x80', '68 80 00 00 00'],
    [(a) => a.pushImm(-129), 'push 0xffffff7f', '68 7f ff ff ff'],
    [(a) => a.pushImm(0xdead_beef), 'push 0xdeadbeef', '68 ef be ad de'],
    [(a) => a.pushMem({ base: Reg.EBP, disp: 8 }), 'push dword [ebp+8]', 'ff 75 08'],
    [(a) => a.popMem({ base: Reg.ESP, disp: 4 }), 'pop dword [esp+4]', '8f 44 24 04'],
    [(a) => a.pushad(), 'pusha', '60'],
    [(a) => a.popad(), 'popa', '61'],
    [(a) => a.pushfd(), 'pushf', '9c'],
    [(a) => a.popfd(), 'popf', '9d'],
    [(a) => a.jmpReg(Reg.EAX), 'jmp eax', 'ff e0'],
    [(a) => a.jmpMem({ index: Reg.EAX, scale: 4, disp: 0x2000 }), 'jmp dword [eax*4+0x2000]', 'ff 24 85 00 20 00 00'],
    [(a) => a.callReg(Reg.EAX), 'call eax', 'ff d0'],
    [(a) => a.callMem({ base: Reg.EBX, disp: 4 }), 'call dword [ebx+4]', 'ff 53 04'],
    [(a) => a.callAbs(0x20_0000), 'call 0x200000', 'e8 fb ff 0f 00'],
    [(a) => a.callAbs(ORIGIN), 'call 0x100000', 'e8 fb ff ff ff'],
    [(a) => a.ret(), 'ret', 'c3'],
    [(a) => a.ret(0), 'ret', 'c3'],
    [(a) => a.ret(8), 'ret 8', 'c2 08 00'],
    [(a) => a.ret(0xffff), 'ret 0xffff', 'c2 ff ff'],
    [(a) => a.iretd(), 'iret', 'cf'],
    [(a) => a.int(3), 'int 3', 'cd 03'],
    [(a) => a.int(0x80), 'int 0x80', 'cd 80'],
    [(a) => a.ud2(), 'ud2', '0f 0b'],
    [(a) => a.nop(), 'nop', '90'],
  ]);

  it('rejects out-of-range ret and int immediates', () => {
    expect(() => assemble((a) => a.ret(0x10000))).toThrow(/ret popBytes/);
    expect(() => assemble((a) => a.int(256))).toThrow(/int vector/);
  });
});

describe('system instructions', () => {
  checkCases([
    [(a) => a.cli(), 'cli', 'fa'],
    [(a) => a.sti(), 'sti', 'fb'],
    [(a) => a.hlt(), 'hlt', 'f4'],
    [(a) => a.cld(), 'cld', 'fc'],
    [(a) => a.std(), 'std', 'fd'],
    [(a) => a.inDX(8), 'in al, dx', 'ec'],
    [(a) => a.inDX(16), 'in ax, dx', '66 ed'],
    [(a) => a.inDX(32), 'in eax, dx', 'ed'],
    [(a) => a.outDX(8), 'out dx, al', 'ee'],
    [(a) => a.outDX(16), 'out dx, ax', '66 ef'],
    [(a) => a.outDX(32), 'out dx, eax', 'ef'],
    [(a) => a.outImm(0x80, 8), 'out 0x80, al', 'e6 80'],
    [(a) => a.outImm(0xf4, 16), 'out 0xf4, ax', '66 e7 f4'],
    [(a) => a.outImm(0xf4, 32), 'out 0xf4, eax', 'e7 f4'],
    [(a) => a.lidt({ base: Reg.EAX }), 'lidt [eax]', '0f 01 18'],
    [(a) => a.lidt({ disp: 0x10_2000 }), 'lidt [0x102000]', '0f 01 1d 00 20 10 00'],
    [(a) => a.lgdt({ base: Reg.ESP, disp: 2 }), 'lgdt [esp+2]', '0f 01 54 24 02'],
    ...REGS.map((r): Case => [(a) => a.ltr(r), `ltr ${R16[r]}`]),
    [(a) => a.ltr(Reg.EAX), 'ltr ax', '0f 00 d8'],
    ...([0, 2, 3, 4] as const).flatMap((cr): Case[] => [
      [(a) => a.movFromCr(Reg.ESI, cr), `mov esi, cr${cr}`],
      [(a) => a.movToCr(cr, Reg.EDI), `mov cr${cr}, edi`],
    ]),
    ...REGS.map((r): Case => [(a) => a.movFromCr(r, 3), `mov ${r32(r)}, cr3`]),
    ...REGS.map((r): Case => [(a) => a.movToCr(0, r), `mov cr0, ${r32(r)}`]),
    [(a) => a.movFromCr(Reg.EAX, 3), 'mov eax, cr3', '0f 20 d8'],
    [(a) => a.movToCr(4, Reg.EAX), 'mov cr4, eax', '0f 22 e0'],
    [(a) => a.invlpg({ base: Reg.EAX }), 'invlpg [eax]', '0f 01 38'],
    [(a) => a.invlpg({ base: Reg.EBP }), 'invlpg [ebp]', '0f 01 7d 00'],
    [(a) => a.rdtsc(), 'rdtsc', '0f 31'],
    ...([[0, 'es'], [2, 'ss'], [3, 'ds'], [4, 'fs'], [5, 'gs']] as const).map(([seg, name]): Case =>
      [(a) => a.movSegFromReg(seg, Reg.EAX), `mov ${name}, eax`]),
    ...REGS.map((r): Case => [(a) => a.movSegFromReg(3, r), `mov ds, ${r32(r)}`]),
    [(a) => a.movSegFromReg(3, Reg.EAX), 'mov ds, eax', '8e d8'],
    [(a) => a.repMovsb(), 'rep movsb', 'f3 a4'],
    [(a) => a.repStosb(), 'rep stosb', 'f3 aa'],
    [(a) => a.repMovsd(), 'rep movsd', 'f3 a5'],
    [(a) => a.repStosd(), 'rep stosd', 'f3 ab'],
  ]);

  it('refuses to load cs (or a non-segment) with mov', () => {
    expect(() => assemble((a) => a.movSegFromReg(1, Reg.EAX))).toThrow(/cs cannot be loaded/);
    expect(() => assemble((a) => a.movSegFromReg(6, Reg.EAX))).toThrow(/segment/);
  });

  it('rejects a port that does not fit in an imm8', () => {
    expect(() => assemble((a) => a.outImm(0x3f8, 8))).toThrow(/outImm port/);
  });
});

describe('labels and fixups', () => {
  it('a forward jcc is rel32 and lands on the label', () => {
    const bytes = assemble((a) => {
      const done = a.newLabel('done');
      a.jcc(Cond.NE, done);
      a.nop();
      a.nop();
      a.nop();
      a.bind(done);
      a.ret();
    });
    expect(toHex(bytes)).toBe('0f 85 03 00 00 00 90 90 90 c3');
    expect(disassemble(bytes)[0]).toBe('jne near 0x100009');
  });

  it('a forward jmp is rel32 even when the target turns out to be near', () => {
    const bytes = assemble((a) => {
      const next = a.newLabel();
      a.jmp(next);
      a.bind(next);
    });
    expect(toHex(bytes)).toBe('e9 00 00 00 00');
  });

  it('a backward jmp and jcc to a near label are short (rel8)', () => {
    const bytes = assemble((a) => {
      const top = a.newLabel('top');
      a.bind(top);
      a.aluRI(Alu.SUB, Reg.ECX, 1);
      a.jcc(Cond.NE, top);
      a.jmp(top);
    });
    expect(toHex(bytes)).toBe('83 e9 01 75 fb eb f9');
    expect(disassemble(bytes)).toEqual(['sub ecx, 1', 'jne short 0x100000', 'jmp short 0x100000']);
  });

  it('a backward jump exactly -128 bytes away is short; -129 is near', () => {
    const jumpAfterNops = (count: number, jump: (a: Assembler, top: Label) => void) =>
      assemble((a) => {
        const top = a.newLabel();
        a.bind(top);
        for (let i = 0; i < count; i++) a.nop();
        jump(a, top);
      }).subarray(count);
    expect(toHex(jumpAfterNops(126, (a, top) => a.jmp(top)))).toBe('eb 80');
    expect(toHex(jumpAfterNops(127, (a, top) => a.jmp(top)))).toBe('e9 7c ff ff ff');
    expect(toHex(jumpAfterNops(126, (a, top) => a.jcc(Cond.B, top)))).toBe('72 80');
    expect(toHex(jumpAfterNops(127, (a, top) => a.jcc(Cond.B, top)))).toBe('0f 82 7b ff ff ff');
  });

  it('jcc encodes every condition', () => {
    const bytes = assemble((a) => {
      const top = a.newLabel();
      a.bind(top);
      for (let cond = 0; cond < 16; cond++) a.jcc(cond as Cond, top);
    });
    expect(disassemble(bytes)).toEqual(CC.map((cc) => `j${cc} short 0x100000`));
  });

  it('call to a label before and after it is bound', () => {
    const bytes = assemble((a) => {
      const fn = a.newLabel('fn');
      a.call(fn);
      a.bind(fn);
      a.ret();
      a.call(fn);
    });
    expect(toHex(bytes)).toBe('e8 00 00 00 00 c3 e8 fa ff ff ff');
    expect(disassemble(bytes)).toEqual(['call 0x100005', 'ret', 'call 0x100005']);
  });

  it('callAbs is relative to where the call is emitted', () => {
    const bytes = assemble((a) => {
      a.nop();
      a.callAbs(0x10_0000);
    });
    expect(disassemble(bytes)).toEqual(['nop', 'call 0x100000']);
  });

  it('addressOfLabel32, movRLabel, jmpFar and Mem.label resolve to origin + offset (+ addend)', () => {
    const a = new Assembler(0x20_0000);
    const data = a.newLabel('data');
    const entry = a.newLabel('entry');
    a.bind(entry);
    a.movRLabel(Reg.EAX, data); // 0: 5 bytes
    a.load(Reg.ECX, { label: data, disp: 4 }); // 5: 6 bytes
    a.jmpMem({ label: data, index: Reg.EAX, scale: 4 }); // 11: 7 bytes
    a.aluMI(Alu.CMP, { label: data, base: Reg.EBX }, 1); // 18: 7 bytes
    a.jmpFar(0x08, entry); // 25: 7 bytes
    a.bind(data); // 32
    a.addressOfLabel32(data, 8);
    a.addressOfLabel32(entry);
    const bytes = a.finish();
    expect(disassemble(bytes.subarray(0, 32), 0x20_0000)).toEqual([
      'mov eax, 0x200020',
      'mov ecx, [0x200024]',
      'jmp dword [eax*4+0x200020]',
      'cmp dword [ebx+0x200020], 1',
      'jmp 8:0x200000',
    ]);
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    expect(view.getUint32(32, true)).toBe(0x20_0028);
    expect(view.getUint32(36, true)).toBe(0x20_0000);
    expect(a.addressOf(data)).toBe(0x20_0020);
  });

  it('finish() throws for a referenced label that was never bound', () => {
    const a = new Assembler(ORIGIN);
    a.jmp(a.newLabel('nowhere'));
    expect(() => a.finish()).toThrow(/'nowhere' is referenced but never bound/);
  });

  it('a label binds once, and addressOf needs it bound', () => {
    const a = new Assembler(ORIGIN);
    const label = a.newLabel('once');
    expect(label.bound).toBe(false);
    expect(() => a.addressOf(label)).toThrow(/not bound/);
    a.nop();
    a.bind(label);
    expect(label.bound).toBe(true);
    expect(label.offset).toBe(1);
    expect(() => a.bind(label)).toThrow(/already bound/);
  });

  it('fixups survive the buffer growing past its first 64 KiB', () => {
    const count = 100_000;
    const a = new Assembler(ORIGIN);
    const end = a.newLabel();
    a.jmp(end);
    for (let i = 0; i < count; i++) a.nop();
    a.bind(end);
    a.movRLabel(Reg.EAX, end);
    const bytes = a.finish();
    expect(bytes.length).toBe(5 + count + 5);
    expect(disassemble(bytes.subarray(0, 5))).toEqual([`jmp 0x${(ORIGIN + 5 + count).toString(16)}`]);
    expect(disassemble(bytes.subarray(5 + count))).toEqual([`mov eax, 0x${(ORIGIN + 5 + count).toString(16)}`]);
  });
});

describe('raw data, offsets, align and patchU32', () => {
  it('writes bytes, u16 and u32 little-endian, modulo their width', () => {
    const bytes = assemble((a) => {
      a.byte(0x12);
      a.byte(-1);
      a.bytes([1, 2, 3]);
      a.u16(0xbeef);
      a.u32(0xdead_beef);
      a.u32(-2);
    });
    expect(toHex(bytes)).toBe('12 ff 01 02 03 ef be ef be ad de fe ff ff ff');
  });

  it('offset and address track the write position', () => {
    const a = new Assembler(0x1000);
    expect([a.offset, a.address]).toEqual([0, 0x1000]);
    a.movRI(Reg.EAX, 1);
    expect([a.offset, a.address]).toEqual([5, 0x1005]);
  });

  it('align pads the absolute address with nop or the given fill', () => {
    expect(toHex(assemble((a) => { a.byte(0xc3); a.align(4); }))).toBe('c3 90 90 90');
    expect(toHex(assemble((a) => { a.byte(0xc3); a.align(4, 0xcc); }))).toBe('c3 cc cc cc');
    expect(toHex(assemble((a) => { a.u32(0); a.align(4); }))).toBe('00 00 00 00');
    expect(assemble((a) => a.align(16), 0x1004).length).toBe(12);
  });

  it('patchU32 overwrites an emitted value, and only inside the code', () => {
    const a = new Assembler(ORIGIN);
    a.aluRI(Alu.SUB, Reg.ESP, 0x1000);
    a.patchU32(2, 0x40);
    expect(disassemble(a.finish())).toEqual(['sub esp, 0x40']);
    expect(() => a.patchU32(4, 0)).toThrow(/outside/);
    expect(() => a.patchU32(-1, 0)).toThrow(/outside/);
  });
});
