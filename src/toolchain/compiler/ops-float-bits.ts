/**
 * @fileoverview Floating-point values as bit patterns: f32 travels like an
 * i32 and f64 like an i64, through locals, globals, calls, blocks, loads and
 * stores, and the operations that only touch bits (const, abs, neg,
 * copysign, reinterpret) run on the integer unit. Nothing here touches the
 * FPU, whose state the kernel does not save on a context switch; float
 * arithmetic, comparisons and conversions are refused by the pre-scan.
 *
 * Pipeline place: called by `ops-numeric.ts` and for f32/f64.const.
 */
import { Alu } from '../x86/assembler.js';
import type { FunctionCompiler } from './function-compiler.js';
import { constSlot, regSlot, regsOf } from './value-stack.js';

const SIGN = 0x8000_0000 | 0;
const MAGNITUDE = 0x7fff_ffff;

/** Opcodes of float operations that need the FPU (arithmetic, comparisons, conversions). */
export function needsFpu(op: number, sub?: number): boolean {
  if (op === 0xfc) return sub !== undefined && sub <= 7;
  if (op >= 0x5b && op <= 0x66) return true;
  if (op >= 0x8b && op <= 0xa6) return !BIT_OPS.has(op);
  return op >= 0xa8 && op <= 0xbb && op !== 0xa7 && op !== 0xac && op !== 0xad;
}

const BIT_OPS = new Set([0x8b, 0x8c, 0x98, 0x99, 0x9a, 0xa6]);

/** abs, neg and copysign on the sign bit (the high word's, for f64). */
function signOp(fc: FunctionCompiler, op: number): void {
  const vs = fc.vs;
  const wide = op >= 0x99;
  if (op === 0x98 || op === 0xa6) {
    const sign = vs.pop();
    const magnitude = vs.pop();
    const regs = wide ? vs.intoPair(magnitude, regsOf(sign)) : [vs.intoReg(magnitude, regsOf(sign))];
    const top = regs[regs.length - 1];
    const t = vs.allocReg([...regs, ...regsOf(sign)]);
    vs.loadOperand(t, vs.operand(sign, wide));
    vs.release(sign);
    fc.asm.aluRI(Alu.AND, t, SIGN);
    fc.asm.aluRI(Alu.AND, top, MAGNITUDE);
    fc.asm.aluRR(Alu.OR, top, t);
    vs.freeReg(t);
    vs.push(wide ? regSlot(regs[0], regs[1]) : regSlot(regs[0]));
    return;
  }
  const value = vs.pop();
  const regs = wide ? vs.intoPair(value) : [vs.intoReg(value)];
  const top = regs[regs.length - 1];
  if (op === 0x8b || op === 0x99) fc.asm.aluRI(Alu.AND, top, MAGNITUDE);
  else fc.asm.aluRI(Alu.XOR, top, SIGN);
  vs.push(wide ? regSlot(regs[0], regs[1]) : regSlot(regs[0]));
}

/** Emit a float bit operation; false when `op` is not one. */
export function emitFloatBits(fc: FunctionCompiler, op: number): boolean {
  if (BIT_OPS.has(op)) signOp(fc, op);
  else if (op >= 0xbc && op <= 0xbf) return true; // reinterpret: same bits
  else return false;
  return true;
}

export function f32Const(bits: number) {
  return constSlot(bits | 0);
}

export function f64Const(lo: number, hi: number) {
  return constSlot(lo | 0, hi | 0, true);
}
