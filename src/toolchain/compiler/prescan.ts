/**
 * @fileoverview A quick read of a function body before it is compiled: how
 * often each local is used (weighted by loop depth), whether the function
 * needs the FPU (float arithmetic, comparisons, conversions — float values
 * as mere bits are fine), and whether it uses i64 values. The compiler uses it
 * to pin the hottest i32 locals in callee-saved registers for the whole
 * function (so loops run from registers, as a C compiler's would) and to size
 * its register pool. Code generation itself stays a single pass.
 *
 * Pipeline place: called by `FunctionCompiler` before its one pass.
 */
import { Cursor } from '../wasm/cursor.js';
import { FuncType, ValType } from '../wasm/types.js';
import { needsFpu } from './ops-float-bits.js';
import { skipImmediates } from './immediates.js';

export interface PrescanResult {
  /** Weighted use count per local (parameters first). */
  localWeights: number[];
  /** Offset of the first reachable instruction that needs the FPU, if any. */
  floatAt?: number;
  usesI64: boolean;
  /**
   * Whether an instruction needs EDX or a third scratch register: calls, i32 division, 8-bit stores,
   * memory.grow, the 0xFC bulk and table operations, and f64 values (register pairs, like i64). Without them,
   * EDX is free to pin a fourth local.
   */
  needsEdx: boolean;
  bodyBytes: number;
  /** Total parameters of all `if` blocks with parameters: each gets frame slots to keep them for its `else`. */
  ifParamSlots: number;
}

/** A use inside n nested loops counts 8^n times (up to four levels). */
const LOOP_DEPTH_WEIGHTS = [1, 8, 64, 512, 4096];

export function prescan(
  bytes: Uint8Array,
  start: number,
  end: number,
  localTypes: ValType[],
  globalTypes: ValType[],
  types: FuncType[],
): PrescanResult {
  const weights = new Array<number>(localTypes.length).fill(0);
  let floatAt: number | undefined;
  let usesI64 = localTypes.includes(ValType.I64);
  let ifParamSlots = 0;
  let needsEdx = localTypes.includes(ValType.F64);
  const c = new Cursor(bytes, start, end);
  const loopStack: boolean[] = [];
  let loopDepth = 0;
  // Whether the code being scanned can run, per open block: floats in dead code
  // (after br, return, unreachable) don't make a function a float function.
  const reachable: boolean[] = [true];
  const noteFloat = (at: number) => {
    if (floatAt === undefined && reachable[reachable.length - 1]) floatAt = at;
  };

  while (!c.atEnd) {
    const at = c.pos;
    const op = c.u8();
    if (op === 0x02 || op === 0x03 || op === 0x04) {
      const blockType = c.s33();
      if (op === 0x04 && blockType >= 0) ifParamSlots += types[blockType].params.length;
      if (blockType === -2) usesI64 = true; // 0x7e as s33
      if (blockType === -4) needsEdx = true; // 0x7c (f64) as s33
      loopStack.push(op === 0x03);
      reachable.push(reachable[reachable.length - 1]);
      if (op === 0x03) loopDepth++;
      continue;
    }
    if (op === 0x0b) {
      if (loopStack.pop()) loopDepth--;
      reachable.pop();
      continue;
    }
    if (op === 0x05) {
      reachable[reachable.length - 1] = reachable[reachable.length - 2] ?? true;
      continue;
    }
    if (op >= 0x20 && op <= 0x22) {
      const index = c.u32();
      if (index < weights.length) weights[index] += LOOP_DEPTH_WEIGHTS[Math.min(loopDepth, 4)];
      continue;
    }
    if (op === 0x23 || op === 0x24) {
      const g = c.u32();
      if (globalTypes[g] === ValType.I64) usesI64 = true;
      if (globalTypes[g] === ValType.F64) needsEdx = true;
      continue;
    }
    const sub = skipImmediates(c, op);
    if (needsFpu(op, sub)) noteFloat(at);
    if (usesEdx(op)) needsEdx = true;
    if (op === 0x00 || op === 0x0c || op === 0x0e || op === 0x0f) reachable[reachable.length - 1] = false;
    if ((op >= 0x42 && op <= 0x42) || (op >= 0x50 && op <= 0x5a) || (op >= 0x79 && op <= 0x8a) || (op >= 0xac && op <= 0xad) || (op >= 0xc2 && op <= 0xc4)) {
      usesI64 = true;
    }
  }
  return { localWeights: weights, floatAt, usesI64, needsEdx, bodyBytes: end - start, ifParamSlots };
}

/**
 * call, call_indirect, table.get/set, f64.load/store/const, i32.store8, memory.grow, i32.div/rem,
 * i64.reinterpret_f64, f64.reinterpret_i64, 0xFC-prefixed.
 */
function usesEdx(op: number): boolean {
  return op === 0x10 || op === 0x11 || op === 0x25 || op === 0x26 || op === 0x2b || op === 0x39 || op === 0x3a ||
    op === 0x40 || op === 0x44 || (op >= 0x6d && op <= 0x70) || op === 0xbd || op === 0xbf || op === 0xfc;
}
