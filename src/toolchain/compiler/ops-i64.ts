/**
 * @fileoverview i64 operations on a 32-bit CPU: each value is a register pair
 * (low, high). Add/sub carry with ADC/SBB, comparisons use CMP+SBB so one
 * flag test decides, shifts use SHLD/SHRD, multiply is three 32-bit
 * multiplies, and divide/remainder call runtime helpers after the traps are
 * checked inline (so a trap still names this instruction).
 *
 * Pipeline place: called by `ops-numeric.ts` for opcodes 0x50–0x5a,
 * 0x79–0x8a, 0xa7, 0xac, 0xad, 0xc2–0xc4.
 */
import { Alu, Shift } from '../x86/assembler.js';
import { Cond, Reg } from '../x86/registers.js';
import type { FunctionCompiler } from './function-compiler.js';
import { TrapKind } from './module-context.js';
import { Operand, Slot, SlotKind, constSlot, regSlot, regsOf } from './value-stack.js';
import { COMPARE_CONDS, aluOperand, emitClz32, emitCtz32, emitPopcnt32, flagsSlot, swapCond } from './ops-i32.js';

const toBig = (s: Slot) => (BigInt(s.hi) << 32n) | BigInt(s.lo >>> 0);
const fromBig = (v: bigint) => constSlot(Number(BigInt.asIntN(32, v)), Number(BigInt.asIntN(32, v >> 32n)), true);
const u64 = (v: bigint) => BigInt.asUintN(64, v);
const s64 = (v: bigint) => BigInt.asIntN(64, v);

/** A register holding one half of slot `s`, loaded into a fresh register. */
function loadHalf(fc: FunctionCompiler, s: Slot, high: boolean, avoid: Reg[] = []): Reg {
  const r = fc.vs.allocReg(avoid);
  fc.vs.loadOperand(r, fc.vs.operand(s, high));
  return r;
}

function binaryAlu(fc: FunctionCompiler, loOp: Alu, hiOp: Alu, fold: (a: bigint, b: bigint) => bigint, commutative: boolean): void {
  const vs = fc.vs;
  let b = vs.pop();
  let a = vs.pop();
  if (a.kind === SlotKind.Const && b.kind === SlotKind.Const) {
    vs.push(fromBig(fold(toBig(a), toBig(b))));
    return;
  }
  if (commutative && (a.kind === SlotKind.Const || (b.kind === SlotKind.Reg && a.kind !== SlotKind.Reg))) {
    [a, b] = [b, a]; // compute into the operand that already sits in registers
  }
  const [lo, hi] = vs.intoPair(a, regsOf(b));
  aluOperand(fc, loOp, lo, vs.operand(b, false));
  aluOperand(fc, hiOp, hi, vs.operand(b, true));
  vs.release(b);
  vs.push(regSlot(lo, hi));
}

/** Move popped slot `s` out of EAX/EDX (to its frame slot at height h) so MUL can have them. */
function keepOutOfEaxEdx(fc: FunctionCompiler, s: Slot, h: number): Slot {
  const fixed = [Reg.EAX, Reg.EDX];
  if (s.kind === SlotKind.Reg && (fixed.includes(s.lo as Reg) || fixed.includes(s.hi as Reg))) return fc.vs.parkAt(s, h);
  return s;
}

function imulOperand(fc: FunctionCompiler, dst: Reg, src: Operand): void {
  if ('imm' in src) fc.asm.imulRRI(dst, dst, src.imm);
  else if ('reg' in src) fc.asm.imulRR(dst, src.reg);
  else fc.asm.imulRM(dst, src.mem);
}

/**
 * (xh·2^32 + xl)(yh·2^32 + yl) mod 2^64 = xl·yl + ((xh·yl + xl·yh) << 32):
 * two IMULs for the cross terms, one MUL (EDX:EAX) for the low words.
 *
 * Besides EAX and EDX it needs one register, for the cross terms: x's high register when x is a register
 * pair, else one allocated. Every other half is read where it lies, so the operands of a function with few
 * scratch registers (one pinned local leaves five) never have to fit into registers all at once.
 */
