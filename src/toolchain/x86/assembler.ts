/**
 * @fileoverview The x86 (i686, 32-bit protected mode) assembler: one small
 * method per instruction form, writing bytes into a growable buffer, with
 * labels and fixups for jumps, calls and absolute addresses.
 *
 * Pipeline place: the compiler (`../compiler/`) calls these methods; the image
 * writer (`../image/`) takes `finish()`'s bytes. Encodings follow the Intel SDM
 * vol. 2; `assembler.test.ts` checks every form against iced-x86's decoder.
 *
 * API STUB: signatures fixed, bodies to be written.
 */
import { Reg, Cond, ControlReg } from './registers.js';

/** A memory operand [base + index*scale + disp]; disp is taken modulo 2^32. */
export interface Mem {
  base?: Reg;
  index?: Reg;
  scale?: 1 | 2 | 4 | 8;
  disp?: number;
  /** When set, disp is the absolute address of this label plus `disp` (resolved in finish()). */
  label?: Label;
}

/** A position in the code, bound once; jumps to it may come before or after. */
export class Label {
  /** Offset in the buffer once bound, -1 before. */
  offset = -1;
  constructor(readonly name?: string) {}
  get bound(): boolean {
    return this.offset >= 0;
  }
}

/** Two-operand ALU operations, numbered as their /digit in opcode 0x81. */
export const enum Alu {
  ADD = 0,
  OR = 1,
  ADC = 2,
  SBB = 3,
  AND = 4,
  SUB = 5,
  XOR = 6,
  CMP = 7,
}

/** Shift/rotate operations, numbered as their /digit in opcodes 0xC1/0xD3. */
export const enum Shift {
  ROL = 0,
  ROR = 1,
  SHL = 4,
  SHR = 5,
  SAR = 7,
}

/** Operand width for memory stores/loads that are not 32-bit. */
export type Width = 8 | 16 | 32;

export class Assembler {
  /** `origin` is the absolute address where byte 0 of this code will be loaded. */
  constructor(readonly origin: number) {}

  /** Current write offset (bytes emitted so far). */
  get offset(): number { throw new Error('todo'); }
  /** Absolute address of the current write position. */
  get address(): number { throw new Error('todo'); }

  // --- labels and raw data ---
  newLabel(name?: string): Label { throw new Error('todo'); }
  bind(label: Label): void { throw new Error('todo'); }
  /** Absolute address of a bound label (valid after bind, in any later call). */
  addressOf(label: Label): number { throw new Error('todo'); }
  byte(value: number): void { throw new Error('todo'); }
  bytes(values: ArrayLike<number>): void { throw new Error('todo'); }
  u16(value: number): void { throw new Error('todo'); }
  u32(value: number): void { throw new Error('todo'); }
  /** A 32-bit absolute address of `label` (+addend), resolved in finish(): jump tables, descriptors. */
  addressOfLabel32(label: Label, addend?: number): void { throw new Error('todo'); }
  /** Pad with `fill` (default 0x90 nop... use 0xCC int3 between functions if preferred) to a multiple of `alignment`. */
  align(alignment: number, fill?: number): void { throw new Error('todo'); }
  /** Overwrite an already-emitted 32-bit value (e.g. a frame size known only at the end). */
  patchU32(offset: number, value: number): void { throw new Error('todo'); }
  /** Resolve every fixup; throws if a referenced label was never bound. */
  finish(): Uint8Array { throw new Error('todo'); }

  // --- moves ---
  movRR(dst: Reg, src: Reg): void { throw new Error('todo'); }
  /** mov r32, imm32 (xor r,r is NOT substituted: flags must be preserved). */
  movRI(dst: Reg, imm: number): void { throw new Error('todo'); }
  /** mov r32, label's absolute address. */
  movRLabel(dst: Reg, label: Label): void { throw new Error('todo'); }
  /** Load: width 8/16 zero- or sign-extend into r32 (movzx/movsx); 32 is a plain mov. */
  load(dst: Reg, mem: Mem, width?: Width, signed?: boolean): void { throw new Error('todo'); }
  /** Store the low `width` bits of src; width 8 needs a byte register (EAX..EBX). */
  store(mem: Mem, src: Reg, width?: Width): void { throw new Error('todo'); }
  storeImm(mem: Mem, imm: number, width?: Width): void { throw new Error('todo'); }
  lea(dst: Reg, mem: Mem): void { throw new Error('todo'); }
  /** movzx/movsx r32, r8 or r16 (src byte form needs EAX..EBX). */
  extendRR(dst: Reg, src: Reg, width: 8 | 16, signed: boolean): void { throw new Error('todo'); }
  xchg(a: Reg, b: Reg): void { throw new Error('todo'); }
  cmov(cond: Cond, dst: Reg, src: Reg): void { throw new Error('todo'); }
  /** setcc r8 (dst must be EAX..EBX); the upper 24 bits are unchanged. */
  setcc(cond: Cond, dst: Reg): void { throw new Error('todo'); }

