/**
 * @fileoverview Runtime routines for memory and table instructions that work
 * on ranges: memory.grow/fill/copy/init and table.grow/fill/copy/init. Each
 * checks its ranges without 32-bit overflow (x + n carries → out of bounds)
 * and returns a status in EAX (0 = done, 1 = out of bounds; grow returns the
 * old size or -1). Copies move backwards when the ranges overlap that way.
 *
 * Linear memory's size is checked only in the bounds-checked mode, as loads and
 * stores are: without it the program owns all memory (a kernel fills and copies
 * physical addresses far above its wasm memory's size), so memory.fill and
 * memory.copy return no status at all and memory.init checks only its segment.
 *
 * Pipeline place: emitted by `./index.ts` when compiled code calls them
 * (see ops-memory.ts and ops-table.ts for the argument order).
 */
import { Alu, Assembler, Mem } from '../x86/assembler.js';
import { Cond, Reg } from '../x86/registers.js';
import { ModuleContext, RuntimeVar } from '../compiler/module-context.js';
import { enterRoutine } from './frame.js';

/** Jump to `fail` unless start + EcxCount ≤ limit (limit: memory operand or register). */
function checkRange(a: Assembler, start: Mem | Reg, limit: Mem | Reg, fail: ReturnType<Assembler['newLabel']>): void {
  if (typeof start === 'number') a.movRR(Reg.EDX, start);
  else a.load(Reg.EDX, start);
  a.aluRR(Alu.ADD, Reg.EDX, Reg.ECX);
  a.jcc(Cond.B, fail);
  if (typeof limit === 'number') a.aluRR(Alu.CMP, Reg.EDX, limit);
  else a.aluRM(Alu.CMP, Reg.EDX, limit);
  a.jcc(Cond.A, fail);
}

/** Finish with EAX = 0 on the fall-through path and EAX = `failValue` at `fail`. */
function finish(a: Assembler, fail: ReturnType<Assembler['newLabel']>, failValue: number, leave: () => void): void {
  a.movRI(Reg.EAX, 0);
  leave();
  a.bind(fail);
  a.movRI(Reg.EAX, failValue);
  leave();
}

export function emitMemoryGrow(ctx: ModuleContext): void {
  const a = ctx.asm;
  const f = enterRoutine(a, 1, [Reg.EDI]);
  const fail = a.newLabel();
  const memSize = { disp: ctx.var(RuntimeVar.MemorySizeBytes) };
  a.load(Reg.ECX, f.arg(0));
  a.load(Reg.EAX, memSize);
  a.shiftRI(5 /* SHR */, Reg.EAX, 16);
  a.movRR(Reg.EDX, Reg.EAX);
  a.aluRR(Alu.ADD, Reg.EDX, Reg.ECX);
  a.jcc(Cond.B, fail);
  a.aluRI(Alu.CMP, Reg.EDX, ctx.maxMemoryPages);
  a.jcc(Cond.A, fail);
  a.push(Reg.EAX);
  a.movRR(Reg.EDI, Reg.EAX);
  a.shiftRI(4 /* SHL */, Reg.EDI, 16);
  if (ctx.options.memoryBase) a.aluRI(Alu.ADD, Reg.EDI, ctx.options.memoryBase | 0);
  a.shiftRI(4, Reg.EDX, 16);
  a.store(memSize, Reg.EDX);
  a.shiftRI(4, Reg.ECX, 14); // pages → dwords
  a.movRI(Reg.EAX, 0);
  a.repStosd(); // fresh pages read as zero
  a.pop(Reg.EAX);
  f.leave();
  a.bind(fail);
  a.movRI(Reg.EAX, -1);
  f.leave();
}

export function emitMemoryFill(ctx: ModuleContext): void {
  const a = ctx.asm;
  const f = enterRoutine(a, 3, [Reg.EDI]);
  const fail = a.newLabel();
  a.load(Reg.ECX, f.arg(2));
  checkMemoryRange(ctx, f.arg(0), fail);
  a.load(Reg.EDI, f.arg(0));
  if (ctx.options.memoryBase) a.aluRI(Alu.ADD, Reg.EDI, ctx.options.memoryBase | 0);
  a.load(Reg.EAX, f.arg(1));
  a.repStosb();
  finishMemoryRoutine(ctx, fail, f.leave);
}