function mul(fc: FunctionCompiler): void {
  const vs = fc.vs;
  const a = fc.asm;
  let y = vs.pop();
  let x = vs.pop();
  if (x.kind === SlotKind.Const && y.kind === SlotKind.Const) {
    vs.push(fromBig(toBig(x) * toBig(y)));
    return;
  }
  if (x.kind === SlotKind.Const) [x, y] = [y, x];
  x = keepOutOfEaxEdx(fc, x, vs.height);
  y = keepOutOfEaxEdx(fc, y, vs.height + 1);
  if (x.kind !== SlotKind.Reg && y.kind === SlotKind.Reg && !hasThirdRegister(fc, regsOf(y))) y = vs.parkAt(y, vs.height + 1);
  for (const r of [Reg.EAX, Reg.EDX]) {
    vs.evict(r);
    vs.claim(r);
  }
  const cross = crossTermRegister(fc, x, y);
  imulOperand(fc, cross, vs.operand(y, false)); // xh·yl
  const yh = vs.operand(y, true);
  if (!('imm' in yh && yh.imm === 0)) {
    vs.loadOperand(Reg.EAX, vs.operand(x, false));
    imulOperand(fc, Reg.EAX, yh); // xl·yh
    a.aluRR(Alu.ADD, cross, Reg.EAX);
  }
  vs.loadOperand(Reg.EAX, vs.operand(x, false));
  vs.loadOperand(Reg.EDX, vs.operand(y, false));
  a.mul(Reg.EDX);
  a.aluRR(Alu.ADD, Reg.EDX, cross);
  vs.freeReg(cross);
  vs.release(x);
  vs.release(y);
  vs.push(regSlot(Reg.EAX, Reg.EDX));
}

/** A register holding xh that the multiply may overwrite: x's own high register, else a fresh one not y's. */
function crossTermRegister(fc: FunctionCompiler, x: Slot, y: Slot): Reg {
  if (x.kind === SlotKind.Reg) return x.hi as Reg;
  const r = fc.vs.allocReg(regsOf(y));
  fc.vs.loadOperand(r, fc.vs.operand(x, true));
  return r;
}

/** Whether a scratch register other than EAX, EDX and `taken` exists (held by a stack value, it can be spilled). */
function hasThirdRegister(fc: FunctionCompiler, taken: Reg[]): boolean {
  return fc.vs.scratch.some((r) => r !== Reg.EAX && r !== Reg.EDX && !taken.includes(r));
}

/** Flags for x == y (E) from a popped pair of wide slots. */
function compareEqual(fc: FunctionCompiler, x: Slot, y: Slot): void {
  const vs = fc.vs;
  const [lo, hi] = vs.intoPair(x, regsOf(y));
  aluOperand(fc, Alu.XOR, lo, vs.operand(y, false));
  aluOperand(fc, Alu.XOR, hi, vs.operand(y, true));
  fc.asm.aluRR(Alu.OR, lo, hi);
  vs.freeReg(lo);
  vs.freeReg(hi);
}

/** Flags for x < y: CMP the low words, SBB the high words; L (signed) or B (unsigned) then holds. */
function compareLess(fc: FunctionCompiler, x: Slot, y: Slot): void {
  const vs = fc.vs;
  const [lo, hi] = vs.intoPair(x, regsOf(y));
  aluOperand(fc, Alu.CMP, lo, vs.operand(y, false));
  aluOperand(fc, Alu.SBB, hi, vs.operand(y, true));
  vs.freeReg(lo);
  vs.freeReg(hi);
}

function compare(fc: FunctionCompiler, cond: Cond): void {
  const vs = fc.vs;
  const y = vs.pop();
  const x = vs.pop();
  if (x.kind === SlotKind.Const && y.kind === SlotKind.Const) {
    vs.push(constSlot(evalCond64(cond, toBig(x), toBig(y)) ? 1 : 0));
    return;
  }
  if (cond === Cond.E || cond === Cond.NE) {
    compareEqual(fc, x, y);
  } else {
    // Only "less" and "not less" come out of CMP+SBB: swap the operands for > and <=.
    const swap = cond === Cond.G || cond === Cond.A || cond === Cond.LE || cond === Cond.BE;
    if (swap) cond = swapCond(cond);
    compareLess(fc, swap ? y : x, swap ? x : y);
  }
  vs.release(x);
  vs.release(y);
  vs.push(flagsSlot(cond));
}

function evalCond64(cond: Cond, a: bigint, b: bigint): boolean {
  switch (cond) {
    case Cond.E: return a === b;
    case Cond.NE: return a !== b;
    case Cond.L: return s64(a) < s64(b);
    case Cond.G: return s64(a) > s64(b);
    case Cond.LE: return s64(a) <= s64(b);
    case Cond.GE: return s64(a) >= s64(b);
    case Cond.B: return u64(a) < u64(b);
    case Cond.A: return u64(a) > u64(b);
    case Cond.BE: return u64(a) <= u64(b);
    default: return u64(a) >= u64(b);
  }
}

