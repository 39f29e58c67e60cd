/**
 * @fileoverview i32 operations: comparisons (left as CPU flags for a
 * following branch), arithmetic, bit counting, shifts and rotations, division
 * with the traps wasm requires, and sign extension.
 *
 * Pipeline place: called by `ops-numeric.ts` for opcodes 0x45–0x78, 0xc0–0xc1.
 */
import { Alu, Shift } from '../x86/assembler.js';
import { Cond, Reg } from '../x86/registers.js';
import type { FunctionCompiler } from './function-compiler.js';
import { TrapKind } from './module-context.js';
import { Operand, Slot, SlotKind, constSlot, regSlot, regsOf } from './value-stack.js';
import { fuseAddedConstant, fuseShiftedAddress, fuseShiftedSum } from './address-fusion.js';

/** Conditions for i32.eq … i32.ge_u (and the i64 ones, same order), indexed from eq. */
export const COMPARE_CONDS = [Cond.E, Cond.NE, Cond.L, Cond.B, Cond.G, Cond.A, Cond.LE, Cond.BE, Cond.GE, Cond.AE];

/** The condition that holds for (b op a) when `cond` holds for (a op b). */
export function swapCond(cond: Cond): Cond {
  switch (cond) {
    case Cond.L: return Cond.G;
    case Cond.G: return Cond.L;
    case Cond.LE: return Cond.GE;
    case Cond.GE: return Cond.LE;
    case Cond.B: return Cond.A;
    case Cond.A: return Cond.B;
    case Cond.BE: return Cond.AE;
    case Cond.AE: return Cond.BE;
    default: return cond;
  }
}

export function evalCond(cond: Cond, a: number, b: number): boolean {
  const ua = a >>> 0;
  const ub = b >>> 0;
  switch (cond) {
    case Cond.E: return a === b;
    case Cond.NE: return a !== b;
    case Cond.L: return (a | 0) < (b | 0);
    case Cond.G: return (a | 0) > (b | 0);
    case Cond.LE: return (a | 0) <= (b | 0);
    case Cond.GE: return (a | 0) >= (b | 0);
    case Cond.B: return ua < ub;
    case Cond.A: return ua > ub;
    case Cond.BE: return ua <= ub;
    case Cond.AE: return ua >= ub;
    default: throw new Error(`no constant rule for condition ${cond}`);
  }
}

export function flagsSlot(cond: Cond): Slot {
  return { kind: SlotKind.Flags, wide: false, lo: cond, hi: 0 };
}

/** dst ← dst op operand, for any operand form. */
export function aluOperand(fc: FunctionCompiler, op: Alu, dst: Reg, src: Operand): void {
  if ('imm' in src) fc.asm.aluRI(op, dst, src.imm);
  else if ('reg' in src) fc.asm.aluRR(op, dst, src.reg);
  else fc.asm.aluRM(op, dst, src.mem);
}

/** Emit `cmp a, b` for two popped narrow slots; returns the condition to use (maybe swapped). */
export function compareSlots(fc: FunctionCompiler, a: Slot, b: Slot, cond: Cond): Cond {
  const vs = fc.vs;
  let lhs = vs.operand(a);
  let rhs = vs.operand(b);
  if ('imm' in lhs && !('imm' in rhs)) {
    [lhs, rhs] = [rhs, lhs];
    cond = swapCond(cond);
  }
  if ('mem' in lhs && 'mem' in rhs) {
    const r = vs.allocReg();
    vs.loadOperand(r, lhs);
    fc.asm.aluRM(Alu.CMP, r, rhs.mem);
    vs.freeReg(r);
  } else if ('reg' in lhs) {
    aluOperand(fc, Alu.CMP, lhs.reg, rhs);
  } else if ('mem' in lhs) {
    if ('imm' in rhs) fc.asm.aluMI(Alu.CMP, lhs.mem, rhs.imm);
    else fc.asm.aluMR(Alu.CMP, lhs.mem, (rhs as { reg: Reg }).reg);
  }
  vs.release(a);
  vs.release(b);
  return cond;
}

function compare(fc: FunctionCompiler, cond: Cond): void {
  const b = fc.vs.pop();
  const a = fc.vs.pop();
  if (a.kind === SlotKind.Const && b.kind === SlotKind.Const) {
    fc.vs.push(constSlot(evalCond(cond, a.lo, b.lo) ? 1 : 0));
    return;
  }
  fc.vs.push(flagsSlot(compareSlots(fc, a, b, cond)));
}

