/**
 * @fileoverview Callable bodies for imported functions, so that an import can
 * sit in a table or be the target of ref.func like any function: env.putc,
 * env.exit and env.abort forward to their runtime routines; spectest.print*
 * do nothing; CPU intrinsics trap (they only exist inline).
 *
 * Pipeline place: emitted by `translate.ts` for every imported function.
 */
import type { ModuleContext } from '../compiler/module-context.js';
import { TrapKind } from '../compiler/module-context.js';

const FORWARDED: Record<string, string> = { putc: 'putc', exit: 'exit', abort: 'abort' };

export function emitImportThunk(ctx: ModuleContext, funcIndex: number): void {
  const a = ctx.asm;
  const imp = ctx.importOf(funcIndex)!;
  const type = ctx.funcTypes[funcIndex];
  const argBytes = type.params.reduce((n, t) => n + (t === 0x7e || t === 0x7c ? 8 : 4), 0);
  a.align(4, 0xcc);
  a.bind(ctx.funcLabels[funcIndex]);
  const start = a.address;
  if (imp.module === 'env' && FORWARDED[imp.name]) {
    a.jmp(ctx.routine(FORWARDED[imp.name])); // same stack arguments, same callee-pops convention
  } else if (imp.module === 'spectest') {
    a.ret(argBytes);
  } else {
    a.jmp(ctx.trap(TrapKind.Unreachable, funcIndex, 0));
  }
  ctx.functionRanges.push({ index: funcIndex, name: ctx.functionName(funcIndex), start, end: a.address });
}