function eqz(fc: FunctionCompiler): void {
  const vs = fc.vs;
  const x = vs.pop();
  if (x.kind === SlotKind.Const) {
    vs.push(constSlot(x.lo === 0 && x.hi === 0 ? 1 : 0));
    return;
  }
  const r = loadHalf(fc, x, false);
  aluOperand(fc, Alu.OR, r, vs.operand(x, true));
  vs.freeReg(r);
  vs.release(x);
  vs.push(flagsSlot(Cond.E));
}

/** Put the low word of popped slot `count` in ECX (the only register x86 shifts by). */
function countIntoEcx(fc: FunctionCompiler, count: Slot): void {
  const vs = fc.vs;
  if (count.kind === SlotKind.Reg && count.lo === Reg.ECX) {
    if (count.wide) vs.freeReg(count.hi as Reg);
    return;
  }
  const op = vs.operand(count, false);
  vs.release(count);
  vs.evict(Reg.ECX);
  vs.loadOperand(Reg.ECX, op);
  vs.claim(Reg.ECX);
}

const SHIFT_FOLD: Record<number, (a: bigint, n: bigint) => bigint> = {
  0x86: (a, n) => a << n,
  0x87: (a, n) => s64(a) >> n,
  0x88: (a, n) => u64(a) >> n,
  0x89: (a, n) => (u64(a) << n) | (u64(a) >> ((64n - n) & 63n)),
  0x8a: (a, n) => (u64(a) >> n) | (u64(a) << ((64n - n) & 63n)),
};

function shiftByConstant(fc: FunctionCompiler, op: number, lo: Reg, hi: Reg, n: number): void {
  const a = fc.asm;
  if (op === 0x89 || op === 0x8a) {
    if (n >= 32) {
      a.xchg(lo, hi);
      n -= 32;
    }
    if (n === 0) return;
    const t = fc.vs.allocReg([lo, hi]);
    if (op === 0x89) {
      a.movRR(t, hi);
      a.shldRRI(hi, lo, n);
      a.shldRRI(lo, t, n);
    } else {
      a.movRR(t, lo);
      a.shrdRRI(lo, hi, n);
      a.shrdRRI(hi, t, n);
    }
    fc.vs.freeReg(t);
    return;
  }
  if (op === 0x86) {
    if (n >= 32) {
      a.movRR(hi, lo);
      if (n > 32) a.shiftRI(Shift.SHL, hi, n - 32);
      a.movRI(lo, 0);
    } else if (n > 0) {
      a.shldRRI(hi, lo, n);
      a.shiftRI(Shift.SHL, lo, n);
    }
    return;
  }
  const arithmetic = op === 0x87;
  if (n >= 32) {
    a.movRR(lo, hi);
    if (n > 32) a.shiftRI(arithmetic ? Shift.SAR : Shift.SHR, lo, n - 32);
    if (arithmetic) a.shiftRI(Shift.SAR, hi, 31);
    else a.movRI(hi, 0);
  } else if (n > 0) {
    a.shrdRRI(lo, hi, n);
    a.shiftRI(arithmetic ? Shift.SAR : Shift.SHR, hi, n);
  }
}

/** Shift by CL: SHLD/SHRD use CL mod 32; bit 5 of the count moves whole words. */
function shiftByCl(fc: FunctionCompiler, op: number, lo: Reg, hi: Reg): void {
  const a = fc.asm;
  const done = a.newLabel();
  if (op === 0x89 || op === 0x8a) {
    const noSwap = a.newLabel();
    a.testRI(Reg.ECX, 32);
    a.jcc(Cond.E, noSwap);
    a.xchg(lo, hi);
    a.bind(noSwap);
    const t = fc.vs.allocReg([lo, hi, Reg.ECX]);
    if (op === 0x89) {
      a.movRR(t, hi);
      a.shldRRCL(hi, lo);
      a.shldRRCL(lo, t);
    } else {
      a.movRR(t, lo);
      a.shrdRRCL(lo, hi);
      a.shrdRRCL(hi, t);
    }
    fc.vs.freeReg(t);
    return;
  }
  if (op === 0x86) {
    a.shldRRCL(hi, lo);
    a.shiftRCL(Shift.SHL, lo);
    a.testRI(Reg.ECX, 32);
    a.jcc(Cond.E, done);
    a.movRR(hi, lo);
    a.movRI(lo, 0);
  } else {
    const arithmetic = op === 0x87;
    a.shrdRRCL(lo, hi);
    a.shiftRCL(arithmetic ? Shift.SAR : Shift.SHR, hi);
    a.testRI(Reg.ECX, 32);
    a.jcc(Cond.E, done);
    a.movRR(lo, hi);
    if (arithmetic) a.shiftRI(Shift.SAR, hi, 31);
    else a.movRI(hi, 0);
  }
  a.bind(done);
}

