/**
 * @fileoverview `npx tsx bench/encoder-bench.ts [--blocks N]`: is x86 emission worth writing ourselves? Encodes the
 * same mix of about a million instructions (blocks of mov r,[base+disp]; add r,r; cmp r,imm; jcc to the next
 * block; call to a function at the start) three ways, interleaved, five times each, and prints the medians:
 *
 *   ours          our Assembler (src/toolchain/x86/assembler.ts), labels and fixups included;
 *   iced Encoder  iced-x86's Encoder, one Instruction object per instruction, branch targets given as addresses
 *                 (a lower bound: a compiler would still need its own labels and fixups on top);
 *   iced Block    iced-x86's BlockEncoder, which resolves the branches itself (the real alternative).
 *
 * The first two must produce identical bytes (checked), so the comparison is of equal work.
 */
import { BlockEncoder, BlockEncoderOptions, Code, Encoder, Instruction, MemoryOperand, Register } from 'iced-x86';
import { Alu, Assembler } from '../src/toolchain/x86/assembler.js';
import { Cond, Reg } from '../src/toolchain/x86/registers.js';
import { median } from './stats.js';

const DEFAULT_BLOCKS = 200_000;
const INSTRUCTIONS_PER_BLOCK = 5;
const REPETITIONS = 5;
const ORIGIN = 0x10_0000;
/** jcc rel32 (6 bytes) + call rel32 (5 bytes): the jcc targets the end of its block. */
const JCC_AND_CALL_BYTES = 11;

/** The varying operands of one block. */
interface Block {
  dst: Reg;
  base: Reg;
  disp: number;
  src: Reg;
  imm: number;
  cond: Cond;
}

/** Deterministic variety: every register as base (esp needs a SIB, ebp a disp8), disp8 and disp32, imm8 and imm32. */
function makeBlocks(count: number): Block[] {
  let seed = 12345;
  const next = (): number => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed >>> 8;
  };
  return Array.from({ length: count }, () => ({
    dst: (next() & 7) as Reg,
    base: (next() & 7) as Reg,
    disp: next() % 4 === 0 ? next() & 0xfff : (next() & 0x7c) - 64,
    src: (next() & 7) as Reg,
    imm: next() % 3 === 0 ? next() : (next() & 0xff) - 128,
    cond: (next() & 15) as Cond,
  }));
}

function encodeWithAssembler(blocks: Block[]): Uint8Array {
  const a = new Assembler(ORIGIN);
  const fn = a.newLabel('fn');
  a.bind(fn);
  for (const b of blocks) {
    const next = a.newLabel();
    a.load(b.dst, { base: b.base, disp: b.disp });
    a.aluRR(Alu.ADD, b.dst, b.src);
    a.aluRI(Alu.CMP, b.dst, b.imm);
    a.jcc(b.cond, next);
    a.call(fn);
    a.bind(next);
  }
  return a.finish();
}

const CONDITION_NAMES = ['o', 'no', 'b', 'ae', 'e', 'ne', 'be', 'a', 's', 'ns', 'p', 'np', 'l', 'ge', 'le', 'g'];
const JCC_NEAR: Code[] = CONDITION_NAMES.map((cc) => Code[`J${cc}_rel32_32` as keyof typeof Code]);

function icedRegister(reg: Reg): Register {
  return Register.EAX + reg;
}

function fitsInt8(value: number): boolean {
  return value === (value << 24) >> 24;
}

/** The same instruction choices as our Assembler makes (imm8 / EAX short form / imm32). */
function icedCmpCode(dst: Reg, imm: number): Code {
  if (fitsInt8(imm)) return Code.Cmp_rm32_imm8;
  return dst === Reg.EAX ? Code.Cmp_EAX_imm32 : Code.Cmp_rm32_imm32;
}

/** The block's mov, add and cmp as iced-x86 objects (the caller frees them; createRegMem takes the MemoryOperand). */
function icedBlockBody(b: Block): Instruction[] {
  // displSize 1 = "disp8, or disp32 when it does not fit"; 0 = no displacement.
  const displacementSize = b.disp === 0 ? 0 : 1;
  const memory = new MemoryOperand(
    icedRegister(b.base), Register.None, 1, BigInt(b.disp), displacementSize, false, Register.None);
  const dst = icedRegister(b.dst);
  return [
    Instruction.createRegMem(Code.Mov_r32_rm32, dst, memory),
    Instruction.createRegReg(Code.Add_rm32_r32, dst, icedRegister(b.src)),
    Instruction.createRegI32(icedCmpCode(b.dst, b.imm), dst, b.imm | 0),
  ];
}

