/**
 * @fileoverview The x86 (i686, 32-bit protected mode) assembler: one small
 * method per instruction form, writing bytes into a growable buffer, with
 * labels and fixups for jumps, calls and absolute addresses.
 *
 * Pipeline place: the compiler (`../compiler/`) calls these methods; the image
 * writer (`../image/`) takes `finish()`'s bytes. Encodings follow the Intel SDM
 * vol. 2; `assembler.test.ts` checks every form against iced-x86's decoder.
 * The buffer, labels and fixups live in `code-buffer.ts`, ModRM/SIB encoding
 * in `modrm.ts`; this file only knows opcodes.
 *
 * Notation in the comments: /r = ModRM with a register in ModRM.reg, /n =
 * ModRM with the opcode extension n in ModRM.reg, +r = register number added
 * to the opcode, ib/iw/id = 8/16/32-bit immediate.
 */
import { Reg, Cond, ControlReg, REG_NAMES, hasByteForm } from './registers.js';
import { CodeBuffer, Label } from './code-buffer.js';
import { emitMemoryOperand, emitRegisterOperand } from './modrm.js';
import type { Mem } from './modrm.js';

export { Label };
export type { Mem };

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

/** Operand-size prefix: turns a 32-bit form into its 16-bit form. */
const OPERAND_SIZE_16 = 0x66;
/** Two-byte opcode escape. */
const ESCAPE_0F = 0x0f;
const REP = 0xf3;

/** Opcode extensions (/n), named after the Intel manual's opcode groups. Group 3: F7 (unary r/m32). */
const enum Group3 { TEST = 0, NOT = 2, NEG = 3, MUL = 4, DIV = 6, IDIV = 7 }
/** Group 5: FF (indirect call/jmp, push r/m32). */
const enum Group5 { CALL = 2, JMP = 4, PUSH = 6 }
/** Group 6: 0F 00. */
const enum Group6 { LTR = 3 }
/** Group 7: 0F 01. */
const enum Group7 { LGDT = 2, LIDT = 3, INVLPG = 7 }

/** Segment register numbers as in ModRM.reg of `mov sreg, r/m16`; CS (1) cannot be loaded by mov. */
const SEGMENT_CS = 1;
const SEGMENT_GS = 5;

function fitsInt8(value: number): boolean {
  return value === (value << 24) >> 24;
}

function checkRange(value: number, min: number, max: number, what: string): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`${what}: ${value} is outside ${min}..${max}`);
  }
}

/** 8-bit operands exist only for EAX..EBX (AL..BL) in 32-bit code without REX. */
function requireByteRegister(reg: Reg, what: string): void {
  if (!hasByteForm(reg)) {
    throw new Error(`${what}: ${REG_NAMES[reg]} has no 8-bit form (only eax, ecx, edx, ebx do)`);
  }
}

/** `new Assembler(origin)`: `origin` is the absolute address where byte 0 of this code will be loaded. */
export class Assembler extends CodeBuffer {
  // --- operand helpers ---

  /** opcode(s) then ModRM with `reg` (register or /digit) and a register rm. */
  private opRR(opcode: number, reg: number, rm: Reg): void {
    this.byte(opcode);
    emitRegisterOperand(this, reg, rm);
  }

  private opRM(opcode: number, reg: number, mem: Mem): void {
    this.byte(opcode);
    emitMemoryOperand(this, reg, mem);
  }

  /** Two-byte opcode 0F xx with a register rm. */
  private op0FRR(opcode: number, reg: number, rm: Reg): void {
    this.byte(ESCAPE_0F);
    this.opRR(opcode, reg, rm);
  }

  private op0FRM(opcode: number, reg: number, mem: Mem): void {
    this.byte(ESCAPE_0F);
    this.opRM(opcode, reg, mem);
  }

  /** An immediate of `width` bits (for 8/16-bit memory forms and 32-bit ones alike). */
  private immediate(value: number, width: Width): void {
    if (width === 8) this.byte(value);
    else if (width === 16) this.u16(value);
    else this.u32(value);
  }

  /** The 0x66 prefix for 16-bit operands; 8-bit forms are chosen by the opcode instead. */
  private sizePrefix(width: Width): void {
    if (width === 16) this.byte(OPERAND_SIZE_16);
  }

  // --- moves ---

  /** mov r/m32, r32 (89 /r) */
  movRR(dst: Reg, src: Reg): void {
    this.opRR(0x89, src, dst);
  }

