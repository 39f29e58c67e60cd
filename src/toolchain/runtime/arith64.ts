/**
 * @fileoverview 64-bit division and remainder for a 32-bit CPU: the runtime
 * routines i64_div_s, i64_div_u, i64_rem_s, i64_rem_u. The compiler has
 * already trapped on a zero divisor and on INT64_MIN / -1.
 *
 * Arguments on the stack (callee pops 16): [esp+4] y.lo, [esp+8] y.hi,
 * [esp+12] x.lo, [esp+16] x.hi. Result in EDX:EAX. Preserves EBX, ESI, EDI, EBP.
 *
 * Method: a divisor below 2^32 takes two DIVs (high word, then remainder:low
 * word); a larger divisor means a quotient below 2^32, found bit by bit.
 * Signed forms divide the magnitudes and fix the signs: the quotient is
 * negative when the signs differ, the remainder takes the dividend's sign.
 *
 * Pipeline place: emitted by `./index.ts` when i64 division is compiled.
 */
import { Alu, Assembler } from '../x86/assembler.js';
import { Cond, Reg } from '../x86/registers.js';
import type { ModuleContext } from '../compiler/module-context.js';

const NEGATE_QUOTIENT = { base: Reg.EBP, disp: -16 };
const NEGATE_REMAINDER = { base: Reg.EBP, disp: -20 };
const BITS_LEFT = { base: Reg.EBP, disp: -24 };

function negate64(a: Assembler, hi: Reg, lo: Reg): void {
  a.neg(lo);
  a.aluRI(Alu.ADC, hi, 0);
  a.neg(hi);
}

/** EDX:EAX ÷ ECX:EBX → quotient EDX:EAX, remainder EDI:ESI (unsigned). */
function emitUnsignedCore(a: Assembler): void {
  const wide = a.newLabel();
  const done = a.newLabel();
  a.testRR(Reg.ECX, Reg.ECX);
  a.jcc(Cond.NE, wide);
  a.movRR(Reg.ESI, Reg.EAX);
  a.movRR(Reg.EAX, Reg.EDX);
  a.movRI(Reg.EDX, 0);
  a.div(Reg.EBX); // EAX = quotient high word, EDX = partial remainder
  a.movRR(Reg.EDI, Reg.EAX);
  a.movRR(Reg.EAX, Reg.ESI);
  a.div(Reg.EBX); // EAX = quotient low word, EDX = remainder
  a.movRR(Reg.ESI, Reg.EDX);
  a.movRR(Reg.EDX, Reg.EDI);
  a.movRI(Reg.EDI, 0);
  a.jmp(done);

  a.bind(wide);
  const huge = a.newLabel();
  a.testRR(Reg.ECX, Reg.ECX);
  a.jcc(Cond.S, huge);
  a.movRI(Reg.ESI, 0);
  a.movRI(Reg.EDI, 0);
  a.storeImm(BITS_LEFT, 64);
  const loop = a.newLabel();
  const next = a.newLabel();
  const take = a.newLabel();
  a.bind(loop);
  a.shldRRI(Reg.EDI, Reg.ESI, 1); // (remainder:dividend) <<= 1
  a.shldRRI(Reg.ESI, Reg.EDX, 1);
  a.shldRRI(Reg.EDX, Reg.EAX, 1);
  a.shiftRI(4 /* SHL */, Reg.EAX, 1);
  a.aluRR(Alu.CMP, Reg.EDI, Reg.ECX);
  a.jcc(Cond.A, take);
  a.jcc(Cond.B, next);
  a.aluRR(Alu.CMP, Reg.ESI, Reg.EBX);
  a.jcc(Cond.B, next);
  a.bind(take);
  a.aluRR(Alu.SUB, Reg.ESI, Reg.EBX);
  a.aluRR(Alu.SBB, Reg.EDI, Reg.ECX);
  a.aluRI(Alu.OR, Reg.EAX, 1);
  a.bind(next);
  a.aluMI(Alu.SUB, BITS_LEFT, 1);
  a.jcc(Cond.NE, loop);
  a.jmp(done);

  // A divisor of 2^63 or more: the quotient is 1 when x ≥ y, else 0. (The
  // bit-by-bit loop would lose the remainder's carry out of 64 bits here.)
  a.bind(huge);
  const subtract = a.newLabel();
  a.movRR(Reg.ESI, Reg.EAX);
  a.movRR(Reg.EDI, Reg.EDX);
  a.movRI(Reg.EAX, 0);
  a.movRI(Reg.EDX, 0);
  a.aluRR(Alu.CMP, Reg.EDI, Reg.ECX);
  a.jcc(Cond.A, subtract);
  a.jcc(Cond.B, done);
  a.aluRR(Alu.CMP, Reg.ESI, Reg.EBX);
  a.jcc(Cond.B, done);
  a.bind(subtract);
  a.aluRR(Alu.SUB, Reg.ESI, Reg.EBX);
  a.aluRR(Alu.SBB, Reg.EDI, Reg.ECX);
  a.movRI(Reg.EAX, 1);
  a.bind(done);
}

export function emitDivMod64(ctx: ModuleContext, signed: boolean, remainder: boolean): void {
  const a = ctx.asm;
  a.push(Reg.EBP);
  a.movRR(Reg.EBP, Reg.ESP);
  a.push(Reg.EBX);
  a.push(Reg.ESI);
  a.push(Reg.EDI);
  a.aluRI(Alu.SUB, Reg.ESP, 12);
  a.load(Reg.EAX, { base: Reg.EBP, disp: 16 });
  a.load(Reg.EDX, { base: Reg.EBP, disp: 20 });
  a.load(Reg.EBX, { base: Reg.EBP, disp: 8 });
  a.load(Reg.ECX, { base: Reg.EBP, disp: 12 });
  if (signed) {
    a.storeImm(NEGATE_QUOTIENT, 0);
    a.storeImm(NEGATE_REMAINDER, 0);
    const xPositive = a.newLabel();
    const yPositive = a.newLabel();
    a.testRR(Reg.EDX, Reg.EDX);
    a.jcc(Cond.NS, xPositive);
    negate64(a, Reg.EDX, Reg.EAX);
    a.storeImm(NEGATE_QUOTIENT, 1);
    a.storeImm(NEGATE_REMAINDER, 1);
    a.bind(xPositive);
    a.testRR(Reg.ECX, Reg.ECX);
    a.jcc(Cond.NS, yPositive);
    negate64(a, Reg.ECX, Reg.EBX);
    a.aluMI(Alu.XOR, NEGATE_QUOTIENT, 1);
    a.bind(yPositive);
  }
  emitUnsignedCore(a);
  if (remainder) {
    a.movRR(Reg.EAX, Reg.ESI);
    a.movRR(Reg.EDX, Reg.EDI);
  }
  if (signed) {
    const keep = a.newLabel();
    a.aluMI(Alu.CMP, remainder ? NEGATE_REMAINDER : NEGATE_QUOTIENT, 0);
    a.jcc(Cond.E, keep);
    negate64(a, Reg.EDX, Reg.EAX);
    a.bind(keep);
  }
  a.lea(Reg.ESP, { base: Reg.EBP, disp: -12 });
  a.pop(Reg.EDI);
  a.pop(Reg.ESI);
  a.pop(Reg.EBX);
  a.pop(Reg.EBP);
  a.ret(16);
}
