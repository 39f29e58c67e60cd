/**
 * @fileoverview Skipping one instruction's immediates without compiling it:
 * used by the pre-scan (`prescan.ts`) and for unreachable code, which must be
 * decoded to find its matching `else`/`end` but produces no machine code.
 *
 * Pipeline place: helper of the function compiler.
 */
import { Cursor } from '../wasm/cursor.js';

/** Read the immediates of opcode `op` (already consumed) and return the 0xFC sub-opcode, if any. */
export function skipImmediates(c: Cursor, op: number): number | undefined {
  switch (op) {
    case 0x02: case 0x03: case 0x04: // block, loop, if
      c.s33();
      return undefined;
    case 0x0c: case 0x0d: // br, br_if
    case 0x10: // call
    case 0x20: case 0x21: case 0x22: case 0x23: case 0x24: // local/global get/set/tee
    case 0x25: case 0x26: // table.get/set
    case 0xd0: // ref.null t
    case 0xd2: // ref.func
      c.u32();
      return undefined;
    case 0x0e: { // br_table
      const n = c.u32();
      for (let i = 0; i <= n; i++) c.u32();
      return undefined;
    }
    case 0x11: // call_indirect
      c.u32();
      c.u32();
      return undefined;
    case 0x1c: { // select t*
      const n = c.u32();
      for (let i = 0; i < n; i++) c.u8();
      return undefined;
    }
    case 0x3f: case 0x40: // memory.size/grow
      c.u8();
      return undefined;
    case 0x41:
      c.s32();
      return undefined;
    case 0x42:
      c.s64();
      return undefined;
    case 0x43:
      c.take(4);
      return undefined;
    case 0x44:
      c.take(8);
      return undefined;
    case 0xfc:
      return skipPrefixedFC(c);
    default:
      if (op >= 0x28 && op <= 0x3e) { // loads and stores: align, offset
        c.u32();
        c.u32();
      }
      return undefined;
  }
}

function skipPrefixedFC(c: Cursor): number {
  const sub = c.u32();
  switch (sub) {
    case 8: c.u32(); c.u8(); break; // memory.init seg, mem
    case 9: c.u32(); break; // data.drop
    case 10: c.u8(); c.u8(); break; // memory.copy
    case 11: c.u8(); break; // memory.fill
    case 12: c.u32(); c.u32(); break; // table.init elem, table
    case 13: c.u32(); break; // elem.drop
    case 14: c.u32(); c.u32(); break; // table.copy
    case 15: case 16: case 17: c.u32(); break; // table.grow/size/fill
    default: break; // 0..7 saturating truncations: no immediates
  }
  return sub;
}
