/**
 * @fileoverview The image's entry point, where the Multiboot loader jumps:
 * set up the stack, instantiate the module (active element segments into its
 * own tables were written statically; active data segments are copied into
 * linear memory here, trapping as wasm requires when one does not fit), run
 * the start function, then `_start`, then exit with code 0.
 *
 * A linked program (`../compiler/linker.ts`) instantiates its modules in
 * order, each with its start function, or where its `main` hook says. A
 * module's active element segments into another module's table are applied
 * here at run time (that table may have been changed or grown by then), with
 * the bounds check against its current size.
 *
 * Pipeline place: the first code `translate.ts` emits, at the start of .text.
 */
import { Alu } from '../x86/assembler.js';
import { Cond, Reg } from '../x86/registers.js';
import { ModuleContext, RuntimeVar, TrapKind } from '../compiler/module-context.js';
import { PAGE_SIZE, STACK_BASE } from '../compiler/options.js';
import { firstOutOfBoundsElementSegment } from '../compiler/data-section.js';

export interface EntryHooks {
  /** Emitted once the stack is set up, before instantiation (a test harness sets its trap recovery here). */
  beforeInit?(ctx: ModuleContext): void;
  /** Emitted instead of the call of `_start` (a test harness runs its actions here). */
  main?(ctx: ModuleContext): void;
}

/** The entry of a linked program, given to its `main` hook. */
export interface ProgramEntry {
  readonly contexts: readonly ModuleContext[];
  /** Emit module `index`'s instantiation and start function; false when it traps statically (nothing more runs). */
  instantiate(index: number): boolean;
}

export interface ProgramHooks {
  /** Emitted once the stack is set up, before any instantiation; `ctx` is the first module's. */
  beforeInit?(ctx: ModuleContext): void;
  /** Emitted instead of the default: instantiate every module in order, then call the first `_start` export. */
  main?(entry: ProgramEntry): void;
}

export function emitEntry(ctx: ModuleContext, hooks: EntryHooks = {}): void {
  const main = hooks.main;
  emitProgramEntry([ctx], {
    beforeInit: hooks.beforeInit,
    main: main && ((entry) => {
      if (entry.instantiate(0)) main(ctx);
    }),
  });
}

export function emitProgramEntry(contexts: readonly ModuleContext[], hooks: ProgramHooks = {}): void {
  const first = contexts[0];
  const a = first.asm;
  a.cli();
  a.movRI(Reg.ESP, STACK_BASE + first.options.stackSize);
  a.store({ disp: first.var(RuntimeVar.MultibootInfo) }, Reg.EBX);
  a.cld();
  hooks.beforeInit?.(first);
  const entry: ProgramEntry = { contexts, instantiate: (index) => emitInstantiation(contexts[index]) };
  if (hooks.main) hooks.main(entry);
  else if (contexts.every((ctx) => emitInstantiation(ctx))) callStart(contexts);
  a.pushImm(0);
  a.call(first.routine('exit'));
}

function emitInstantiation(ctx: ModuleContext): boolean {
  if (!instantiate(ctx)) return false;
  if (ctx.module.start !== undefined) ctx.asm.call(ctx.funcLabels[ctx.module.start]);
  return true;
}

/** Call the first module's `_start` there is; a `_start(multibootInfo: usize)` gets the Multiboot information
 *  address (EBX at boot). */
function callStart(contexts: readonly ModuleContext[]): void {
  const ctx = contexts.find((c) => c.module.exports.some((e) => e.kind === 'func' && e.name === '_start'));
  const start = ctx?.module.exports.find((e) => e.kind === 'func' && e.name === '_start');
  if (!ctx || !start || start.index === ctx.module.start) return;
  if (ctx.funcTypes[start.index].params.length === 1) {
    ctx.asm.load(Reg.EAX, { disp: ctx.var(RuntimeVar.MultibootInfo) });
    if (ctx.options.memoryBase) ctx.asm.aluRI(5 /* SUB */, Reg.EAX, ctx.options.memoryBase | 0);
    ctx.asm.push(Reg.EAX);
  }
  ctx.asm.call(ctx.funcLabels[start.index]);
}

/** Apply element segments into other modules' tables, copy active data segments; false when instantiation
 *  traps statically (the trap is emitted). */
function instantiate(ctx: ModuleContext): boolean {
  const a = ctx.asm;
  const outOfBounds = firstOutOfBoundsElementSegment(ctx);
  ctx.module.elements.forEach((segment, i) => {
    const applied = segment.mode === 'active' && (outOfBounds === undefined || i < outOfBounds);
    if (applied && ctx.linked.tables.has(segment.tableIndex)) applyLinkedElementSegment(ctx, i);
  });
  if (outOfBounds !== undefined) {
    a.jmp(ctx.trap(TrapKind.OutOfBoundsTable, -1, 0));
    return false;
  }
  const memoryBytes = ctx.initialMemoryPages * PAGE_SIZE;
  for (let i = 0; i < ctx.module.data.length; i++) {
    const segment = ctx.module.data[i];
    if (segment.mode !== 'active') continue;
    const offset = Number(ctx.evalConst(segment.offset!)) >>> 0;
    if (offset + segment.data.length > memoryBytes) {
      a.jmp(ctx.trap(TrapKind.OutOfBoundsMemory, -1, 0));
      return false;
    }
    if (segment.data.length === 0) continue;
    a.movRLabel(Reg.ESI, ctx.dataSegmentLabel(i));
    a.movRI(Reg.EDI, (ctx.options.memoryBase + offset) | 0);
    a.movRI(Reg.ECX, segment.data.length);
    a.repMovsb();
  }
  return true;
}

/** Copy element segment `index`'s items into another module's table, trapping unless they fit its current size. */
function applyLinkedElementSegment(ctx: ModuleContext, index: number): void {
  const a = ctx.asm;
  const segment = ctx.module.elements[index];
  const table = ctx.tables[segment.tableIndex];
  const offset = Number(ctx.evalConst(segment.offset!)) >>> 0;
  const end = offset + segment.items.length;
  if (end > 0xffff_ffff) {
    a.jmp(ctx.trap(TrapKind.OutOfBoundsTable, -1, 0));
    return;
  }
  a.aluMI(Alu.CMP, { disp: table.sizeAddress }, end | 0);
  a.jcc(Cond.B, ctx.trap(TrapKind.OutOfBoundsTable, -1, 0));
  if (segment.items.length === 0) return;
  a.movRI(Reg.ESI, ctx.elemSegmentAddress(index));
  a.movRI(Reg.EDI, table.entriesAddress + 4 * offset);
  a.movRI(Reg.ECX, segment.items.length);
  a.repMovsd();
}
