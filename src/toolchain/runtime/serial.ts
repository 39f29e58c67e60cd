/**
 * @fileoverview Runtime routines that write to COM1 (port 0x3f8): one byte,
 * a NUL-terminated string, an unsigned decimal number, an AssemblyScript
 * string (UTF-16 with its byte length stored just before it).
 *
 * Register conventions of these internal routines are noted on each; they
 * preserve EBX, ESI, EDI and EBP unless stated.
 *
 * Pipeline place: emitted by `./index.ts` when the compiled code or another
 * routine asks for them.
 */
import { Alu, Shift } from '../x86/assembler.js';
import { Cond, Reg } from '../x86/registers.js';
import type { ModuleContext } from '../compiler/module-context.js';

const COM1 = 0x3f8;
const LINE_STATUS = COM1 + 5;
const TRANSMIT_EMPTY = 0x20;

/** putc_al: write AL to COM1 once the transmitter is ready. Clobbers EDX. */
export function emitPutcAl(ctx: ModuleContext): void {
  const a = ctx.asm;
  a.push(Reg.EAX);
  a.movRI(Reg.EDX, LINE_STATUS);
  const wait = a.newLabel();
  a.bind(wait);
  a.inDX(8);
  a.testRI(Reg.EAX, TRANSMIT_EMPTY);
  a.jcc(Cond.E, wait);
  a.pop(Reg.EAX);
  a.movRI(Reg.EDX, COM1);
  a.outDX(8);
  a.ret();
}

/** putc(c: i32): the `env.putc` import. Stack argument, callee pops. */
export function emitPutc(ctx: ModuleContext): void {
  const a = ctx.asm;
  a.load(Reg.EAX, { base: Reg.ESP, disp: 4 });
  a.call(ctx.routine('putc_al'));
  a.ret(4);
}

/** print_cstr: ESI = address of a NUL-terminated string. Clobbers EAX, EDX, ESI. */
export function emitPrintCstr(ctx: ModuleContext): void {
  const a = ctx.asm;
  const loop = a.newLabel();
  const done = a.newLabel();
  a.bind(loop);
  a.load(Reg.EAX, { base: Reg.ESI }, 8);
  a.testRR(Reg.EAX, Reg.EAX);
  a.jcc(Cond.E, done);
  a.call(ctx.routine('putc_al'));
  a.inc(Reg.ESI);
  a.jmp(loop);
  a.bind(done);
  a.ret();
}

/** print_u32: EAX = value, printed in decimal. Clobbers EAX, ECX, EDX. */
export function emitPrintU32(ctx: ModuleContext): void {
  const a = ctx.asm;
  a.push(Reg.EBX);
  a.movRI(Reg.EBX, 10);
  a.movRI(Reg.ECX, 0);
  const digits = a.newLabel();
  a.bind(digits);
  a.movRI(Reg.EDX, 0);
  a.div(Reg.EBX);
  a.push(Reg.EDX);
  a.inc(Reg.ECX);
  a.testRR(Reg.EAX, Reg.EAX);
  a.jcc(Cond.NE, digits);
  const print = a.newLabel();
  a.bind(print);
  a.pop(Reg.EAX);
  a.aluRI(Alu.ADD, Reg.EAX, 0x30);
  a.call(ctx.routine('putc_al'));
  a.dec(Reg.ECX);
  a.jcc(Cond.NE, print);
  a.pop(Reg.EBX);
  a.ret();
}

/**
 * print_as_string: ESI = wasm address of an AssemblyScript string (UTF-16;
 * its byte length is the u32 just before it); non-ASCII prints as '?'.
 * A null pointer prints nothing. Clobbers EAX, ECX, EDX, ESI.
 */
export function emitPrintAsString(ctx: ModuleContext): void {
  const a = ctx.asm;
  const done = a.newLabel();
  const loop = a.newLabel();
  const ascii = a.newLabel();
  a.testRR(Reg.ESI, Reg.ESI);
  a.jcc(Cond.E, done);
  if (ctx.options.memoryBase !== 0) a.aluRI(Alu.ADD, Reg.ESI, ctx.options.memoryBase | 0);
  a.load(Reg.ECX, { base: Reg.ESI, disp: -4 });
  a.shiftRI(Shift.SHR, Reg.ECX, 1);
  a.bind(loop);
  a.testRR(Reg.ECX, Reg.ECX);
  a.jcc(Cond.E, done);
  a.load(Reg.EAX, { base: Reg.ESI }, 16);
  a.aluRI(Alu.CMP, Reg.EAX, 0x7f);
  a.jcc(Cond.B, ascii);
  a.movRI(Reg.EAX, 0x3f);
  a.bind(ascii);
  a.call(ctx.routine('putc_al'));
  a.aluRI(Alu.ADD, Reg.ESI, 2);
  a.dec(Reg.ECX);
  a.jmp(loop);
  a.bind(done);
  a.ret();
}
