/**
 * @fileoverview How a program ends: `exit` (port 0xf4, which v86 and QEMU's
 * isa-debug-exit both observe), traps (`trap: <kind> in <function>
 * (<file>.ts:<line>)` on COM1, then exit code 101), AssemblyScript's `abort`,
 * and the per-site trap stubs and their records.
 *
 * A trap site's stub loads the address of its record into EAX and jumps to
 * `trap`. Record layout (read-only data):
 *
 *   +0  kind (TrapKind)      +4  function name (C string)
 *   +8  source location (C string, 0 when unknown)
 *
 * When a test harness has set TrapRecoverEsp, `trap` does not print: it
 * restores ESP and jumps to TrapRecoverEip with the record in EAX.
 *
 * Pipeline place: stubs are emitted after each function by `translate.ts`,
 * routines by `./index.ts`, records at the end with the read-only data.
 */
import { Alu, Label } from '../x86/assembler.js';
import { Cond, Reg } from '../x86/registers.js';
import { STACK_GUARD } from '../compiler/options.js';
import { ModuleContext, RuntimeVar, TRAP_MESSAGES, TrapKind } from '../compiler/module-context.js';
import { ValType, WasmError } from '../wasm/types.js';
import { formatLocation } from '../compiler/source-locations.js';

export const TRAP_EXIT_CODE = 101;
const DEBUG_EXIT_PORT = 0xf4;

/** exit(code: i32): never returns. */
export function emitExit(ctx: ModuleContext): void {
  const a = ctx.asm;
  a.load(Reg.EAX, { base: Reg.ESP, disp: 4 });
  a.outImm(DEBUG_EXIT_PORT, 8);
  const halt = a.newLabel();
  a.bind(halt);
  a.cli();
  a.hlt();
  a.jmp(halt);
}

/** Print `text` (a constant) using print_cstr. Clobbers EAX, EDX, ESI. */
function printConst(ctx: ModuleContext, text: string): void {
  ctx.asm.movRLabel(Reg.ESI, ctx.cstring(text));
  ctx.asm.call(ctx.routine('print_cstr'));
}

/** trap: EAX = address of a trap record. */
export function emitTrap(ctx: ModuleContext): void {
  const a = ctx.asm;
  const report = a.newLabel();
  a.aluMI(7 /* CMP */, { disp: ctx.var(RuntimeVar.TrapRecoverEsp) }, 0);
  a.jcc(Cond.E, report);
  a.load(Reg.ESP, { disp: ctx.var(RuntimeVar.TrapRecoverEsp) });
  a.jmpMem({ disp: ctx.var(RuntimeVar.TrapRecoverEip) });
  a.bind(report);
  a.movRR(Reg.EBX, Reg.EAX);
  callKernelTrapHandler(ctx);
  printConst(ctx, 'trap: ');
  a.load(Reg.EAX, { base: Reg.EBX });
  a.load(Reg.ESI, { index: Reg.EAX, scale: 4, label: ctx.routine('trap_messages'), disp: 0 });
  a.call(ctx.routine('print_cstr'));
  printConst(ctx, ' in ');
  a.load(Reg.ESI, { base: Reg.EBX, disp: 4 });
  a.call(ctx.routine('print_cstr'));
  const noSource = a.newLabel();
  a.load(Reg.ESI, { base: Reg.EBX, disp: 8 });
  a.testRR(Reg.ESI, Reg.ESI);
  a.jcc(Cond.E, noSource);
  printConst(ctx, ' (');
  a.load(Reg.ESI, { base: Reg.EBX, disp: 8 });
  a.call(ctx.routine('print_cstr'));
  printConst(ctx, ')');
  a.bind(noSource);
  printConst(ctx, '\n');
  a.pushImm(TRAP_EXIT_CODE);
  a.call(ctx.routine('exit'));
}

/**
 * A kernel that exports `trap_handler(kind, functionName, location)` handles
 * its own traps (reports them and ends the faulting task); the record's
 * strings are passed as wasm addresses. The stack limit is lowered by
 * STACK_GUARD first, so the handler can run after a stack exhaustion. If the
 * handler returns, the trap is printed and the machine exits as usual.
 * EBX = the trap record.
 */