/** In the bounds-checked mode: jump to `fail` unless start + ECX ≤ linear memory's size. */
function checkMemoryRange(ctx: ModuleContext, start: Mem, fail: ReturnType<Assembler['newLabel']>): void {
  if (ctx.options.boundsChecks) checkRange(ctx.asm, start, { disp: ctx.var(RuntimeVar.MemorySizeBytes) }, fail);
}

/** memory.fill / memory.copy: a status (`finish`) in the bounds-checked mode, else none (nothing can fail). */
function finishMemoryRoutine(ctx: ModuleContext, fail: ReturnType<Assembler['newLabel']>, leave: () => void): void {
  if (ctx.options.boundsChecks) finish(ctx.asm, fail, 1, leave);
  else leave();
}

/** rep movs from ESI to EDI, ECX units of `unit` bytes, backwards when EDI > ESI (overlap). */
function emitMove(a: Assembler, unit: 1 | 4): void {
  const forward = a.newLabel();
  const done = a.newLabel();
  const rep = () => (unit === 1 ? a.repMovsb() : a.repMovsd());
  a.aluRR(Alu.CMP, Reg.EDI, Reg.ESI);
  a.jcc(Cond.BE, forward);
  a.lea(Reg.ESI, { base: Reg.ESI, index: Reg.ECX, scale: unit, disp: -unit });
  a.lea(Reg.EDI, { base: Reg.EDI, index: Reg.ECX, scale: unit, disp: -unit });
  a.std();
  rep();
  a.cld();
  a.jmp(done);
  a.bind(forward);
  rep();
  a.bind(done);
}

export function emitMemoryCopy(ctx: ModuleContext): void {
  const a = ctx.asm;
  const f = enterRoutine(a, 3, [Reg.ESI, Reg.EDI]);
  const fail = a.newLabel();
  a.load(Reg.ECX, f.arg(2));
  checkMemoryRange(ctx, f.arg(0), fail);
  checkMemoryRange(ctx, f.arg(1), fail);
  a.load(Reg.EDI, f.arg(0));
  a.load(Reg.ESI, f.arg(1));
  if (ctx.options.memoryBase) {
    a.aluRI(Alu.ADD, Reg.EDI, ctx.options.memoryBase | 0);
    a.aluRI(Alu.ADD, Reg.ESI, ctx.options.memoryBase | 0);
  }
  emitMove(a, 1);
  finishMemoryRoutine(ctx, fail, f.leave);
}

/** EAX = a segment's length, or 0 once it was dropped (flag byte address in `dropped`). */
function segmentLength(a: Assembler, length: Mem, dropped: Mem): void {
  const keep = a.newLabel();
  a.load(Reg.EAX, length);
  a.load(Reg.EDX, dropped);
  a.load(Reg.EDX, { base: Reg.EDX }, 8);
  a.testRR(Reg.EDX, Reg.EDX);
  a.jcc(Cond.E, keep);
  a.movRI(Reg.EAX, 0);
  a.bind(keep);
}

/** memory.init: (d, s, n, segment address, segment length, dropped flag). */
export function emitMemoryInit(ctx: ModuleContext): void {
  const a = ctx.asm;
  const f = enterRoutine(a, 6, [Reg.ESI, Reg.EDI]);
  const fail = a.newLabel();
  a.load(Reg.ECX, f.arg(2));
  segmentLength(a, f.arg(4), f.arg(5));
  checkRange(a, f.arg(1), Reg.EAX, fail);
  checkMemoryRange(ctx, f.arg(0), fail);
  a.load(Reg.EDI, f.arg(0));
  if (ctx.options.memoryBase) a.aluRI(Alu.ADD, Reg.EDI, ctx.options.memoryBase | 0);
  a.load(Reg.ESI, f.arg(3));
  a.aluRM(Alu.ADD, Reg.ESI, f.arg(1));
  a.repMovsb();
  finish(a, fail, 1, f.leave);
}

