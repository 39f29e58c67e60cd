/**
 * @fileoverview Dispatch of the numeric opcodes (0x45–0xc4) to the i32 and
 * i64 emitters and the float bit operations. Float opcodes that need the FPU
 * never reach here: the pre-scan refuses or stubs any function that uses them.
 *
 * Pipeline place: called by `FunctionCompiler.compileInstruction`.
 */
import type { FunctionCompiler } from './function-compiler.js';
import { emitI32 } from './ops-i32.js';
import { emitI64 } from './ops-i64.js';
import { emitFloatBits } from './ops-float-bits.js';

export function emitNumeric(fc: FunctionCompiler, op: number): boolean {
  return emitI32(fc, op) || emitI64(fc, op) || emitFloatBits(fc, op);
}
