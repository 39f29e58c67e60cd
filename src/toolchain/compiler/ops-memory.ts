/**
 * @fileoverview Linear-memory instructions: loads and stores of every width
 * (wasm address + offset + memoryBase folded into one x86 addressing mode),
 * the optional bounds checks, memory.size/grow, and the bulk-memory
 * instructions (fill, copy, init, data.drop) through runtime routines.
 *
 * Pipeline place: called by `FunctionCompiler.compileInstruction` for opcodes
 * 0x28–0x40 and 0xFC 8–11.
 */
import { Alu, Mem, Width } from '../x86/assembler.js';
import { Cond, Reg, hasByteForm } from '../x86/registers.js';
import type { FunctionCompiler } from './function-compiler.js';
import { RuntimeVar, TrapKind } from './module-context.js';
import { Slot, SlotKind, regSlot } from './value-stack.js';
import { pushHalf } from './ops-i64.js';

export interface Access {
  width: Width;
  /** 64 for an i64 load/store of all 8 bytes. */
  bytes: number;
  signed: boolean;
  wide: boolean;
}

export const LOADS: Record<number, Access> = {
  0x28: { width: 32, bytes: 4, signed: false, wide: false },
  0x29: { width: 32, bytes: 8, signed: false, wide: true },
  0x2a: { width: 32, bytes: 4, signed: false, wide: false }, // f32 bits
  0x2b: { width: 32, bytes: 8, signed: false, wide: true }, // f64 bits
  0x2c: { width: 8, bytes: 1, signed: true, wide: false },
  0x2d: { width: 8, bytes: 1, signed: false, wide: false },
  0x2e: { width: 16, bytes: 2, signed: true, wide: false },
  0x2f: { width: 16, bytes: 2, signed: false, wide: false },
  0x30: { width: 8, bytes: 1, signed: true, wide: true },
  0x31: { width: 8, bytes: 1, signed: false, wide: true },
  0x32: { width: 16, bytes: 2, signed: true, wide: true },
  0x33: { width: 16, bytes: 2, signed: false, wide: true },
  0x34: { width: 32, bytes: 4, signed: true, wide: true },
  0x35: { width: 32, bytes: 4, signed: false, wide: true },
};

const STORES: Record<number, Access> = {
  0x36: { width: 32, bytes: 4, signed: false, wide: false },
  0x37: { width: 32, bytes: 8, signed: false, wide: true },
  0x38: { width: 32, bytes: 4, signed: false, wide: false },
  0x39: { width: 32, bytes: 8, signed: false, wide: true },
  0x3a: { width: 8, bytes: 1, signed: false, wide: false },
  0x3b: { width: 16, bytes: 2, signed: false, wide: false },
  0x3c: { width: 8, bytes: 1, signed: false, wide: true },
  0x3d: { width: 16, bytes: 2, signed: false, wide: true },
  0x3e: { width: 32, bytes: 4, signed: false, wide: true },
};

export function emitMemoryOp(fc: FunctionCompiler, op: number): void {
  if (op === 0x3f) return memorySize(fc);
  if (op === 0x40) return memoryGrow(fc);
  fc.cursor.u32(); // alignment hint: x86 allows unaligned access
  const offset = fc.cursor.u32();
  if (LOADS[op]) return load(fc, LOADS[op], offset);
  if (STORES[op]) return store(fc, STORES[op], offset);
  fc.unsupported(op);
}

/**
 * The x86 memory operand for wasm address `addr` + `offset`, after the bounds
 * check when enabled. Registers it needed stay claimed until the caller frees
 * `temp`.
 */
function effectiveAddress(fc: FunctionCompiler, addr: Slot, offset: number, bytes: number): { mem: Mem; temp?: Reg } {
  const base = fc.ctx.options.memoryBase;
  if (fc.ctx.options.boundsChecks) boundsCheck(fc, addr, offset, bytes);
  const operand = fc.vs.operand(addr);
  if ('imm' in operand) return { mem: { disp: (base + (operand.imm >>> 0) + offset) | 0 } };
  if ('reg' in operand) return { mem: { base: operand.reg, disp: (base + offset) | 0 } };
  const r = fc.vs.allocReg();
  fc.vs.loadOperand(r, operand);
  return { mem: { base: r, disp: (base + offset) | 0 }, temp: r };
}

