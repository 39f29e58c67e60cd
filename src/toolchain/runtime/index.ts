/**
 * @fileoverview Emits every runtime routine the compiled code asked for
 * (`ModuleContext.routine(name)`), repeating until routines that call other
 * routines have all been emitted.
 *
 * Pipeline place: called by `translate.ts` after the functions are compiled.
 */
import type { ModuleContext } from '../compiler/module-context.js';
import { emitAbort, emitExit, emitTrap, emitTrapMessages } from './traps.js';
import { emitPrintAsString, emitPrintCstr, emitPrintU32, emitPutc, emitPutcAl } from './serial.js';
import { emitDivMod64 } from './arith64.js';
import {
  emitMemoryCopy, emitMemoryFill, emitMemoryGrow, emitMemoryInit, emitTableCopy, emitTableFill, emitTableGrow,
  emitTableInit,
} from './bulk.js';
import { emitSourceTable } from './source-table.js';
import { emitInitialContext, emitIsrCommon, emitIsrStubs, emitSwitchContext, emitTaskStart } from './interrupts.js';

const ROUTINES: Record<string, (ctx: ModuleContext) => void> = {
  putc_al: emitPutcAl,
  putc: emitPutc,
  print_cstr: emitPrintCstr,
  print_u32: emitPrintU32,
  print_as_string: emitPrintAsString,
  exit: emitExit,
  trap: emitTrap,
  trap_messages: emitTrapMessages,
  abort: emitAbort,
  i64_div_s: (ctx) => emitDivMod64(ctx, true, false),
  i64_div_u: (ctx) => emitDivMod64(ctx, false, false),
  i64_rem_s: (ctx) => emitDivMod64(ctx, true, true),
  i64_rem_u: (ctx) => emitDivMod64(ctx, false, true),
  memory_grow: emitMemoryGrow,
  memory_fill: emitMemoryFill,
  memory_copy: emitMemoryCopy,
  memory_init: emitMemoryInit,
  table_grow: emitTableGrow,
  table_fill: emitTableFill,
  table_copy: emitTableCopy,
  table_init: emitTableInit,
  isr_stubs: emitIsrStubs,
  source_table: emitSourceTable,
  isr_common: emitIsrCommon,
  switch_context: emitSwitchContext,
  initial_context: emitInitialContext,
  task_start: emitTaskStart,
};

export function emitRequestedRoutines(ctx: ModuleContext): void {
  const emitted = new Set<string>();
  for (;;) {
    const pending = [...ctx.runtime.keys()].filter((name) => !emitted.has(name));
    if (pending.length === 0) return;
    for (const name of pending) {
      const emit = ROUTINES[name];
      if (!emit) throw new Error(`no runtime routine named ${name}`);
      ctx.asm.align(name === 'isr_stubs' ? 16 : 4, 0xcc);
      ctx.asm.bind(ctx.runtime.get(name)!);
      emit(ctx);
      emitted.add(name);
    }
  }
}