  /** mov r32, imm32 (B8+r id); xor r,r is NOT substituted: flags must be preserved. */
  movRI(dst: Reg, imm: number): void {
    this.byte(0xb8 + dst);
    this.u32(imm);
  }

  /** mov r32, label's absolute address. */
  movRLabel(dst: Reg, label: Label): void {
    this.byte(0xb8 + dst);
    this.addressOfLabel32(label);
  }

  /** Load: width 8/16 zero- or sign-extend into r32 (movzx/movsx 0F B6/B7/BE/BF); 32 is a plain mov (8B /r). */
  load(dst: Reg, mem: Mem, width: Width = 32, signed = false): void {
    if (width === 32) this.opRM(0x8b, dst, mem);
    else this.op0FRM(extendOpcode(width, signed), dst, mem);
  }

  /** Store the low `width` bits of src (88 / 66 89 / 89 /r); width 8 needs a byte register (EAX..EBX). */
  store(mem: Mem, src: Reg, width: Width = 32): void {
    if (width === 8) requireByteRegister(src, 'store (8-bit)');
    this.sizePrefix(width);
    this.opRM(width === 8 ? 0x88 : 0x89, src, mem);
  }

  /** mov r/m, imm (C6 /0 ib, 66 C7 /0 iw, C7 /0 id). */
  storeImm(mem: Mem, imm: number, width: Width = 32): void {
    this.sizePrefix(width);
    this.opRM(width === 8 ? 0xc6 : 0xc7, 0, mem);
    this.immediate(imm, width);
  }

  /** lea r32, m (8D /r) */
  lea(dst: Reg, mem: Mem): void {
    this.opRM(0x8d, dst, mem);
  }

  /** movzx/movsx r32, r8 or r16 (src byte form needs EAX..EBX). */
  extendRR(dst: Reg, src: Reg, width: 8 | 16, signed: boolean): void {
    if (width === 8) requireByteRegister(src, 'extendRR (8-bit source)');
    this.op0FRR(extendOpcode(width, signed), dst, src);
  }

  /** xchg r32, r32: the one-byte 90+r form when either is EAX (so xchg eax, eax is 90, nop), else 87 /r. */
  xchg(a: Reg, b: Reg): void {
    if (a === Reg.EAX) this.byte(0x90 + b);
    else if (b === Reg.EAX) this.byte(0x90 + a);
    else this.opRR(0x87, a, b);
  }

  /** cmovcc r32, r32 (0F 40+cc /r) */
  cmov(cond: Cond, dst: Reg, src: Reg): void {
    this.op0FRR(0x40 + cond, dst, src);
  }

  /** cmovcc r32, m32 (0F 40+cc /r) */
  cmovRM(cond: Cond, dst: Reg, mem: Mem): void {
    this.op0FRM(0x40 + cond, dst, mem);
  }

  /** setcc r8 (0F 90+cc /0; dst must be EAX..EBX); the upper 24 bits are unchanged. */
  setcc(cond: Cond, dst: Reg): void {
    requireByteRegister(dst, 'setcc');
    this.op0FRR(0x90 + cond, 0, dst);
  }

  // --- arithmetic ---

  /** op r/m32, r32 (opcode op*8+1 /r: 01 add, 09 or, 11 adc, 19 sbb, 21 and, 29 sub, 31 xor, 39 cmp). */
  aluRR(op: Alu, dst: Reg, src: Reg): void {
    this.opRR((op << 3) | 0x01, src, dst);
  }

  /**
   * Uses the imm8 form (83 /op ib) when imm fits in a signed byte, the EAX short form (op*8+5 id) where shorter,
   * else 81 /op id.
   */
  aluRI(op: Alu, dst: Reg, imm: number): void {
    const value = imm | 0;
    if (fitsInt8(value)) {
      this.opRR(0x83, op, dst);
      this.byte(value);
    } else {
      if (dst === Reg.EAX) this.byte((op << 3) | 0x05);
      else this.opRR(0x81, op, dst);
      this.u32(value);
    }
  }

  /** op r32, r/m32 (op*8+3 /r) */
  aluRM(op: Alu, dst: Reg, mem: Mem): void {
    this.opRM((op << 3) | 0x03, dst, mem);
  }