function eqz(fc: FunctionCompiler): void {
  const a = fc.vs.pop();
  if (a.kind === SlotKind.Flags) {
    fc.vs.push(flagsSlot((a.lo ^ 1) as Cond));
    return;
  }
  if (a.kind === SlotKind.Const) {
    fc.vs.push(constSlot(a.lo === 0 ? 1 : 0));
    return;
  }
  const op = fc.vs.operand(a);
  if ('reg' in op) fc.asm.testRR(op.reg, op.reg);
  else fc.asm.aluMI(Alu.CMP, (op as { mem: never }).mem, 0);
  fc.vs.release(a);
  fc.vs.push(flagsSlot(Cond.E));
}

const ALU_FOLD: Partial<Record<Alu, (a: number, b: number) => number>> = {
  [Alu.ADD]: (a, b) => a + b,
  [Alu.SUB]: (a, b) => a - b,
  [Alu.AND]: (a, b) => a & b,
  [Alu.OR]: (a, b) => a | b,
  [Alu.XOR]: (a, b) => a ^ b,
};

/**
 * `local.set $x (op (local.get $x) y)` with $x pinned in a register: the
 * operation can compute straight into that register (`add ebx, y`) instead of
 * a temporary and a move. Returns $x's register and the other operand when it
 * can; the caller emits the operation and calls `finishInPlace`.
 */
function inPlaceTarget(fc: FunctionCompiler, a: Slot, b: Slot, commutative: boolean) {
  const target = fc.peekLocalSet();
  if (!target) return undefined;
  const isTarget = (s: Slot) => s.kind === SlotKind.Local && s.lo === target.index;
  let other: Slot;
  if (isTarget(a)) other = b;
  else if (commutative && isTarget(b)) other = a;
  else return undefined;
  fc.vs.detachLocal(target.index);
  return { target, reg: target.reg, other };
}

function finishInPlace(fc: FunctionCompiler, inPlace: NonNullable<ReturnType<typeof inPlaceTarget>>): void {
  fc.vs.release(inPlace.other);
  fc.consumeLocalSet(inPlace.target);
}

function binaryAlu(fc: FunctionCompiler, op: Alu, commutative: boolean): void {
  const vs = fc.vs;
  let b = vs.pop();
  let a = vs.pop();
  if (a.kind === SlotKind.Const && b.kind === SlotKind.Const) {
    vs.push(constSlot(ALU_FOLD[op]!(a.lo, b.lo)));
    return;
  }
  const inPlace = inPlaceTarget(fc, a, b, commutative);
  if (inPlace) {
    aluOperand(fc, op, inPlace.reg, vs.operand(inPlace.other));
    return finishInPlace(fc, inPlace);
  }
  if (op === Alu.ADD && b.kind === SlotKind.Const && fuseAddedConstant(fc, a, b.lo)) return;
  if (op === Alu.ADD && a.kind === SlotKind.Const && fuseAddedConstant(fc, b, a.lo)) return;
  if (commutative && (a.kind === SlotKind.Const || (b.kind === SlotKind.Reg && a.kind !== SlotKind.Reg))) {
    [a, b] = [b, a];
  }
  if (b.kind === SlotKind.Const && (op === Alu.ADD || op === Alu.SUB) && a.kind !== SlotKind.Reg) {
    // lea r, [base + imm] avoids a separate move for `local + constant`.
    const src = vs.operand(a);
    if ('reg' in src) {
      const r = vs.allocReg();
      fc.asm.lea(r, { base: src.reg, disp: op === Alu.ADD ? b.lo : -b.lo });
      vs.push(regSlot(r));
      return;
    }
  }
  const r = vs.intoReg(a, regsOf(b));
  if (!(b.kind === SlotKind.Const && b.lo === 0 && op !== Alu.AND)) aluOperand(fc, op, r, vs.operand(b));
  vs.release(b);
  vs.push(regSlot(r));
}

function mul(fc: FunctionCompiler): void {
  const vs = fc.vs;
  let b = vs.pop();
  let a = vs.pop();
  if (a.kind === SlotKind.Const && b.kind === SlotKind.Const) {
    vs.push(constSlot(Math.imul(a.lo, b.lo)));
    return;
  }
  if (a.kind === SlotKind.Const) [a, b] = [b, a];
  const inPlace = inPlaceTarget(fc, a, b, true);
  if (inPlace) {
    const src = vs.operand(inPlace.other);
    if ('imm' in src) fc.asm.imulRRI(inPlace.reg, inPlace.reg, src.imm);
    else if ('reg' in src) fc.asm.imulRR(inPlace.reg, src.reg);
    else fc.asm.imulRM(inPlace.reg, src.mem);
    return finishInPlace(fc, inPlace);
  }
  if (b.kind === SlotKind.Const) {
    const src = vs.operand(a);
    vs.release(a);
    const r = vs.allocReg();
    if ('reg' in src) fc.asm.imulRRI(r, src.reg, b.lo);
    else {
      vs.loadOperand(r, src);
      fc.asm.imulRRI(r, r, b.lo);
    }
    vs.push(regSlot(r));
    return;
  }
  const r = vs.intoReg(a, regsOf(b));
  const src = vs.operand(b);
  if ('reg' in src) fc.asm.imulRR(r, src.reg);
  else fc.asm.imulRM(r, (src as { mem: never }).mem);
  vs.release(b);
  vs.push(regSlot(r));
}

