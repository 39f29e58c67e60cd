/**
 * @fileoverview Calls: direct calls, call_indirect through a table of
 * function descriptors with wasm's three checks (index in range, entry not
 * null, signature equal), and calls of imports, which become inline CPU
 * intrinsics or runtime routines (`intrinsics.ts`).
 *
 * Pipeline place: called by `FunctionCompiler.compileInstruction` for 0x10, 0x11.
 */
import { Alu } from '../x86/assembler.js';
import { Cond, Reg } from '../x86/registers.js';
import { ValType } from '../wasm/types.js';
import type { FunctionCompiler } from './function-compiler.js';
import { isWide } from './function-compiler.js';
import { RuntimeVar, TrapKind } from './module-context.js';
import { SlotKind, regSlot } from './value-stack.js';
import { pushHalf } from './ops-i64.js';
import { emitImportCall } from './intrinsics.js';

/** Pop `count` arguments and push them on the machine stack, first argument first. */
function pushArguments(fc: FunctionCompiler, params: ValType[]): void {
  const vs = fc.vs;
  const args = vs.popMany(params.length);
  vs.spillRegisters();
  for (const s of args) {
    if (s.kind === SlotKind.Flags) throw new Error('flags as a call argument');
    if (s.wide) pushHalf(fc, s, true);
    pushHalf(fc, s, false);
  }
  for (const s of args) vs.release(s);
}

/** After a call returns: its results onto the value stack. */
export function pushResults(fc: FunctionCompiler, results: ValType[]): void {
  const vs = fc.vs;
  if (results.length === 1) {
    vs.push(isWide(results[0]) ? regSlot(Reg.EAX, Reg.EDX) : regSlot(Reg.EAX));
    return;
  }
  results.forEach((t, j) => {
    const area = fc.ctx.var(RuntimeVar.MultiReturn) + 8 * j;
    const h = vs.height;
    fc.asm.pushMem({ disp: area });
    fc.asm.popMem(vs.slotMem(h));
    if (isWide(t)) {
      fc.asm.pushMem({ disp: area + 4 });
      fc.asm.popMem(vs.slotMem(h, true));
    }
    vs.push({ kind: SlotKind.Mem, wide: isWide(t), lo: vs.slotDisp(h), hi: 0 });
  });
}

export function emitCall(fc: FunctionCompiler, funcIndex: number): void {
  const imported = fc.ctx.importOf(funcIndex);
  if (imported) return emitImportCall(fc, imported.module, imported.name, fc.ctx.funcTypes[funcIndex]);
  const type = fc.ctx.funcTypes[funcIndex];
  pushArguments(fc, type.params);
  fc.asm.call(fc.ctx.funcLabels[funcIndex]);
  pushResults(fc, type.results);
}

export function emitCallIndirect(fc: FunctionCompiler, typeIndex: number, tableIndex: number): void {
  const vs = fc.vs;
  const a = fc.asm;
  const type = fc.ctx.module.types[typeIndex];
  const table = fc.ctx.tables[tableIndex];
  let index = vs.pop();
  if (index.kind === SlotKind.Reg && index.lo !== Reg.EAX) {
    index = vs.parkAt(index, vs.height); // keep it out of the way of the argument pushes
  }
  pushArguments(fc, type.params);
  vs.intoFixed(index, Reg.EAX);
  a.aluRM(Alu.CMP, Reg.EAX, { disp: table.sizeAddress });
  fc.trapIf(Cond.AE, TrapKind.UndefinedElement);
  a.load(Reg.EAX, { index: Reg.EAX, scale: 4, disp: table.entriesAddress });
  a.testRR(Reg.EAX, Reg.EAX);
  fc.trapIf(Cond.E, TrapKind.UninitializedElement);
  a.aluMI(Alu.CMP, { base: Reg.EAX, disp: 4 }, fc.ctx.sigIds[typeIndex]);
  fc.trapIf(Cond.NE, TrapKind.IndirectCallTypeMismatch);
  a.callMem({ base: Reg.EAX, disp: 0 });
  vs.freeReg(Reg.EAX);
  pushResults(fc, type.results);
}