function encodeWithIcedEncoder(blocks: Block[]): Uint8Array {
  const encoder = Encoder.withCapacity(32, blocks.length * 24);
  let ip = ORIGIN;
  const emit = (instruction: Instruction): void => {
    ip += encoder.encode(instruction, BigInt(ip));
    instruction.free();
  };
  for (const b of blocks) {
    icedBlockBody(b).forEach(emit);
    // The jcc target (the next block) is known once the mov, add and cmp lengths are.
    emit(Instruction.createBranch(JCC_NEAR[b.cond], BigInt(ip + JCC_AND_CALL_BYTES)));
    emit(Instruction.createBranch(Code.Call_rel32_32, BigInt(ORIGIN)));
  }
  const bytes = encoder.takeBuffer();
  encoder.free();
  return bytes;
}

/** BlockEncoder uses instruction addresses as labels: each block starts at a made-up unique ip. */
function encodeWithIcedBlockEncoder(blocks: Block[]): Uint8Array {
  const encoder = new BlockEncoder(32, BlockEncoderOptions.None);
  const blockIp = (i: number): bigint => BigInt(ORIGIN + i * 16);
  blocks.forEach((b, i) => {
    const instructions = [
      ...icedBlockBody(b),
      Instruction.createBranch(JCC_NEAR[b.cond], blockIp(i + 1)),
      Instruction.createBranch(Code.Call_rel32_32, blockIp(0)),
    ];
    instructions.forEach((instruction, k) => {
      instruction.ip = blockIp(i) + BigInt(k);
      encoder.add(instruction);
      instruction.free();
    });
  });
  const bytes = encoder.encode(BigInt(ORIGIN));
  encoder.free();
  return bytes;
}

interface Contender {
  name: string;
  encode: (blocks: Block[]) => Uint8Array;
  /** Wall-clock milliseconds per run. */
  millis: number[];
  /** CPU milliseconds per run (user + system, this process): less disturbed by other work on a shared machine. */
  cpuMillis: number[];
  bytes?: Uint8Array;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}

function parseBlockCount(args: string[]): number {
  const at = args.indexOf('--blocks');
  return at >= 0 ? Number(args[at + 1]) : DEFAULT_BLOCKS;
}

function cpuMillisNow(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

function timeRun(contender: Contender, blocks: Block[]): void {
  const wallStart = performance.now();
  const cpuStart = cpuMillisNow();
  contender.bytes = contender.encode(blocks);
  contender.cpuMillis.push(cpuMillisNow() - cpuStart);
  contender.millis.push(performance.now() - wallStart);
}

function formatRow(contender: Contender, instructionCount: number, oursMedian: number): string {
  const ms = median(contender.millis);
  const millionPerSecond = instructionCount / ms / 1000;
  return [
    contender.name.padEnd(22),
    `${ms.toFixed(1).padStart(8)} ms`,
    `${millionPerSecond.toFixed(2).padStart(6)} M instr/s`,
    `cpu ${median(contender.cpuMillis).toFixed(1).padStart(8)} ms`,
    `${contender.bytes!.length.toLocaleString('en').padStart(10)} bytes`,
    `${(ms / oursMedian).toFixed(2)}x ours`,
  ].join('  ');
}

function main(): void {
  const blocks = makeBlocks(parseBlockCount(process.argv.slice(2)));
  const instructionCount = blocks.length * INSTRUCTIONS_PER_BLOCK;
  const contenders: Contender[] = [
    { name: 'ours (Assembler)', encode: encodeWithAssembler, millis: [], cpuMillis: [] },
    { name: 'iced-x86 Encoder', encode: encodeWithIcedEncoder, millis: [], cpuMillis: [] },
    { name: 'iced-x86 BlockEncoder', encode: encodeWithIcedBlockEncoder, millis: [], cpuMillis: [] },
  ];
  for (let rep = 0; rep < REPETITIONS; rep++) {
    for (const contender of contenders) timeRun(contender, blocks);
  }
  const [ours, icedEncoder] = contenders;
  console.log(`${instructionCount.toLocaleString('en')} instructions (${blocks.length.toLocaleString('en')} blocks), ` +
    `median of ${REPETITIONS} interleaved runs, node ${process.version}`);
  for (const contender of contenders) console.log(formatRow(contender, instructionCount, median(ours.millis)));
  const same = sameBytes(ours.bytes!, icedEncoder.bytes!);
  console.log(`ours and iced-x86 Encoder bytes identical: ${same ? 'yes' : 'NO'}`);
  if (!same) process.exitCode = 1;
}

main();