function shift(fc: FunctionCompiler, op: number): void {
  const vs = fc.vs;
  const count = vs.pop();
  const x = vs.pop();
  if (count.kind === SlotKind.Const) {
    const n = count.lo & 63;
    if (x.kind === SlotKind.Const) {
      vs.push(fromBig(SHIFT_FOLD[op](toBig(x), BigInt(n))));
      return;
    }
    const [lo, hi] = vs.intoPair(x);
    shiftByConstant(fc, op, lo, hi, n);
    vs.push(regSlot(lo, hi));
    return;
  }
  const [lo, hi] = vs.intoPair(x, [Reg.ECX]);
  countIntoEcx(fc, count);
  shiftByCl(fc, op, lo, hi);
  vs.freeReg(Reg.ECX);
  vs.push(regSlot(lo, hi));
}

/** Division and remainder through runtime helpers; the traps are checked here first. */
function divide(fc: FunctionCompiler, op: number): void {
  const vs = fc.vs;
  const a = fc.asm;
  const y = vs.pop();
  const x = vs.pop();
  if (y.kind !== SlotKind.Const || (y.lo === 0 && y.hi === 0)) {
    const r = loadHalf(fc, y, false);
    aluOperand(fc, Alu.OR, r, vs.operand(y, true));
    fc.trapIf(Cond.E, TrapKind.DivideByZero);
    vs.freeReg(r);
  }
  if (op === 0x7f && (y.kind !== SlotKind.Const || (y.lo === -1 && y.hi === -1))) {
    const fine = a.newLabel();
    const r = loadHalf(fc, y, false);
    aluOperand(fc, Alu.AND, r, vs.operand(y, true));
    a.aluRI(Alu.CMP, r, -1);
    a.jcc(Cond.NE, fine);
    vs.loadOperand(r, vs.operand(x, true));
    a.aluRI(Alu.CMP, r, 0x8000_0000 | 0);
    a.jcc(Cond.NE, fine);
    vs.loadOperand(r, vs.operand(x, false));
    a.testRR(r, r);
    fc.trapIf(Cond.E, TrapKind.IntegerOverflow);
    a.bind(fine);
    vs.freeReg(r);
  }
  vs.spillRegisters();
  for (const s of [x, y]) {
    pushHalf(fc, s, true);
    pushHalf(fc, s, false);
  }
  vs.release(x);
  vs.release(y);
  const name = ['i64_div_s', 'i64_div_u', 'i64_rem_s', 'i64_rem_u'][op - 0x7f];
  a.call(fc.ctx.routine(name));
  for (const r of [Reg.EAX, Reg.EDX]) vs.claim(r);
  vs.push(regSlot(Reg.EAX, Reg.EDX));
}

export function pushHalf(fc: FunctionCompiler, s: Slot, high: boolean): void {
  const op = fc.vs.operand(s, high);
  if ('imm' in op) fc.asm.pushImm(op.imm);
  else if ('reg' in op) fc.asm.push(op.reg);
  else fc.asm.pushMem(op.mem);
}

function unary(fc: FunctionCompiler, op: number): void {
  const vs = fc.vs;
  const a = fc.asm;
  const x = vs.pop();
  if (x.kind === SlotKind.Const) {
    vs.push(fromBig(UNARY_FOLD[op](u64(toBig(x)))));
    return;
  }
  const [lo, hi] = vs.intoPair(x);
  if (op === 0x79) {
    // clz = hi ≠ 0 ? clz32(hi) : 32 + clz32(lo)
    emitClz32(fc, lo);
    a.aluRI(Alu.ADD, lo, 32);
    const t = vs.allocReg([lo, hi]);
    const done = a.newLabel();
    a.bsr(t, hi);
    a.jcc(Cond.E, done);
    a.aluRI(Alu.XOR, t, 31);
    a.movRR(lo, t);
    a.bind(done);
    vs.freeReg(t);
  } else if (op === 0x7a) {
    // ctz = lo ≠ 0 ? ctz32(lo) : 32 + ctz32(hi)
    emitCtz32(fc, hi);
    a.aluRI(Alu.ADD, hi, 32);
    const done = a.newLabel();
    a.bsf(lo, lo);
    a.jcc(Cond.NE, done);
    a.movRR(lo, hi);
    a.bind(done);
  } else {
    emitPopcnt32(fc, lo);
    emitPopcnt32(fc, hi);
    a.aluRR(Alu.ADD, lo, hi);
  }
  a.movRI(hi, 0);
  vs.push(regSlot(lo, hi));
}