/** EDI (or ESI) = address of entry `index` of the table whose size word is at `sizeAddress`. */
function entryAddress(a: Assembler, dst: Reg, sizeAddress: Mem, index: Mem): void {
  a.load(dst, sizeAddress);
  a.load(Reg.EAX, index);
  a.lea(dst, { base: dst, index: Reg.EAX, scale: 4, disp: 4 });
}

/** table.grow: (init, n, size address, capacity) → old size or -1. */
export function emitTableGrow(ctx: ModuleContext): void {
  const a = ctx.asm;
  const f = enterRoutine(a, 4, [Reg.EDI]);
  const fail = a.newLabel();
  a.load(Reg.EDX, f.arg(2));
  a.load(Reg.EAX, { base: Reg.EDX });
  a.movRR(Reg.ECX, Reg.EAX);
  a.aluRM(Alu.ADD, Reg.ECX, f.arg(1));
  a.jcc(Cond.B, fail);
  a.aluRM(Alu.CMP, Reg.ECX, f.arg(3));
  a.jcc(Cond.A, fail);
  a.store({ base: Reg.EDX }, Reg.ECX);
  a.lea(Reg.EDI, { base: Reg.EDX, index: Reg.EAX, scale: 4, disp: 4 });
  a.push(Reg.EAX);
  a.load(Reg.ECX, f.arg(1));
  a.load(Reg.EAX, f.arg(0));
  a.repStosd();
  a.pop(Reg.EAX);
  f.leave();
  a.bind(fail);
  a.movRI(Reg.EAX, -1);
  f.leave();
}

/** table.fill: (i, value, n, size address). */
export function emitTableFill(ctx: ModuleContext): void {
  const a = ctx.asm;
  const f = enterRoutine(a, 4, [Reg.EDI]);
  const fail = a.newLabel();
  a.load(Reg.ECX, f.arg(2));
  a.load(Reg.EAX, f.arg(3));
  checkRange(a, f.arg(0), { base: Reg.EAX }, fail);
  entryAddress(a, Reg.EDI, f.arg(3), f.arg(0));
  a.load(Reg.EAX, f.arg(1));
  a.repStosd();
  finish(a, fail, 1, f.leave);
}

/** table.copy: (d, s, n, destination size address, source size address). */
export function emitTableCopy(ctx: ModuleContext): void {
  const a = ctx.asm;
  const f = enterRoutine(a, 5, [Reg.ESI, Reg.EDI]);
  const fail = a.newLabel();
  a.load(Reg.ECX, f.arg(2));
  a.load(Reg.EAX, f.arg(3));
  checkRange(a, f.arg(0), { base: Reg.EAX }, fail);
  a.load(Reg.EAX, f.arg(4));
  checkRange(a, f.arg(1), { base: Reg.EAX }, fail);
  entryAddress(a, Reg.EDI, f.arg(3), f.arg(0));
  entryAddress(a, Reg.ESI, f.arg(4), f.arg(1));
  emitMove(a, 4);
  finish(a, fail, 1, f.leave);
}

/** table.init: (d, s, n, segment address, segment length, dropped flag, size address). */
export function emitTableInit(ctx: ModuleContext): void {
  const a = ctx.asm;
  const f = enterRoutine(a, 7, [Reg.ESI, Reg.EDI]);
  const fail = a.newLabel();
  a.load(Reg.ECX, f.arg(2));
  segmentLength(a, f.arg(4), f.arg(5));
  checkRange(a, f.arg(1), Reg.EAX, fail);
  a.load(Reg.EAX, f.arg(6));
  checkRange(a, f.arg(0), { base: Reg.EAX }, fail);
  entryAddress(a, Reg.EDI, f.arg(6), f.arg(0));
  a.load(Reg.ESI, f.arg(3));
  a.load(Reg.EAX, f.arg(1));
  a.lea(Reg.ESI, { base: Reg.ESI, index: Reg.EAX, scale: 4, disp: 0 });
  a.repMovsd();
  finish(a, fail, 1, f.leave);
}