  /** op r/m32, r32 (op*8+1 /r) */
  aluMR(op: Alu, mem: Mem, src: Reg): void {
    this.opRM((op << 3) | 0x01, src, mem);
  }

  /** op dword [m], imm: 83 /op ib when it fits in a signed byte, else 81 /op id. */
  aluMI(op: Alu, mem: Mem, imm: number): void {
    const value = imm | 0;
    const short = fitsInt8(value);
    this.opRM(short ? 0x83 : 0x81, op, mem);
    this.immediate(value, short ? 8 : 32);
  }

  /** test r/m32, r32 (85 /r) */
  testRR(a: Reg, b: Reg): void {
    this.opRR(0x85, b, a);
  }

  /** test eax, imm32 (A9 id) or test r/m32, imm32 (F7 /0 id). Never the 8-bit forms: SF would come from bit 7. */
  testRI(a: Reg, imm: number): void {
    if (a === Reg.EAX) this.byte(0xa9);
    else this.opRR(0xf7, Group3.TEST, a);
    this.u32(imm);
  }

  /** op r/m32, imm8 (C1 /op ib), or the one-byte-shorter D1 /op for a count of 1 (same result and flags). */
  shiftRI(op: Shift, dst: Reg, count: number): void {
    checkRange(count, 0, 255, 'shiftRI count');
    if (count === 1) {
      this.opRR(0xd1, op, dst);
    } else {
      this.opRR(0xc1, op, dst);
      this.byte(count);
    }
  }

  /** op r/m32, cl (D3 /op) */
  shiftRCL(op: Shift, dst: Reg): void {
    this.opRR(0xd3, op, dst);
  }

  /** shld dst, src, imm8 (0F A4 /r ib) */
  shldRRI(dst: Reg, src: Reg, count: number): void {
    this.doubleShiftImm(0xa4, dst, src, count);
  }

  /** shrd dst, src, imm8 (0F AC /r ib) */
  shrdRRI(dst: Reg, src: Reg, count: number): void {
    this.doubleShiftImm(0xac, dst, src, count);
  }

  /** shld dst, src, cl (0F A5 /r) */
  shldRRCL(dst: Reg, src: Reg): void {
    this.op0FRR(0xa5, src, dst);
  }

  /** shrd dst, src, cl (0F AD /r) */
  shrdRRCL(dst: Reg, src: Reg): void {
    this.op0FRR(0xad, src, dst);
  }

  private doubleShiftImm(opcode: number, dst: Reg, src: Reg, count: number): void {
    checkRange(count, 0, 255, 'double shift count');
    this.op0FRR(opcode, src, dst);
    this.byte(count);
  }

  /** imul r32, r/m32 (0F AF /r) */
  imulRR(dst: Reg, src: Reg): void {
    this.op0FRR(0xaf, dst, src);
  }

  imulRM(dst: Reg, mem: Mem): void {
    this.op0FRM(0xaf, dst, mem);
  }

  /** imul r32, r/m32, imm: 6B /r ib when imm fits in a signed byte, else 69 /r id. */
  imulRRI(dst: Reg, src: Reg, imm: number): void {
    const value = imm | 0;
    const short = fitsInt8(value);
    this.opRR(short ? 0x6b : 0x69, dst, src);
    this.immediate(value, short ? 8 : 32);
  }

  /** imul r32, m32, imm: 6B /r ib when imm fits in a signed byte, else 69 /r id. */
  imulRMI(dst: Reg, mem: Mem, imm: number): void {
    const value = imm | 0;
    const short = fitsInt8(value);
    this.opRM(short ? 0x6b : 0x69, dst, mem);
    this.immediate(value, short ? 8 : 32);
  }

  /** One-operand forms on EDX:EAX (F7 /4, /6, /7). */
  mul(src: Reg): void {
    this.opRR(0xf7, Group3.MUL, src);
  }

  div(src: Reg): void {
    this.opRR(0xf7, Group3.DIV, src);
  }

  idiv(src: Reg): void {
    this.opRR(0xf7, Group3.IDIV, src);
  }

  /** neg r/m32 (F7 /3) */
  neg(dst: Reg): void {
    this.opRR(0xf7, Group3.NEG, dst);
  }

  /** not r/m32 (F7 /2) */
  not(dst: Reg): void {
    this.opRR(0xf7, Group3.NOT, dst);
  }

  /** inc r32 (40+r) */
  inc(dst: Reg): void {
    this.byte(0x40 + dst);
  }