const UNARY_FOLD: Record<number, (a: bigint) => bigint> = {
  0x79: (a) => BigInt(a === 0n ? 64 : 64 - a.toString(2).length),
  0x7a: (a) => (a === 0n ? 64n : BigInt(a.toString(2).length - a.toString(2).lastIndexOf('1') - 1)),
  0x7b: (a) => BigInt([...a.toString(2)].filter((c) => c === '1').length),
};

function wrap(fc: FunctionCompiler): void {
  const vs = fc.vs;
  const x = vs.pop();
  if (x.kind === SlotKind.Const) vs.push(constSlot(x.lo));
  else if (x.kind === SlotKind.Reg) {
    vs.freeReg(x.hi as Reg);
    vs.push(regSlot(x.lo as Reg));
  } else if (x.kind === SlotKind.Mem) {
    vs.push({ ...x, wide: false });
  } else {
    vs.push(regSlot(loadHalf(fc, x, false)));
  }
}

/** i64.extend_i32_s/u and i64.extend8/16/32_s. */
function extend(fc: FunctionCompiler, op: number): void {
  const vs = fc.vs;
  const a = fc.asm;
  const x = vs.pop();
  const fromWide = op >= 0xc2;
  if (x.kind === SlotKind.Const) {
    const bits = { 0xac: 32, 0xad: 0, 0xc2: 8, 0xc3: 16, 0xc4: 32 }[op]!;
    const v = BigInt(x.lo);
    vs.push(fromBig(bits === 0 ? BigInt(x.lo >>> 0) : BigInt.asIntN(bits, v)));
    return;
  }
  let lo: Reg;
  if (fromWide) {
    const [l, h] = vs.intoPair(x);
    vs.freeReg(h);
    lo = l;
  } else {
    lo = vs.intoReg(x);
  }
  if (op === 0xc2 || op === 0xc3) {
    if (op === 0xc2 && lo > Reg.EBX) {
      const b = vs.allocReg([lo], true);
      a.movRR(b, lo);
      vs.freeReg(lo);
      lo = b;
    }
    a.extendRR(lo, lo, op === 0xc2 ? 8 : 16, true);
  }
  const hi = vs.allocReg([lo]);
  if (op === 0xad) a.movRI(hi, 0);
  else {
    a.movRR(hi, lo);
    a.shiftRI(Shift.SAR, hi, 31);
  }
  vs.push(regSlot(lo, hi));
}

/** Emit one i64 operation; false when `op` is not one. */
export function emitI64(fc: FunctionCompiler, op: number): boolean {
  if (op === 0x50) eqz(fc);
  else if (op >= 0x51 && op <= 0x5a) compare(fc, COMPARE_CONDS[op - 0x51]);
  else if (op >= 0x79 && op <= 0x7b) unary(fc, op);
  else if (op === 0x7c) binaryAlu(fc, Alu.ADD, Alu.ADC, (a, b) => a + b, true);
  else if (op === 0x7d) binaryAlu(fc, Alu.SUB, Alu.SBB, (a, b) => a - b, false);
  else if (op === 0x7e) mul(fc);
  else if (op >= 0x7f && op <= 0x82) divide(fc, op);
  else if (op === 0x83) binaryAlu(fc, Alu.AND, Alu.AND, (a, b) => a & b, true);
  else if (op === 0x84) binaryAlu(fc, Alu.OR, Alu.OR, (a, b) => a | b, true);
  else if (op === 0x85) binaryAlu(fc, Alu.XOR, Alu.XOR, (a, b) => a ^ b, true);
  else if (op >= 0x86 && op <= 0x8a) shift(fc, op);
  else if (op === 0xa7) wrap(fc);
  else if (op === 0xac || op === 0xad || (op >= 0xc2 && op <= 0xc4)) extend(fc, op);
  else return false;
  return true;
}
