/**
 * @fileoverview Loop rotation. asc compiles `for (…; i < n; i++) body` as
 *
 *   loop $l  (if (i32.lt_s (local.get i) (local.get n)) (then body (br $l)))  end
 *
 * or with `br_if $exit` in place of the `if`, which runs a jump back to the
 * top, then the test, every iteration. When the loop starts with such a short,
 * side-effect-free test, the back edge instead repeats the test at the bottom
 * and jumps straight into the body while it holds: one jump per iteration
 * instead of two, as a C compiler lays loops out.
 * The test is compiled a second time from the same wasm bytes (still one pass
 * over the function; only those few instructions are read twice).
 *
 * Pipeline place: used by `FunctionCompiler` at `loop` and at `br` to a loop.
 */
import { Cursor } from '../wasm/cursor.js';

export interface LoopHeader {
  /** `br_if`: the test leaves the loop when true; `if`: the body runs inside an `if` when true. */
  kind: 'br_if' | 'if';
  /** Offset of the first instruction of the test. */
  start: number;
  /** Offset of the test's `br_if` / `if`, and just after it. */
  brIfAt: number;
  brIfEnd: number;
  /** The br_if's label depth, counted from inside the loop (≥ 1: it leaves the loop). */
  depth: number;
}

const MAX_TEST_INSTRUCTIONS = 6;

/**
 * If the loop body starting at `start` begins with a test of the form
 * `(local.get | i32.const)+ (i32 comparison | i32.eqz)*` followed by `br_if d`
 * (d ≥ 1) or by an `if` without results, leaving nothing else on the stack,
 * describe it.
 */
export function scanLoopHeader(bytes: Uint8Array, start: number, end: number): LoopHeader | undefined {
  const c = new Cursor(bytes, start, end);
  let height = 0;
  for (let n = 0; n < MAX_TEST_INSTRUCTIONS && !c.atEnd; n++) {
    const at = c.pos;
    const op = c.u8();
    if (op === 0x20) {
      c.u32();
      height++;
    } else if (op === 0x41) {
      c.s32();
      height++;
    } else if (op >= 0x46 && op <= 0x4f) {
      if (height < 2) return undefined;
      height--;
    } else if (op === 0x45) {
      if (height < 1) return undefined;
    } else if (op === 0x0d) {
      const depth = c.u32();
      return height === 1 && depth >= 1 ? { kind: 'br_if', start, brIfAt: at, brIfEnd: c.pos, depth } : undefined;
    } else if (op === 0x04) {
      const blockType = c.s33();
      return height === 1 && blockType === -64 ? { kind: 'if', start, brIfAt: at, brIfEnd: c.pos, depth: 0 } : undefined;
    } else {
      return undefined;
    }
  }
  return undefined;
}