/** Trap unless addr + offset + bytes ≤ memory size (computed without 32-bit overflow). */
function boundsCheck(fc: FunctionCompiler, addr: Slot, offset: number, bytes: number): void {
  const a = fc.asm;
  const end = offset + bytes;
  const memSize = { disp: fc.ctx.var(RuntimeVar.MemorySizeBytes) };
  if (addr.kind === SlotKind.Const) {
    const last = (addr.lo >>> 0) + end;
    if (last > 0xffff_ffff) return alwaysTrap(fc);
    a.aluMI(Alu.CMP, memSize, last | 0);
    fc.trapIf(Cond.B, TrapKind.OutOfBoundsMemory);
    return;
  }
  if (end > 0xffff_ffff) return alwaysTrap(fc);
  const t = fc.vs.allocReg(addr.kind === SlotKind.Reg ? [addr.lo as Reg] : []);
  fc.vs.loadOperand(t, fc.vs.operand(addr));
  a.aluRI(Alu.ADD, t, end | 0);
  fc.trapIf(Cond.B, TrapKind.OutOfBoundsMemory); // carry: the sum passed 2^32
  a.aluRM(Alu.CMP, t, memSize);
  fc.trapIf(Cond.A, TrapKind.OutOfBoundsMemory);
  fc.vs.freeReg(t);
}

function alwaysTrap(fc: FunctionCompiler): void {
  fc.asm.jmp(fc.ctx.trap(TrapKind.OutOfBoundsMemory, fc.funcIndex, fc.opOffset));
}

/** i32 add, sub, mul, and, or, xor: they take their second operand from memory as well as from a register. */
const MEMORY_OPERAND_CONSUMERS = new Set([0x6a, 0x6b, 0x6c, 0x71, 0x72, 0x73]);

/** Registers a memory operand reads. */
function memRegs(mem: Mem): Reg[] {
  const regs: Reg[] = [];
  if (mem.base !== undefined) regs.push(mem.base);
  if (mem.index !== undefined) regs.push(mem.index);
  return regs;
}

function load(fc: FunctionCompiler, access: Access, offset: number): void {
  const addr = fc.vs.pop();
  const { mem, temp } = effectiveAddress(fc, addr, offset, access.bytes);
  // The result may reuse the address register once the address is no longer needed.
  loadFrom(fc, access, mem, temp ?? (addr.kind === SlotKind.Reg ? (addr.lo as Reg) : undefined));
}

/**
 * Load from a ready memory operand and push the value. `reusable` is an owned
 * register the address used that may take the result.
 */
export function loadFrom(fc: FunctionCompiler, access: Access, mem: Mem, reusable: Reg | undefined): void {
  const vs = fc.vs;
  const a = fc.asm;
  const addressRegs = memRegs(mem);
  if (access === LOADS[0x28] && MEMORY_OPERAND_CONSUMERS.has(fc.cursor.peekU8())) {
    // The next instruction can read the value straight from memory (`add r, [m]`): no load of its own.
    const held = addressRegs.filter((r) => vs.isScratch(r));
    for (const r of held) vs.claim(r);
    vs.push({ kind: SlotKind.Loaded, wide: false, lo: held[0] ?? -1, hi: held[1] ?? -1, mem });
    return;
  }
  if (access.bytes === 8) {
    const hi = vs.allocReg(addressRegs);
    a.load(hi, { ...mem, disp: (mem.disp ?? 0) + 4 });
    const lo = reusable ?? vs.allocReg([hi]);
    a.load(lo, mem);
    vs.claim(lo);
    vs.push(regSlot(lo, hi));
    return;
  }
  const r = reusable ?? vs.allocReg(); // may be the address register: the load reads it first
  a.load(r, mem, access.width, access.signed);
  vs.claim(r);
  if (!access.wide) {
    vs.push(regSlot(r));
    return;
  }
  const hi = vs.allocReg([r]);
  if (access.signed) {
    a.movRR(hi, r);
    a.shiftRI(7 /* SAR */, hi, 31);
  } else {
    a.movRI(hi, 0);
  }
  vs.push(regSlot(r, hi));
}

