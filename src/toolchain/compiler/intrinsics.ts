/**
 * @fileoverview Imports that are not calls: the CPU intrinsics of module
 * `x86` become the instructions they name, inline; `env.putc/exit/abort`
 * become calls of runtime routines; `spectest.print*` do nothing. The set is
 * documented in docs/intrinsics.md.
 *
 * Pipeline place: called by `ops-call.ts` for calls of imported functions.
 */
import { Width } from '../x86/assembler.js';
import { ControlReg, Reg } from '../x86/registers.js';
import { FuncType, WasmError } from '../wasm/types.js';
import type { FunctionCompiler } from './function-compiler.js';
import { regSlot, SlotKind } from './value-stack.js';
import { callRoutine } from './ops-memory.js';
import { RuntimeVar } from './module-context.js';

type Intrinsic = (fc: FunctionCompiler) => void;

function portIn(width: Width): Intrinsic {
  return (fc) => {
    const vs = fc.vs;
    vs.intoFixedMany([vs.pop()], [Reg.EDX]);
    vs.evict(Reg.EAX);
    vs.claim(Reg.EAX);
    fc.asm.inDX(width);
    if (width !== 32) fc.asm.extendRR(Reg.EAX, Reg.EAX, width, false);
    vs.freeReg(Reg.EDX);
    vs.push(regSlot(Reg.EAX));
  };
}

function portOut(width: Width): Intrinsic {
  return (fc) => {
    const vs = fc.vs;
    const value = vs.pop();
    const port = vs.pop();
    vs.intoFixedMany([port, value], [Reg.EDX, Reg.EAX]);
    fc.asm.outDX(width);
    vs.freeReg(Reg.EAX);
    vs.freeReg(Reg.EDX);
  };
}

function plain(emit: (fc: FunctionCompiler) => void): Intrinsic {
  return emit;
}

/** An intrinsic taking one i32 in a register the instruction uses. */
function withOperand(emit: (fc: FunctionCompiler, r: Reg) => void): Intrinsic {
  return (fc) => {
    const r = fc.vs.intoReg(fc.vs.pop());
    emit(fc, r);
    fc.vs.freeReg(r);
  };
}

/** An intrinsic producing one i32 in a fresh register. */
function producing(emit: (fc: FunctionCompiler, r: Reg) => void): Intrinsic {
  return (fc) => {
    const r = fc.vs.allocReg();
    emit(fc, r);
    fc.vs.push(regSlot(r));
  };
}

const physical = (fc: FunctionCompiler, r: Reg) => ({ base: r, disp: fc.ctx.options.memoryBase });

function readCr(cr: ControlReg): Intrinsic {
  return producing((fc, r) => fc.asm.movFromCr(r, cr));
}

function writeCr(cr: ControlReg): Intrinsic {
  return withOperand((fc, r) => fc.asm.movToCr(cr, r));
}

function constantArgument(fc: FunctionCompiler, what: string): number {
  const s = fc.vs.pop();
  if (s.kind !== SlotKind.Const) {
    throw new WasmError(`${what} needs a constant argument (in ${fc.ctx.functionName(fc.funcIndex)})`, fc.opOffset, fc.funcIndex);
  }
  return s.lo;
}

/** A routine call with i32 arguments; `result` pushes EAX. */
function routine(name: string, argc: number, result: boolean): Intrinsic {
  return (fc) => {
    callRoutine(fc, name, argc);
    if (result) fc.vs.push(regSlot(Reg.EAX));
    else fc.vs.freeReg(Reg.EAX);
  };
}

