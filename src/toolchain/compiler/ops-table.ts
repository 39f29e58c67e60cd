/**
 * @fileoverview Table instructions (reference types and bulk memory):
 * table.get/set/size inline, and grow, fill, copy, init, elem.drop through
 * runtime routines. A table entry is the address of a function descriptor
 * {code address, signature id}, or 0 for null.
 *
 * Pipeline place: called by `FunctionCompiler.compileInstruction` for 0x25,
 * 0x26 and 0xFC 12–17.
 */
import { Alu } from '../x86/assembler.js';
import { Cond, Reg } from '../x86/registers.js';
import type { FunctionCompiler } from './function-compiler.js';
import { TrapKind } from './module-context.js';
import { regSlot } from './value-stack.js';
import { callRoutine } from './ops-memory.js';

/** Pop an index, trap unless it is below the table's size; returns its register. */
function checkedIndex(fc: FunctionCompiler, sizeAddress: number, avoid: Reg[] = []): Reg {
  const r = fc.vs.intoReg(fc.vs.pop(), avoid);
  fc.asm.aluRM(Alu.CMP, r, { disp: sizeAddress });
  fc.trapIf(Cond.AE, TrapKind.OutOfBoundsTable);
  return r;
}

function tableGet(fc: FunctionCompiler, t: number): void {
  const table = fc.ctx.tables[t];
  const r = checkedIndex(fc, table.sizeAddress);
  fc.asm.load(r, { index: r, scale: 4, disp: table.entriesAddress });
  fc.vs.push(regSlot(r));
}

function tableSet(fc: FunctionCompiler, t: number): void {
  const vs = fc.vs;
  const table = fc.ctx.tables[t];
  const value = vs.intoReg(vs.pop());
  const r = checkedIndex(fc, table.sizeAddress, [value]);
  fc.asm.store({ index: r, scale: 4, disp: table.entriesAddress }, value);
  vs.freeReg(r);
  vs.freeReg(value);
}

/** Call a table routine whose status (0 = fine) in EAX means an out-of-bounds trap. */
function checkedRoutine(fc: FunctionCompiler, name: string, argc: number, extra: number[]): void {
  callRoutine(fc, name, argc, extra);
  fc.asm.testRR(Reg.EAX, Reg.EAX);
  fc.trapIf(Cond.NE, TrapKind.OutOfBoundsTable);
  fc.vs.freeReg(Reg.EAX);
}

export function emitTableOp(fc: FunctionCompiler, op: number, sub?: number): void {
  const c = fc.cursor;
  const ctx = fc.ctx;
  if (op === 0x25) return tableGet(fc, c.u32());
  if (op === 0x26) return tableSet(fc, c.u32());
  switch (sub) {
    case 12: { // table.init seg table
      const seg = c.u32();
      const table = ctx.tables[c.u32()];
      const segment = ctx.module.elements[seg];
      return checkedRoutine(fc, 'table_init', 3, [
        ctx.elemSegmentAddress(seg), segment.items.length, ctx.elemDroppedBase + seg, table.sizeAddress,
      ]);
    }
    case 13: // elem.drop
      fc.asm.storeImm({ disp: ctx.elemDroppedBase + c.u32() }, 1, 8);
      return;
    case 14: { // table.copy dst src
      const dst = ctx.tables[c.u32()];
      const src = ctx.tables[c.u32()];
      return checkedRoutine(fc, 'table_copy', 3, [dst.sizeAddress, src.sizeAddress]);
    }
    case 15: { // table.grow
      const table = ctx.tables[c.u32()];
      callRoutine(fc, 'table_grow', 2, [table.sizeAddress, table.capacity]);
      fc.vs.push(regSlot(Reg.EAX));
      return;
    }
    case 16: { // table.size
      const table = ctx.tables[c.u32()];
      const r = fc.vs.allocReg();
      fc.asm.load(r, { disp: table.sizeAddress });
      fc.vs.push(regSlot(r));
      return;
    }
    case 17: { // table.fill
      const table = ctx.tables[c.u32()];
      return checkedRoutine(fc, 'table_fill', 3, [table.sizeAddress]);
    }
    default:
      fc.unsupported(0xfc, sub);
  }
}