function store(fc: FunctionCompiler, access: Access, offset: number): void {
  const vs = fc.vs;
  const a = fc.asm;
  const value = vs.pop();
  const addr = vs.pop();
  const { mem, temp } = effectiveAddress(fc, addr, offset, access.bytes);
  const avoid = memRegs(mem);
  for (const high of access.bytes === 8 ? [false, true] : [false]) {
    const target = high ? { ...mem, disp: (mem.disp ?? 0) + 4 } : mem;
    const src = vs.operand(value, high);
    if ('imm' in src) {
      a.storeImm(target, src.imm, access.width);
    } else if ('reg' in src && (access.width !== 8 || hasByteForm(src.reg))) {
      a.store(target, src.reg, access.width);
    } else {
      const r = vs.allocReg([...avoid, ...(value.kind === SlotKind.Reg ? [value.lo as Reg, value.hi as Reg] : [])], true);
      vs.loadOperand(r, src);
      a.store(target, r, access.width);
      vs.freeReg(r);
    }
  }
  if (temp !== undefined) vs.freeReg(temp);
  vs.release(value);
  vs.release(addr);
}

function memorySize(fc: FunctionCompiler): void {
  fc.cursor.u8();
  const r = fc.vs.allocReg();
  fc.asm.load(r, { disp: fc.ctx.var(RuntimeVar.MemorySizeBytes) });
  fc.asm.shiftRI(5 /* SHR */, r, 16);
  fc.vs.push(regSlot(r));
}

function memoryGrow(fc: FunctionCompiler): void {
  fc.cursor.u8();
  callRoutine(fc, 'memory_grow', 1);
  fc.vs.push(regSlot(Reg.EAX));
}

/**
 * Call a runtime routine that takes `argc` i32 stack arguments (popped from
 * the value stack, first argument pushed first) plus `extra` immediates, and
 * returns in EAX. EAX stays claimed for the caller.
 */
export function callRoutine(fc: FunctionCompiler, name: string, argc: number, extra: (number | (() => void))[] = []): void {
  const vs = fc.vs;
  const args = vs.popMany(argc);
  vs.spillRegisters();
  for (const s of args) pushHalf(fc, s, false);
  for (const s of args) vs.release(s);
  for (const e of extra) {
    if (typeof e === 'number') fc.asm.pushImm(e);
    else e();
  }
  fc.asm.call(fc.ctx.routine(name));
  vs.claim(Reg.EAX);
}

export function emitBulkOp(fc: FunctionCompiler, sub: number): void {
  const c = fc.cursor;
  const ctx = fc.ctx;
  if (sub === 9) {
    const seg = c.u32();
    fc.asm.storeImm({ disp: ctx.dataDroppedBase + seg }, 1, 8);
    return;
  }
  let name: string;
  const extra: (number | (() => void))[] = [];
  if (sub === 8) {
    const seg = c.u32();
    c.u8();
    name = 'memory_init';
    extra.push(() => {
      fc.asm.movRLabel(Reg.EAX, ctx.dataSegmentLabel(seg));
      fc.asm.push(Reg.EAX);
    });
    extra.push(ctx.module.data[seg].data.length, ctx.dataDroppedBase + seg);
  } else if (sub === 10) {
    c.u8();
    c.u8();
    name = 'memory_copy';
  } else {
    c.u8();
    name = 'memory_fill';
  }
  callRoutine(fc, name, 3, extra);
  // Without bounds checks, memory.fill and memory.copy cannot fail (runtime/bulk.ts); memory.init still checks its segment.
  if (sub === 8 || ctx.options.boundsChecks) {
    fc.asm.testRR(Reg.EAX, Reg.EAX);
    fc.trapIf(Cond.NE, TrapKind.OutOfBoundsMemory);
  }
  fc.vs.freeReg(Reg.EAX);
}