const SHIFT_FOLD: Record<number, (a: number, n: number) => number> = {
  [Shift.SHL]: (a, n) => a << n,
  [Shift.SHR]: (a, n) => a >>> n,
  [Shift.SAR]: (a, n) => a >> n,
  [Shift.ROL]: (a, n) => (a << n) | (a >>> (32 - n)),
  [Shift.ROR]: (a, n) => (a >>> n) | (a << (32 - n)),
};

function shift(fc: FunctionCompiler, op: Shift): void {
  const vs = fc.vs;
  const b = vs.pop();
  const a = vs.pop();
  if (b.kind === SlotKind.Const) {
    const n = b.lo & 31;
    if (a.kind === SlotKind.Const) {
      vs.push(constSlot(n === 0 ? a.lo : SHIFT_FOLD[op](a.lo, n)));
      return;
    }
    const inPlace = inPlaceTarget(fc, a, b, false);
    if (inPlace) {
      if (n !== 0) fc.asm.shiftRI(op, inPlace.reg, n);
      return finishInPlace(fc, inPlace);
    }
    if (op === Shift.SHL && fuseShiftedAddress(fc, a, n)) return;
    if (op === Shift.SHL && fuseShiftedSum(fc, a, n)) return;
    if (op === Shift.SHL && n > 0 && n <= 3 && a.kind !== SlotKind.Reg && 'reg' in vs.operand(a)) return shiftCopy(fc, a, n);
    const r = vs.intoReg(a);
    if (n !== 0) fc.asm.shiftRI(op, r, n);
    vs.push(regSlot(r));
    return;
  }
  const r = vs.intoReg(a, [Reg.ECX]);
  vs.intoFixed(b, Reg.ECX);
  fc.asm.shiftRCL(op, r);
  vs.freeReg(Reg.ECX);
  vs.push(regSlot(r));
}

/**
 * `x << n` (n ≤ 3) where x sits in a register we must not change (a pinned or
 * cached local): `lea r, [x*2^n]` copies and shifts in one instruction.
 * (`imul r, x, 2^n` would do it for any n, but v86 runs it several times
 * slower than a move and a shift: measured with `npm run bench`, matmul.)
 */
function shiftCopy(fc: FunctionCompiler, x: Slot, n: number): void {
  const vs = fc.vs;
  const src = vs.operand(x) as { reg: Reg };
  vs.release(x);
  const r = vs.allocReg();
  fc.asm.lea(r, { index: src.reg, scale: (1 << n) as 2 | 4 | 8, disp: 0 });
  vs.push(regSlot(r));
}

/** Division and remainder: operands in EDX:EAX and a divisor register, with wasm's traps. */
function divide(fc: FunctionCompiler, signed: boolean, remainder: boolean): void {
  const vs = fc.vs;
  const a = fc.asm;
  const b = vs.pop();
  const x = vs.pop();
  if (!signed && b.kind === SlotKind.Const && b.lo !== 0 && (b.lo & (b.lo - 1)) === 0) {
    const r = vs.intoReg(x);
    if (remainder) a.aluRI(Alu.AND, r, (b.lo - 1) | 0);
    else if (b.lo !== 1) a.shiftRI(Shift.SHR, r, 31 - Math.clz32(b.lo));
    vs.push(regSlot(r));
    return;
  }
  // The dividend goes to EDX:EAX, the divisor to any other register.
  let divisorSlot = b;
  if (b.kind === SlotKind.Reg && (b.lo === Reg.EAX || b.lo === Reg.EDX)) divisorSlot = vs.parkAt(b, vs.height + 1);
  vs.intoFixed(x, Reg.EAX);
  vs.evict(Reg.EDX);
  vs.claim(Reg.EDX);
  const divisor = vs.intoReg(divisorSlot, [Reg.EAX, Reg.EDX]);
  const maybeZero = b.kind !== SlotKind.Const || b.lo === 0;
  const maybeMinusOne = signed && (b.kind !== SlotKind.Const || b.lo === -1);
  if (maybeZero) {
    a.testRR(divisor, divisor);
    fc.trapIf(Cond.E, TrapKind.DivideByZero);
  }
  const done = a.newLabel();
  if (maybeMinusOne) {
    const normal = a.newLabel();
    a.aluRI(Alu.CMP, divisor, -1);
    a.jcc(Cond.NE, normal);
    if (remainder) {
      a.movRI(Reg.EDX, 0); // x % -1 = 0, and idiv would fault on INT_MIN
      a.jmp(done);
    } else {
      a.aluRI(Alu.CMP, Reg.EAX, 0x8000_0000 | 0);
      fc.trapIf(Cond.E, TrapKind.IntegerOverflow);
    }
    a.bind(normal);
  }
  if (signed) {
    a.cdq();
    a.idiv(divisor);
  } else {
    a.movRI(Reg.EDX, 0);
    a.div(divisor);
  }
  a.bind(done);
  vs.freeReg(divisor);
  const result = remainder ? Reg.EDX : Reg.EAX;
  vs.freeReg(remainder ? Reg.EAX : Reg.EDX);
  vs.push(regSlot(result));
}