  /** dec r32 (48+r) */
  dec(dst: Reg): void {
    this.byte(0x48 + dst);
  }

  /** cdq (99): sign-extend EAX into EDX:EAX. */
  cdq(): void {
    this.byte(0x99);
  }

  /** bsr r32, r/m32 (0F BD /r) */
  bsr(dst: Reg, src: Reg): void {
    this.op0FRR(0xbd, dst, src);
  }

  /** bsf r32, r/m32 (0F BC /r) */
  bsf(dst: Reg, src: Reg): void {
    this.op0FRR(0xbc, dst, src);
  }

  /** popcnt r32, r/m32 (F3 0F B8 /r) */
  popcnt(dst: Reg, src: Reg): void {
    this.byte(REP);
    this.op0FRR(0xb8, dst, src);
  }

  /** bswap r32 (0F C8+r) */
  bswap(dst: Reg): void {
    this.byte(ESCAPE_0F);
    this.byte(0xc8 + dst);
  }

  // --- stack and control flow ---

  /** push r32 (50+r) */
  push(src: Reg): void {
    this.byte(0x50 + src);
  }

  /** push imm: 6A ib (sign-extended) when it fits in a signed byte, else 68 id; always pushes 4 bytes. */
  pushImm(imm: number): void {
    const value = imm | 0;
    if (fitsInt8(value)) {
      this.byte(0x6a);
      this.byte(value);
    } else {
      this.byte(0x68);
      this.u32(value);
    }
  }

  /** push dword [m] (FF /6) */
  pushMem(mem: Mem): void {
    this.opRM(0xff, Group5.PUSH, mem);
  }

  /** pop r32 (58+r) */
  pop(dst: Reg): void {
    this.byte(0x58 + dst);
  }

  /** pop dword [m] (8F /0) */
  popMem(mem: Mem): void {
    this.opRM(0x8f, 0, mem);
  }

  pushad(): void {
    this.byte(0x60);
  }

  popad(): void {
    this.byte(0x61);
  }

  pushfd(): void {
    this.byte(0x9c);
  }

  popfd(): void {
    this.byte(0x9d);
  }

  /** Short (EB rel8) when the label is bound and in range, otherwise E9 rel32. */
  jmp(target: Label): void {
    if (this.emitShortJump(0xeb, target)) return;
    this.byte(0xe9);
    this.rel32To(target);
  }

  /** Short (70+cc rel8) when the label is bound and in range, otherwise 0F 80+cc rel32. */
  jcc(cond: Cond, target: Label): void {
    if (this.emitShortJump(0x70 + cond, target)) return;
    this.byte(ESCAPE_0F);
    this.byte(0x80 + cond);
    this.rel32To(target);
  }

  /** The 2-byte rel8 form, if the target is bound (a backward jump) and within -128 bytes of its end. */
  private emitShortJump(opcode: number, target: Label): boolean {
    if (!target.bound) return false;
    const rel = target.offset - (this.offset + 2);
    if (!fitsInt8(rel)) return false;
    this.byte(opcode);
    this.byte(rel);
    return true;
  }

  /** jmp r/m32 (FF /4) */
  jmpReg(target: Reg): void {
    this.opRR(0xff, Group5.JMP, target);
  }

  jmpMem(mem: Mem): void {
    this.opRM(0xff, Group5.JMP, mem);
  }

  /** call rel32 (E8) */
  call(target: Label): void {
    this.byte(0xe8);
    this.rel32To(target);
  }

  /** call rel32 to an absolute address. */
  callAbs(address: number): void {
    this.byte(0xe8);
    this.u32(address - (this.address + 4));
  }

  /** call r/m32 (FF /2) */
  callReg(target: Reg): void {
    this.opRR(0xff, Group5.CALL, target);
  }

  callMem(mem: Mem): void {
    this.opRM(0xff, Group5.CALL, mem);
  }

  /** ret (C3), or ret imm16 (C2 iw) to pop `popBytes` of arguments as well. */
  ret(popBytes = 0): void {
    checkRange(popBytes, 0, 0xffff, 'ret popBytes');
    if (popBytes === 0) {
      this.byte(0xc3);
    } else {
      this.byte(0xc2);
      this.u16(popBytes);
    }
  }

  iretd(): void {
    this.byte(0xcf);
  }