  // --- arithmetic ---
  aluRR(op: Alu, dst: Reg, src: Reg): void { throw new Error('todo'); }
  /** Uses the imm8 form (0x83) when imm fits in a signed byte, the EAX short form where shorter. */
  aluRI(op: Alu, dst: Reg, imm: number): void { throw new Error('todo'); }
  aluRM(op: Alu, dst: Reg, mem: Mem): void { throw new Error('todo'); }
  aluMR(op: Alu, mem: Mem, src: Reg): void { throw new Error('todo'); }
  aluMI(op: Alu, mem: Mem, imm: number): void { throw new Error('todo'); }
  testRR(a: Reg, b: Reg): void { throw new Error('todo'); }
  testRI(a: Reg, imm: number): void { throw new Error('todo'); }
  shiftRI(op: Shift, dst: Reg, count: number): void { throw new Error('todo'); }
  shiftRCL(op: Shift, dst: Reg): void { throw new Error('todo'); }
  /** shld dst, src, imm8 / shrd dst, src, imm8 */
  shldRRI(dst: Reg, src: Reg, count: number): void { throw new Error('todo'); }
  shrdRRI(dst: Reg, src: Reg, count: number): void { throw new Error('todo'); }
  /** shld dst, src, cl / shrd dst, src, cl */
  shldRRCL(dst: Reg, src: Reg): void { throw new Error('todo'); }
  shrdRRCL(dst: Reg, src: Reg): void { throw new Error('todo'); }
  imulRR(dst: Reg, src: Reg): void { throw new Error('todo'); }
  imulRM(dst: Reg, mem: Mem): void { throw new Error('todo'); }
  imulRRI(dst: Reg, src: Reg, imm: number): void { throw new Error('todo'); }
  /** One-operand forms on EDX:EAX. */
  mul(src: Reg): void { throw new Error('todo'); }
  div(src: Reg): void { throw new Error('todo'); }
  idiv(src: Reg): void { throw new Error('todo'); }
  neg(dst: Reg): void { throw new Error('todo'); }
  not(dst: Reg): void { throw new Error('todo'); }
  inc(dst: Reg): void { throw new Error('todo'); }
  dec(dst: Reg): void { throw new Error('todo'); }
  cdq(): void { throw new Error('todo'); }
  bsr(dst: Reg, src: Reg): void { throw new Error('todo'); }
  bsf(dst: Reg, src: Reg): void { throw new Error('todo'); }
  popcnt(dst: Reg, src: Reg): void { throw new Error('todo'); }
  bswap(dst: Reg): void { throw new Error('todo'); }

  // --- stack and control flow ---
  push(src: Reg): void { throw new Error('todo'); }
  pushImm(imm: number): void { throw new Error('todo'); }
  pushMem(mem: Mem): void { throw new Error('todo'); }
  pop(dst: Reg): void { throw new Error('todo'); }
  popMem(mem: Mem): void { throw new Error('todo'); }
  pushad(): void { throw new Error('todo'); }
  popad(): void { throw new Error('todo'); }
  pushfd(): void { throw new Error('todo'); }
  popfd(): void { throw new Error('todo'); }
  /** Short (rel8) when the label is bound and in range, otherwise rel32. */
  jmp(target: Label): void { throw new Error('todo'); }
  jcc(cond: Cond, target: Label): void { throw new Error('todo'); }
  jmpReg(target: Reg): void { throw new Error('todo'); }
  jmpMem(mem: Mem): void { throw new Error('todo'); }
  call(target: Label): void { throw new Error('todo'); }
  /** call rel32 to an absolute address. */
  callAbs(address: number): void { throw new Error('todo'); }
  callReg(target: Reg): void { throw new Error('todo'); }
  callMem(mem: Mem): void { throw new Error('todo'); }
  ret(popBytes?: number): void { throw new Error('todo'); }
  iretd(): void { throw new Error('todo'); }
  /** int imm8 (int3 is encoded as 0xCD 0x03, not 0xCC, so the vector is always explicit). */
  int(vector: number): void { throw new Error('todo'); }
  ud2(): void { throw new Error('todo'); }
  nop(): void { throw new Error('todo'); }

  // --- system instructions (CPU intrinsics) ---
  cli(): void { throw new Error('todo'); }
  sti(): void { throw new Error('todo'); }
  hlt(): void { throw new Error('todo'); }
  cld(): void { throw new Error('todo'); }
  std(): void { throw new Error('todo'); }
  /** in al/ax/eax, dx */
  inDX(width: Width): void { throw new Error('todo'); }
  /** out dx, al/ax/eax */
  outDX(width: Width): void { throw new Error('todo'); }
  /** out imm8, al/ax/eax */
  outImm(port: number, width: Width): void { throw new Error('todo'); }
  lidt(mem: Mem): void { throw new Error('todo'); }
  lgdt(mem: Mem): void { throw new Error('todo'); }
  /** ltr r16 */
  ltr(src: Reg): void { throw new Error('todo'); }
  movFromCr(dst: Reg, cr: ControlReg): void { throw new Error('todo'); }
  movToCr(cr: ControlReg, src: Reg): void { throw new Error('todo'); }
  invlpg(mem: Mem): void { throw new Error('todo'); }
  rdtsc(): void { throw new Error('todo'); }
  /** mov r/m16 into a segment register (ds, es, fs, gs, ss: numbers 3,0,4,5,2) */
  movSegFromReg(seg: number, src: Reg): void { throw new Error('todo'); }
  /** far jump to selector:label, used once to reload CS after lgdt. */
  jmpFar(selector: number, target: Label): void { throw new Error('todo'); }
  /** rep movsb / rep stosb / rep movsd / rep stosd */
  repMovsb(): void { throw new Error('todo'); }
  repStosb(): void { throw new Error('todo'); }
  repMovsd(): void { throw new Error('todo'); }
  repStosd(): void { throw new Error('todo'); }
}