const X86: Record<string, Intrinsic> = {
  inb: portIn(8),
  inw: portIn(16),
  inl: portIn(32),
  outb: portOut(8),
  outw: portOut(16),
  outl: portOut(32),
  cli: plain((fc) => fc.asm.cli()),
  sti: plain((fc) => fc.asm.sti()),
  hlt: plain((fc) => fc.asm.hlt()),
  sti_hlt: plain((fc) => {
    fc.asm.sti();
    fc.asm.hlt();
  }),
  lidt: withOperand((fc, r) => fc.asm.lidt(physical(fc, r))),
  lgdt: withOperand((fc, r) => fc.asm.lgdt(physical(fc, r))),
  ltr: withOperand((fc, r) => fc.asm.ltr(r)),
  invlpg: withOperand((fc, r) => fc.asm.invlpg(physical(fc, r))),
  read_cr0: readCr(0),
  read_cr2: readCr(2),
  read_cr3: readCr(3),
  read_cr4: readCr(4),
  write_cr0: writeCr(0),
  write_cr2: writeCr(2),
  write_cr3: writeCr(3),
  write_cr4: writeCr(4),
  read_eflags: producing((fc, r) => {
    fc.asm.pushfd();
    fc.asm.pop(r);
  }),
  write_eflags: withOperand((fc, r) => {
    fc.asm.push(r);
    fc.asm.popfd();
  }),
  stack_pointer: producing((fc, r) => fc.asm.movRR(r, Reg.ESP)),
  set_stack_limit: withOperand((fc, r) => fc.asm.store({ disp: fc.ctx.var(RuntimeVar.StackLimit) }, r)),
  stack_limit: producing((fc, r) => fc.asm.load(r, { disp: fc.ctx.var(RuntimeVar.StackLimit) })),
  source_table: producing((fc, r) => fc.asm.movRLabel(r, fc.ctx.routine('source_table'))),
  rdtsc: (fc) => {
    const vs = fc.vs;
    vs.evict(Reg.EAX);
    vs.evict(Reg.EDX);
    fc.asm.rdtsc();
    vs.push(regSlot(Reg.EAX, Reg.EDX));
  },
  int: (fc) => {
    const vector = constantArgument(fc, 'x86.int');
    fc.vs.spillRegisters();
    fc.asm.int(vector);
  },
  reload_segments: (fc) => {
    const data = constantArgument(fc, 'x86.reload_segments');
    const code = constantArgument(fc, 'x86.reload_segments');
    const after = fc.asm.newLabel();
    fc.asm.jmpFar(code, after);
    fc.asm.bind(after);
    const r = fc.vs.allocReg();
    fc.asm.movRI(r, data);
    for (const seg of [3, 0, 4, 5, 2]) fc.asm.movSegFromReg(seg, r);
    fc.vs.freeReg(r);
  },
  isr_address: (fc) => {
    const r = fc.vs.intoReg(fc.vs.pop());
    fc.asm.shiftRI(4 /* SHL */, r, 4); // entry stubs are 16 bytes apart
    fc.asm.lea(r, { base: r, label: fc.ctx.routine('isr_stubs'), disp: 0 });
    fc.vs.push(regSlot(r));
  },
  switch_context: routine('switch_context', 2, false),
  initial_context: routine('initial_context', 3, true),
};

const ENV: Record<string, Intrinsic> = {
  putc: routine('putc', 1, false),
  exit: routine('exit', 1, false),
  abort: routine('abort', 4, false),
};

/** Compile a call of an imported function. */
export function emitImportCall(fc: FunctionCompiler, module: string, name: string, type: FuncType): void {
  const intrinsic = module === 'x86' ? X86[name] : module === 'env' ? ENV[name] : undefined;
  if (intrinsic) return intrinsic(fc);
  if (module === 'spectest' && name.startsWith('print')) {
    for (let i = 0; i < type.params.length; i++) fc.vs.release(fc.vs.pop());
    return;
  }
  throw new WasmError(
    `unsupported import ${module}.${name} called in ${fc.ctx.functionName(fc.funcIndex)}: ` +
      `a bare program may import env.putc, env.exit and env.abort; a kernel also the x86 intrinsics ` +
      `(docs/intrinsics.md)`,
    fc.opOffset,
    fc.funcIndex,
  );
}

/** Whether an import has an implementation (used to reject unknown imports up front). */
export function isKnownImport(module: string, name: string): boolean {
  return (module === 'x86' && name in X86) || (module === 'env' && name in ENV) || (module === 'spectest' && name.startsWith('print'));
}

