/**
 * @fileoverview The image's entry point, where the Multiboot loader jumps:
 * set up the stack, instantiate the module (active element segments were
 * written into the tables statically; active data segments are copied into
 * linear memory here, trapping as wasm requires when one does not fit), run
 * the start function, then `_start`, then exit with code 0.
 *
 * Pipeline place: the first code `translate.ts` emits, at the start of .text.
 */
import { Reg } from '../x86/registers.js';
import { ModuleContext, RuntimeVar, TrapKind } from '../compiler/module-context.js';
import { PAGE_SIZE, STACK_BASE } from '../compiler/options.js';
import { firstOutOfBoundsElementSegment } from '../compiler/data-section.js';

export interface EntryHooks {
  /** Emitted once the stack is set up, before instantiation (a test harness sets its trap recovery here). */
  beforeInit?(ctx: ModuleContext): void;
  /** Emitted instead of the call of `_start` (a test harness runs its actions here). */
  main?(ctx: ModuleContext): void;
}

export function emitEntry(ctx: ModuleContext, hooks: EntryHooks = {}): void {
  const a = ctx.asm;
  a.cli();
  a.movRI(Reg.ESP, STACK_BASE + ctx.options.stackSize);
  a.store({ disp: ctx.var(RuntimeVar.MultibootInfo) }, Reg.EBX);
  a.cld();
  hooks.beforeInit?.(ctx);
  if (instantiate(ctx)) {
    if (ctx.module.start !== undefined) a.call(ctx.funcLabels[ctx.module.start]);
    if (hooks.main) hooks.main(ctx);
    else callStart(ctx);
  }
  a.pushImm(0);
  a.call(ctx.routine('exit'));
}

/** Call `_start`; a `_start(multibootInfo: usize)` gets the Multiboot information address (EBX at boot). */
function callStart(ctx: ModuleContext): void {
  const start = ctx.module.exports.find((e) => e.kind === 'func' && e.name === '_start');
  if (!start || start.index === ctx.module.start) return;
  if (ctx.funcTypes[start.index].params.length === 1) {
    ctx.asm.load(Reg.EAX, { disp: ctx.var(RuntimeVar.MultibootInfo) });
    if (ctx.options.memoryBase) ctx.asm.aluRI(5 /* SUB */, Reg.EAX, ctx.options.memoryBase | 0);
    ctx.asm.push(Reg.EAX);
  }
  ctx.asm.call(ctx.funcLabels[start.index]);
}

/** Copy active data segments; false when instantiation traps (the trap is emitted). */
function instantiate(ctx: ModuleContext): boolean {
  const a = ctx.asm;
  if (firstOutOfBoundsElementSegment(ctx) !== undefined) {
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