function callKernelTrapHandler(ctx: ModuleContext): void {
  const handler = ctx.module.exports.find((e) => e.kind === 'func' && e.name === 'trap_handler');
  if (!handler) return;
  const a = ctx.asm;
  const base = ctx.options.memoryBase | 0;
  const type = ctx.funcTypes[handler.index];
  if (type.params.length !== 3 || type.params.some((p) => p !== ValType.I32) || type.results.length !== 0) {
    throw new WasmError('the export trap_handler must take (kind: i32, functionName: usize, location: usize) and return nothing', 0);
  }
  // The handler's own prologue checks the stack: give it the guard area (the kernel sets the next task's limit).
  a.aluMI(Alu.SUB, { disp: ctx.var(RuntimeVar.StackLimit) }, STACK_GUARD);
  a.pushMem({ base: Reg.EBX });
  for (const field of [4, 8]) {
    a.load(Reg.EAX, { base: Reg.EBX, disp: field });
    if (base) {
      const unknown = a.newLabel();
      a.testRR(Reg.EAX, Reg.EAX);
      a.jcc(Cond.E, unknown); // no source location: stays 0
      a.aluRI(Alu.SUB, Reg.EAX, base);
      a.bind(unknown);
    }
    a.push(Reg.EAX);
  }
  a.call(ctx.funcLabels[handler.index]);
}

/** The table of trap messages (pointers to C strings), indexed by TrapKind. */
export function emitTrapMessages(ctx: ModuleContext): void {
  ctx.asm.align(4, 0);
  for (const message of TRAP_MESSAGES) ctx.asm.addressOfLabel32(ctx.cstring(message));
}

/** abort(msg, file, line, column): AssemblyScript's failed assertion or explicit abort. */
export function emitAbort(ctx: ModuleContext): void {
  const a = ctx.asm;
  // [esp+4] column, [esp+8] line, [esp+12] file, [esp+16] message
  a.movRR(Reg.EBP, Reg.ESP);
  printConst(ctx, 'abort: ');
  a.load(Reg.ESI, { base: Reg.EBP, disp: 16 });
  a.call(ctx.routine('print_as_string'));
  printConst(ctx, ' in ');
  a.load(Reg.ESI, { base: Reg.EBP, disp: 12 });
  a.call(ctx.routine('print_as_string'));
  printConst(ctx, ':');
  a.load(Reg.EAX, { base: Reg.EBP, disp: 8 });
  a.call(ctx.routine('print_u32'));
  printConst(ctx, ':');
  a.load(Reg.EAX, { base: Reg.EBP, disp: 4 });
  a.call(ctx.routine('print_u32'));
  printConst(ctx, '\n');
  a.pushImm(TRAP_EXIT_CODE);
  a.call(ctx.routine('exit'));
}

/** Emit the stubs of trap sites [from, end): each loads its record and jumps to `trap`. */
export function emitTrapStubs(ctx: ModuleContext, from: number): void {
  const a = ctx.asm;
  for (let i = from; i < ctx.trapSites.length; i++) {
    const site = ctx.trapSites[i];
    a.bind(site.label);
    a.movRLabel(Reg.EAX, recordLabel(ctx, site.kind, site.funcIndex, site.wasmOffset));
    a.jmp(ctx.routine('trap'));
  }
}

function recordLabel(ctx: ModuleContext, kind: TrapKind, funcIndex: number, wasmOffset: number): Label {
  const byKey = ctx.trapRecords;
  const name = ctx.functionName(funcIndex);
  const source = formatLocation(ctx.locate(wasmOffset));
  const key = `${kind}|${name}|${source ?? ''}`;
  let record = byKey.get(key);
  if (!record) {
    record = { label: ctx.asm.newLabel(), kind, name, source };
    byKey.set(key, record);
  }
  return record.label;
}

/** The trap records, in read-only data. */
export function emitTrapRecords(ctx: ModuleContext): void {
  const a = ctx.asm;
  a.align(4, 0);
  for (const record of ctx.trapRecords.values()) {
    a.bind(record.label);
    a.u32(record.kind);
    a.addressOfLabel32(ctx.cstring(record.name));
    if (record.source) a.addressOfLabel32(ctx.cstring(record.source));
    else a.u32(0);
  }
}