  /** int imm8 (int3 is encoded as 0xCD 0x03, not 0xCC, so the vector is always explicit). */
  int(vector: number): void {
    checkRange(vector, 0, 255, 'int vector');
    this.byte(0xcd);
    this.byte(vector);
  }

  /** ud2 (0F 0B): the guaranteed invalid opcode. */
  ud2(): void {
    this.byte(ESCAPE_0F);
    this.byte(0x0b);
  }

  nop(): void {
    this.byte(0x90);
  }

  // --- system instructions (CPU intrinsics) ---

  cli(): void {
    this.byte(0xfa);
  }

  sti(): void {
    this.byte(0xfb);
  }

  hlt(): void {
    this.byte(0xf4);
  }

  cld(): void {
    this.byte(0xfc);
  }

  std(): void {
    this.byte(0xfd);
  }

  /** in al/ax/eax, dx (EC / 66 ED / ED) */
  inDX(width: Width): void {
    this.sizePrefix(width);
    this.byte(width === 8 ? 0xec : 0xed);
  }

  /** out dx, al/ax/eax (EE / 66 EF / EF) */
  outDX(width: Width): void {
    this.sizePrefix(width);
    this.byte(width === 8 ? 0xee : 0xef);
  }

  /** out imm8, al/ax/eax (E6 ib / 66 E7 ib / E7 ib) */
  outImm(port: number, width: Width): void {
    checkRange(port, 0, 255, 'outImm port');
    this.sizePrefix(width);
    this.byte(width === 8 ? 0xe6 : 0xe7);
    this.byte(port);
  }

  /** lidt m (0F 01 /3): loads the 6-byte limit+base at m. */
  lidt(mem: Mem): void {
    this.op0FRM(0x01, Group7.LIDT, mem);
  }

  /** lgdt m (0F 01 /2) */
  lgdt(mem: Mem): void {
    this.op0FRM(0x01, Group7.LGDT, mem);
  }

  /** ltr r16 (0F 00 /3) */
  ltr(src: Reg): void {
    this.op0FRR(0x00, Group6.LTR, src);
  }

  /** mov r32, crN (0F 20 /r, reg = N) */
  movFromCr(dst: Reg, cr: ControlReg): void {
    this.op0FRR(0x20, cr, dst);
  }

  /** mov crN, r32 (0F 22 /r, reg = N) */
  movToCr(cr: ControlReg, src: Reg): void {
    this.op0FRR(0x22, cr, src);
  }

  /** invlpg m (0F 01 /7) */
  invlpg(mem: Mem): void {
    this.op0FRM(0x01, Group7.INVLPG, mem);
  }

  /** rdtsc (0F 31): EDX:EAX = time-stamp counter. */
  rdtsc(): void {
    this.byte(ESCAPE_0F);
    this.byte(0x31);
  }

  /**
   * mov r/m16 into a segment register (ds, es, fs, gs, ss: numbers 3,0,4,5,2); 8E /r without the 0x66 prefix
   * (the same load, one byte shorter).
   */
  movSegFromReg(seg: number, src: Reg): void {
    checkRange(seg, 0, SEGMENT_GS, 'movSegFromReg segment');
    if (seg === SEGMENT_CS) throw new Error('movSegFromReg: cs cannot be loaded with mov (use jmpFar)');
    this.opRR(0x8e, seg, src);
  }

  /** far jump to selector:label (EA ptr16:32: 32-bit offset, then selector), used once to reload CS after lgdt. */
  jmpFar(selector: number, target: Label): void {
    checkRange(selector, 0, 0xffff, 'jmpFar selector');
    this.byte(0xea);
    this.addressOfLabel32(target);
    this.u16(selector);
  }

  /** rep movsb / rep stosb / rep movsd / rep stosd (F3 A4 / AA / A5 / AB) */
  repMovsb(): void {
    this.rep(0xa4);
  }

  repStosb(): void {
    this.rep(0xaa);
  }

  repMovsd(): void {
    this.rep(0xa5);
  }

  repStosd(): void {
    this.rep(0xab);
  }

  private rep(stringOpcode: number): void {
    this.byte(REP);
    this.byte(stringOpcode);
  }
}

/** Second opcode byte of movzx/movsx: B6 movzx r8, B7 movzx r16, BE movsx r8, BF movsx r16. */
function extendOpcode(width: 8 | 16, signed: boolean): number {
  return (signed ? 0xbe : 0xb6) + (width === 16 ? 1 : 0);
}
