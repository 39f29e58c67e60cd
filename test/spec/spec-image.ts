/**
 * @fileoverview Builds the spec-test guest: one Multiboot ELF that instantiates a job's modules and runs
 * its actions, printing one `#<i> ...` line per action on COM1 (protocol in README.md).
 *
 * It uses the real translator, linking the job's modules into one program (`translateProgram`), with
 * its `main` entry hook: before each module's instantiation it arms the runtime's trap recovery (so an
 * instantiation trap prints `#init trap <kind>`), instantiates the modules between the actions in
 * script order, and emits, per action, x86 that pushes the arguments, calls the export of the module
 * the action names, and compares what comes back.
 * The module is translated in the spec mode: every memory access bounds-checked, functions that use
 * floating point compiled into a trap (their assertions are skipped by the harness anyway).
 *
 * Pipeline place: called by `v86-engine.ts` for each module job.
 */
import { translateProgram, type ProgramEntry } from '../../src/toolchain/translate.js';
import type { ModuleContext } from '../../src/toolchain/compiler/module-context.js';
import { RuntimeVar } from '../../src/toolchain/compiler/module-context.js';
import { Alu, Label } from '../../src/toolchain/x86/assembler.js';
import { Cond, Reg } from '../../src/toolchain/x86/registers.js';
import type { ModuleJob } from './spec-plan.js';
import type { SpecAction, SpecValue } from './spec-types.js';

export function buildSpecImage(job: ModuleJob): Uint8Array {
  const modules = job.modules.map(({ name, wasm }) => ({ name, wasm }));
  return translateProgram(modules, { boundsChecks: true, floatPolicy: 'stub' }, { main: (entry) => emitJob(entry, job) }).elf;
}

/** Each module's instantiation just before the first action that follows it in the script, then `#done`. */
function emitJob(entry: ProgramEntry, job: ModuleJob): void {
  let instantiated = 0;
  const instantiateUpTo = (actionIndex: number): boolean => {
    for (; instantiated < job.modules.length && job.modules[instantiated].actionsBefore <= actionIndex; instantiated++) {
      armInitTrap(entry.contexts[instantiated]);
      if (!entry.instantiate(instantiated)) return false; // traps: nothing after it runs
    }
    return true;
  };
  for (const [i, action] of job.actions.entries()) {
    if (!instantiateUpTo(i)) return;
    emitAction(entry.contexts[action.module], action, i);
  }
  if (instantiateUpTo(job.actions.length)) print(entry.contexts[0], '#done\n');
}

function print(ctx: ModuleContext, text: string): void {
  ctx.asm.movRLabel(Reg.ESI, ctx.cstring(text));
  ctx.asm.call(ctx.routine('print_cstr'));
}

/** EAX = trap record: print its message and a newline. */
function printTrapKind(ctx: ModuleContext): void {
  const a = ctx.asm;
  a.load(Reg.EAX, { base: Reg.EAX });
  a.load(Reg.ESI, { index: Reg.EAX, scale: 4, label: ctx.routine('trap_messages'), disp: 0 });
  a.call(ctx.routine('print_cstr'));
  print(ctx, '\n');
}

function armRecovery(ctx: ModuleContext, resume: Label): void {
  const a = ctx.asm;
  a.store({ disp: ctx.var(RuntimeVar.TrapRecoverEsp) }, Reg.ESP);
  a.movRLabel(Reg.EAX, resume);
  a.store({ disp: ctx.var(RuntimeVar.TrapRecoverEip) }, Reg.EAX);
}

function disarmRecovery(ctx: ModuleContext): void {
  ctx.asm.storeImm({ disp: ctx.var(RuntimeVar.TrapRecoverEsp) }, 0);
}

function armInitTrap(ctx: ModuleContext): void {
  const a = ctx.asm;
  const trapped = a.newLabel();
  const go = a.newLabel();
  armRecovery(ctx, trapped);
  a.jmp(go);
  a.bind(trapped);
  a.push(Reg.EAX);
  print(ctx, '#init trap ');
  a.pop(Reg.EAX);
  printTrapKind(ctx);
  a.pushImm(0);
  a.call(ctx.routine('exit'));
  a.bind(go);
}