/** clz via bsr: bsr leaves ZF set for a zero input, when the answer is 32. */
export function emitClz32(fc: FunctionCompiler, r: Reg): void {
  const t = fc.vs.allocReg([r]);
  fc.asm.movRI(t, 63);
  fc.asm.bsr(r, r);
  fc.asm.cmov(Cond.E, r, t);
  fc.asm.aluRI(Alu.XOR, r, 31);
  fc.vs.freeReg(t);
}

export function emitCtz32(fc: FunctionCompiler, r: Reg): void {
  const t = fc.vs.allocReg([r]);
  fc.asm.movRI(t, 32);
  fc.asm.bsf(r, r);
  fc.asm.cmov(Cond.E, r, t);
  fc.vs.freeReg(t);
}

/** Population count without the POPCNT instruction (absent on QEMU's default CPU): SWAR. */
export function emitPopcnt32(fc: FunctionCompiler, r: Reg): void {
  const a = fc.asm;
  const t = fc.vs.allocReg([r]);
  a.movRR(t, r);
  a.shiftRI(Shift.SHR, t, 1);
  a.aluRI(Alu.AND, t, 0x5555_5555);
  a.aluRR(Alu.SUB, r, t);
  a.movRR(t, r);
  a.shiftRI(Shift.SHR, t, 2);
  a.aluRI(Alu.AND, t, 0x3333_3333);
  a.aluRI(Alu.AND, r, 0x3333_3333);
  a.aluRR(Alu.ADD, r, t);
  a.movRR(t, r);
  a.shiftRI(Shift.SHR, t, 4);
  a.aluRR(Alu.ADD, r, t);
  a.aluRI(Alu.AND, r, 0x0f0f_0f0f);
  a.imulRRI(r, r, 0x0101_0101);
  a.shiftRI(Shift.SHR, r, 24);
  fc.vs.freeReg(t);
}

const UNARY_FOLD: Record<number, (a: number) => number> = {
  0x67: (a) => Math.clz32(a),
  0x68: (a) => (a === 0 ? 32 : 31 - Math.clz32(a & -a)),
  0x69: (a) => {
    let n = 0;
    for (let v = a >>> 0; v; v &= v - 1) n++;
    return n;
  },
  0xc0: (a) => (a << 24) >> 24,
  0xc1: (a) => (a << 16) >> 16,
};

function unary(fc: FunctionCompiler, op: number): void {
  const vs = fc.vs;
  const a = vs.pop();
  if (a.kind === SlotKind.Const) {
    vs.push(constSlot(UNARY_FOLD[op](a.lo)));
    return;
  }
  const r = vs.intoReg(a, [], op === 0xc0);
  if (op === 0x67) emitClz32(fc, r);
  else if (op === 0x68) emitCtz32(fc, r);
  else if (op === 0x69) emitPopcnt32(fc, r);
  else fc.asm.extendRR(r, r, op === 0xc0 ? 8 : 16, true);
  vs.push(regSlot(r));
}

/** Emit one i32 operation; false when `op` is not one. */
export function emitI32(fc: FunctionCompiler, op: number): boolean {
  if (op === 0x45) eqz(fc);
  else if (op >= 0x46 && op <= 0x4f) compare(fc, COMPARE_CONDS[op - 0x46]);
  else if (op === 0x67 || op === 0x68 || op === 0x69 || op === 0xc0 || op === 0xc1) unary(fc, op);
  else if (op === 0x6a) binaryAlu(fc, Alu.ADD, true);
  else if (op === 0x6b) binaryAlu(fc, Alu.SUB, false);
  else if (op === 0x6c) mul(fc);
  else if (op >= 0x6d && op <= 0x70) divide(fc, op === 0x6d || op === 0x6f, op >= 0x6f);
  else if (op === 0x71) binaryAlu(fc, Alu.AND, true);
  else if (op === 0x72) binaryAlu(fc, Alu.OR, true);
  else if (op === 0x73) binaryAlu(fc, Alu.XOR, true);
  else if (op >= 0x74 && op <= 0x78) shift(fc, [Shift.SHL, Shift.SAR, Shift.SHR, Shift.ROL, Shift.ROR][op - 0x74]);
  else return false;
  return true;
}
