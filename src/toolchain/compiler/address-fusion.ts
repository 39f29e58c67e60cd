/**
 * @fileoverview Folding address arithmetic into x86 addressing modes. asc
 * computes `load<u32>(table + (i << 2))` as `i.shl 2; i32.const table;
 * i32.add; i32.load`; x86 does all of that in one operand, `[i*4 + table]`.
 * When an `i32.shl` by 1–3 or an `i32.add` of a constant is followed only by
 * the rest of such an address and a load, this peeks at those instructions,
 * consumes them and emits one load — still one pass over the code.
 *
 * Patterns (x is the value already on the stack; p a local pinned in a register):
 *   x (i32.const k) i32.shl [i32.const c i32.add | local.get p i32.add] load   → [p + x·2^k + c]
 *   x (i32.const c) i32.add load                                                → [x + c]
 * Not in the bounds-checked mode, where each access is checked on its own.
 *
 * Row-major indexes `(i << 6) + j` (matrix code) become LEAs even without a load:
 *   x (i32.const k) i32.shl local.get p i32.add, k ≤ 3      → lea r, [p + x·2^k]
 *   the same, 4 ≤ k ≤ 6, x in a register we must not change  → lea r, [x·8]; lea r, [p + r·2^(k-3)]
 * instead of mov + shl + add.
 *
 * Pipeline place: called by `ops-i32.ts` for i32.shl and i32.add.
 */
import { Reg } from '../x86/registers.js';
import type { FunctionCompiler } from './function-compiler.js';
import { LOADS, loadFrom } from './ops-memory.js';
import { Slot, SlotKind, regSlot } from './value-stack.js';

const I32_CONST = 0x41;
const I32_ADD = 0x6a;
const LOCAL_GET = 0x20;

interface LoadTail {
  op: number;
  offset: number;
  /** Cursor position after the load. */
  end: number;
}

/** If the next instruction is a load, its opcode and memarg offset. */
function peekLoad(fc: FunctionCompiler, at: number): LoadTail | undefined {
  const c = fc.cursor;
  const saved = c.pos;
  c.pos = at;
  try {
    const op = c.u8();
    if (!LOADS[op]) return undefined;
    c.u32(); // alignment
    const offset = c.u32();
    return { op, offset, end: c.pos };
  } finally {
    c.pos = saved;
  }
}

/** A register holding x for use inside an address (read-only), and whether we own it. */
function addressRegister(fc: FunctionCompiler, x: Slot): { reg: Reg; owned: boolean } {
  const op = fc.vs.operand(x);
  if ('reg' in op) return { reg: op.reg, owned: x.kind === SlotKind.Reg };
  return { reg: fc.vs.intoReg(x), owned: true };
}

function emitFusedLoad(fc: FunctionCompiler, tail: LoadTail, x: Slot, scale: 1 | 2 | 4 | 8, base: Reg | undefined, disp: number): void {
  const { reg, owned } = addressRegister(fc, x);
  fc.cursor.pos = tail.end;
  const memoryBase = fc.ctx.options.memoryBase;
  const mem = scale === 1 && base === undefined
    ? { base: reg, disp: (memoryBase + disp + tail.offset) | 0 }
    : { base, index: reg, scale, disp: (memoryBase + disp + tail.offset) | 0 };
  loadFrom(fc, LOADS[tail.op], mem, owned ? reg : undefined);
}

/** `x << k` where the shift is the start of an address that ends in a load. */
export function fuseShiftedAddress(fc: FunctionCompiler, x: Slot, k: number): boolean {
  if (fc.ctx.options.boundsChecks || k < 1 || k > 3) return false;
  const scale = (1 << k) as 2 | 4 | 8;
  const c = fc.cursor;
  const start = c.pos;
  const direct = peekLoad(fc, start);
  if (direct) {
    emitFusedLoad(fc, direct, x, scale, undefined, 0);
    return true;
  }
  const next = c.peekU8();
  if (next !== I32_CONST && next !== LOCAL_GET) return false;
  c.pos++;
  const immediate = next === I32_CONST ? c.s32() : c.u32();
  const addAt = c.pos;
  c.pos = start;
  if (fc.cursor.bytes[addAt] !== I32_ADD) return false;
  const tail = peekLoad(fc, addAt + 1);
  if (!tail) return false;
  if (next === I32_CONST) {
    emitFusedLoad(fc, tail, x, scale, undefined, immediate);
    return true;
  }
  const pinned = fc.home(immediate)?.pinned;
  if (pinned === undefined) return false;
  emitFusedLoad(fc, tail, x, scale, pinned, 0);
  return true;
}

/** `(x << k) + p`, p a pinned local: one or two LEAs (see the header); false when it saves nothing. */
export function fuseShiftedSum(fc: FunctionCompiler, x: Slot, k: number): boolean {
  if (k < 1 || k > 6) return false;
  const c = fc.cursor;
  const start = c.pos;
  if (c.peekU8() !== LOCAL_GET) return false;
  c.pos++;
  const pinned = fc.home(c.u32())?.pinned;
  const end = c.pos + 1;
  c.pos = start;
  if (pinned === undefined || fc.cursor.bytes[end - 1] !== I32_ADD) return false;
  const vs = fc.vs;
  const op = vs.operand(x);
  const shared = x.kind !== SlotKind.Reg && 'reg' in op; // a pinned or cached local: copy, don't change
  if (k > 3 && !shared) return false; // shl + add on a register of our own is as short
  c.pos = end;
  let index: Reg;
  let r: Reg;
  if (shared) {
    index = (op as { reg: Reg }).reg;
    r = vs.allocReg();
  } else {
    r = index = vs.intoReg(x);
  }
  let scale = k;
  if (k > 3) {
    fc.asm.lea(r, { index, scale: 8, disp: 0 });
    index = r;
    scale = k - 3;
  }
  fc.asm.lea(r, { base: pinned, index, scale: (1 << scale) as 2 | 4 | 8, disp: 0 });
  vs.push(regSlot(r));
  return true;
}

/** `x + c` followed by a load: fold c into the load's displacement. */
export function fuseAddedConstant(fc: FunctionCompiler, x: Slot, c: number): boolean {
  if (fc.ctx.options.boundsChecks || x.kind === SlotKind.Const) return false;
  const tail = peekLoad(fc, fc.cursor.pos);
  if (!tail) return false;
  emitFusedLoad(fc, tail, x, 1, undefined, c);
  return true;
}