/** The two 32-bit words of a non-float spec value (references: null = 0, extern N = N + 1). */
function words(value: SpecValue): [number, number] {
  switch (value.type) {
    case 'i32': return [value.value | 0, 0];
    case 'i64': return [Number(BigInt.asIntN(32, value.value)), Number(BigInt.asIntN(32, value.value >> 32n))];
    case 'funcref':
    case 'externref':
      return [value.value === null ? 0 : typeof value.value === 'number' ? value.value + 1 : 0, 0];
    default:
      throw new Error(`float value in a spec action: ${value.type}`);
  }
}

function emitAction(ctx: ModuleContext, action: SpecAction, i: number): void {
  const a = ctx.asm;
  const trapped = a.newLabel();
  const next = a.newLabel();
  const failed = a.newLabel();
  const exported = ctx.module.exports.find((e) => e.name === action.field);
  if (!exported) throw new Error(`no export named ${action.field}`);
  armRecovery(ctx, trapped);
  if (action.kind === 'get') {
    const address = ctx.globalAddresses[exported.index];
    a.load(Reg.EAX, { disp: address });
    a.load(Reg.EDX, { disp: address + 4 });
  } else {
    for (const arg of action.args) {
      const [lo, hi] = words(arg);
      if (arg.type === 'i64') a.pushImm(hi);
      a.pushImm(lo);
    }
    a.call(ctx.funcLabels[exported.index]);
  }
  disarmRecovery(ctx);
  const expect = action.expect;
  if (expect.kind === 'trap' || expect.kind === 'exhaustion') {
    print(ctx, `#${i} returned\n`);
    a.jmp(next);
  } else {
    if (expect.kind === 'return') emitResultChecks(ctx, expect.results, failed);
    print(ctx, `#${i} ok\n`);
    a.jmp(next);
    a.bind(failed);
    print(ctx, `#${i} fail got `);
    a.pop(Reg.EAX);
    a.call(ctx.routine('print_u32'));
    print(ctx, '\n');
    a.jmp(next);
  }
  a.bind(trapped);
  a.push(Reg.EAX);
  print(ctx, `#${i} trap `);
  a.pop(Reg.EAX);
  printTrapKind(ctx);
  a.bind(next);
}

/** Compare results (EAX/EDX:EAX, or the multi-return area) with the expected words; on a mismatch push the
 *  low word seen and jump to `failed`. */
function emitResultChecks(ctx: ModuleContext, results: SpecValue[], failed: Label): void {
  const a = ctx.asm;
  if (results.length > 1) {
    a.load(Reg.EAX, { disp: ctx.var(RuntimeVar.MultiReturn) });
    a.load(Reg.EDX, { disp: ctx.var(RuntimeVar.MultiReturn) + 4 });
  }
  results.forEach((value, j) => {
    if (j > 0) {
      a.load(Reg.EAX, { disp: ctx.var(RuntimeVar.MultiReturn) + 8 * j });
      a.load(Reg.EDX, { disp: ctx.var(RuntimeVar.MultiReturn) + 8 * j + 4 });
    }
    const mismatch = a.newLabel();
    const fine = a.newLabel();
    if ((value.type === 'funcref' || value.type === 'externref') && value.value === 'any') {
      a.testRR(Reg.EAX, Reg.EAX);
      a.jcc(Cond.E, mismatch);
    } else {
      const [lo, hi] = words(value);
      a.aluRI(Alu.CMP, Reg.EAX, lo);
      a.jcc(Cond.NE, mismatch);
      if (value.type === 'i64') {
        a.aluRI(Alu.CMP, Reg.EDX, hi);
        a.jcc(Cond.NE, mismatch);
      }
    }
    a.jmp(fine);
    a.bind(mismatch);
    a.push(Reg.EAX);
    a.jmp(failed);
    a.bind(fine);
  });
}
