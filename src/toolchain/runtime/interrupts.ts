/**
 * @fileoverview Interrupt entry and task switching — the seed's "naked
 * functions": 256 interrupt entry stubs, their common path into the kernel's
 * exported `interrupt_handler(vector, frame)`, `switch_context` and
 * `initial_context` (see docs/intrinsics.md for the frame layout).
 *
 * Pipeline place: emitted by `./index.ts` when the kernel uses the
 * `isr_address`, `switch_context` or `initial_context` intrinsics.
 */
import { Alu } from '../x86/assembler.js';
import { Reg } from '../x86/registers.js';
import type { ModuleContext } from '../compiler/module-context.js';
import { enterRoutine } from './frame.js';

/** Vectors for which the CPU pushes an error code itself. */
const HAS_ERROR_CODE = new Set([8, 10, 11, 12, 13, 14, 17, 21, 29, 30]);
export const ISR_STUB_SIZE = 16;

function exportedFunction(ctx: ModuleContext, name: string): number | undefined {
  return ctx.module.exports.find((e) => e.kind === 'func' && e.name === name)?.index;
}

/** 256 stubs, ISR_STUB_SIZE bytes apart: normalise the error code, push the vector, go to isr_common. */
export function emitIsrStubs(ctx: ModuleContext): void {
  const a = ctx.asm;
  for (let vector = 0; vector < 256; vector++) {
    const start = a.offset;
    if (!HAS_ERROR_CODE.has(vector)) a.pushImm(0);
    a.pushImm(vector);
    a.jmp(ctx.routine('isr_common'));
    while (a.offset - start < ISR_STUB_SIZE) a.byte(0xcc);
  }
}

/** Save the registers, call interrupt_handler(vector, frame), restore, iretd. */
export function emitIsrCommon(ctx: ModuleContext): void {
  const a = ctx.asm;
  a.pushad();
  a.cld();
  const handler = exportedFunction(ctx, 'interrupt_handler');
  if (handler !== undefined) {
    a.movRR(Reg.EAX, Reg.ESP);
    if (ctx.options.memoryBase) a.aluRI(Alu.SUB, Reg.EAX, ctx.options.memoryBase | 0);
    a.pushMem({ base: Reg.ESP, disp: 32 }); // vector
    a.push(Reg.EAX); // frame
    a.call(ctx.funcLabels[handler]);
  }
  a.popad();
  a.aluRI(Alu.ADD, Reg.ESP, 8); // vector and error code
  a.iretd();
}

/** switch_context(saveSp, newSp): callee-saved registers stay on the old stack. */
export function emitSwitchContext(ctx: ModuleContext): void {
  const a = ctx.asm;
  const base = ctx.options.memoryBase | 0;
  a.load(Reg.EAX, { base: Reg.ESP, disp: 8 });
  a.load(Reg.EDX, { base: Reg.ESP, disp: 4 });
  a.push(Reg.EBP);
  a.push(Reg.EBX);
  a.push(Reg.ESI);
  a.push(Reg.EDI);
  a.store({ base: Reg.EAX, disp: base }, Reg.ESP);
  a.lea(Reg.ESP, { base: Reg.EDX, disp: base });
  a.pop(Reg.EDI);
  a.pop(Reg.ESI);
  a.pop(Reg.EBX);
  a.pop(Reg.EBP);
  a.ret(8);
}

/**
 * initial_context(stackTop, entry, arg) → stack pointer: a stack that
 * switch_context can resume into. Layout from the top: arg, entry, two dummy
 * arguments for `ret 8`, the address of task_start, then zeroed EBP, EBX,
 * ESI, EDI.
 */
export function emitInitialContext(ctx: ModuleContext): void {
  const a = ctx.asm;
  const base = ctx.options.memoryBase | 0;
  const f = enterRoutine(a, 3, []);
  a.load(Reg.EAX, f.arg(0));
  a.lea(Reg.EAX, { base: Reg.EAX, disp: base });
  a.load(Reg.EDX, f.arg(2));
  a.store({ base: Reg.EAX, disp: -4 }, Reg.EDX);
  a.load(Reg.EDX, f.arg(1));
  a.store({ base: Reg.EAX, disp: -8 }, Reg.EDX);
  a.storeImm({ base: Reg.EAX, disp: -12 }, 0);
  a.storeImm({ base: Reg.EAX, disp: -16 }, 0);
  a.movRLabel(Reg.EDX, ctx.routine('task_start'));
  a.store({ base: Reg.EAX, disp: -20 }, Reg.EDX);
  for (const disp of [-24, -28, -32, -36]) a.storeImm({ base: Reg.EAX, disp }, 0);
  a.aluRI(Alu.SUB, Reg.EAX, 36 + base);
  f.leave();
}

/** A new task's first code: call table[0][entry](arg); when it returns, call the export task_exit. */
export function emitTaskStart(ctx: ModuleContext): void {
  const a = ctx.asm;
  a.pop(Reg.EAX); // entry: an index in table 0; arg stays on the stack as the call's argument
  const table = ctx.tables[0];
  if (table) {
    a.load(Reg.EAX, { index: Reg.EAX, scale: 4, disp: table.entriesAddress });
    a.callMem({ base: Reg.EAX, disp: 0 });
  }
  const exit = exportedFunction(ctx, 'task_exit');
  if (exit !== undefined) a.call(ctx.funcLabels[exit]);
  const halt = a.newLabel();
  a.bind(halt);
  a.hlt();
  a.jmp(halt);
}
