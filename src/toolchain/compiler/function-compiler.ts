/**
 * @fileoverview The single-pass compiler for one wasm function, in the style
 * of V8's Liftoff: it decodes each instruction once and emits x86 for it at
 * once, tracking the value stack (`value-stack.ts`) so that operands stay in
 * registers or as constants until something needs them. Control flow lives
 * here; the operations are emitted by `ops-*.ts`.
 *
 * Conventions (see also value-stack.ts for the frame):
 * - Arguments are pushed by the caller, first argument first (i64: high word
 *   first, so the low word sits at the lower address); the callee pops them
 *   (`ret n`). One result returns in EAX (i64: EDX:EAX); several go through the
 *   runtime's multi-return area.
 * - EAX, ECX, EDX are scratch; EBX, ESI, EDI are callee-saved and hold the
 *   hottest i32 locals (pinned for the whole function) or extra scratch values.
 * - At a control-flow join, values below the block's base are in their frame
 *   slots (or constants); a block's single result arrives in EAX (EDX:EAX), and
 *   several results in the frame slots of their stack heights.
 *
 * Pipeline place: called by `translate.ts` for each defined function.
 */
import { Assembler, Label, Alu } from '../x86/assembler.js';
import { Cond, Reg, negate } from '../x86/registers.js';
import { Cursor } from '../wasm/cursor.js';
import { FuncType, ValType, WasmError } from '../wasm/types.js';
import { opcodeName } from '../wasm/opcodes.js';
import { ModuleContext, RuntimeVar, TrapKind } from './module-context.js';
import { formatLocation } from './source-locations.js';
import { ValueStack, Slot, SlotKind, LocalHome, constSlot, regSlot, regsOf } from './value-stack.js';
import { prescan } from './prescan.js';
import { skipImmediates } from './immediates.js';
import { emitNumeric } from './ops-numeric.js';
import { emitMemoryOp, emitBulkOp } from './ops-memory.js';
import { emitCall, emitCallIndirect } from './ops-call.js';
import { emitTableOp } from './ops-table.js';
import { f32Const, f64Const } from './ops-float-bits.js';
import { LoopHeader, scanLoopHeader } from './loop-rotation.js';

const CALLEE_SAVED: Reg[] = [Reg.EBX, Reg.ESI, Reg.EDI];
const MAX_PINNED = 3;
/** Prescan weight of one use inside a loop (prescan.ts weighs a use by 8 per enclosing loop). */
const LOOP_WEIGHT = 8;

/** i64 and f64 (as bits) take a register pair or 8 bytes. */
/** Opcodes of proposals the translator does not implement, named for the error message. */
const UNSUPPORTED_PROPOSALS: Record<number, string> = {
  0x06: 'try (exception handling)',
  0x07: 'catch (exception handling)',
  0x08: 'throw (exception handling)',
  0x09: 'rethrow (exception handling)',
  0x12: 'return_call (tail calls)',
  0x13: 'return_call_indirect (tail calls)',
  0xfb: '0xfb-prefixed (garbage collection)',
  0xfd: '0xfd-prefixed (SIMD, v128)',
  0xfe: '0xfe-prefixed (threads and atomics)',
};

export const isWide = (t: ValType) => t === ValType.I64 || t === ValType.F64;
export const slotBytes = (t: ValType) => (isWide(t) ? 8 : 4);

interface Control {
  kind: 'block' | 'loop' | 'if' | 'function';
  params: ValType[];
  results: ValType[];
  /** Stack height below the block's parameters. */
  base: number;
  /** Where a branch to this block goes (loop: its header). */
  target: Label;
  end: Label;
  elseLabel?: Label;
  hadElse: boolean;
  /** A loop that starts with a simple exit test, repeated at its back edge (loop-rotation.ts). */
  rotation?: LoopHeader;
  /** Bound just after that test: where the repeated test jumps to continue the loop. */
  bodyLabel?: Label;
  /** For a test ending in `if`: that `if` block, whose false path the repeated test takes to leave. */
  headerIf?: Control;
  /** `if` with parameters: where copies of them wait for the `else` branch. */
  savedParams?: Slot[];
  /** A branch to `end` was emitted, so code after `end` is reachable. */
  targeted: boolean;
  /** The code being compiled inside this block can no longer run. */
  unreachable: boolean;
}

export class FunctionCompiler {
  readonly asm: Assembler;
  readonly type: FuncType;
  readonly vs: ValueStack;
  readonly cursor: Cursor;
  private readonly controls: Control[] = [];
  private readonly homes: LocalHome[] = [];
  private readonly pinned: Reg[];
  /** Offset of the 3 bytes reserved in the prologue for pushing the callee-saved registers used. */
  private savePatch = 0;
  private frameSizePatch = 0;
  /** Offset of the instruction being compiled, for traps and diagnostics. */
  opOffset = 0;
  private readonly jumpTables: { label: Label; targets: Label[] }[] = [];

  constructor(
    readonly ctx: ModuleContext,
    /** Index in the whole function index space. */
    readonly funcIndex: number,
  ) {
    this.asm = ctx.asm;
    const module = ctx.module;
    const body = module.functions[funcIndex - module.importedFuncCount];
    this.type = module.types[body.typeIndex];
    const localTypes = this.type.params.concat(body.locals);
    const scan = prescan(
      module.bytes, body.codeStart, body.codeEnd, localTypes, ctx.globalTypes, module.types,
    );
    this.cursor = new Cursor(module.bytes, body.codeStart, body.codeEnd);
    if (scan.floatAt !== undefined) this.floatFound(scan.floatAt);
    const edxFree = !scan.usesI64 && !scan.needsEdx && !ctx.options.boundsChecks;
    this.pinned = this.choosePinned(localTypes, scan.localWeights, scan.usesI64, edxFree);
    this.ifSaveBase = this.layoutLocals(localTypes);
    const slotBase = this.ifSaveBase - 8 * scan.ifParamSlots;
    const scratch = [Reg.EAX, Reg.ECX, Reg.EDX, ...CALLEE_SAVED].filter((r) => !this.pinned.includes(r));
    this.vs = new ValueStack(this.asm, scratch, this.homes, slotBase);
  }

  /** Set when the function must be replaced by a trap stub (float policy 'stub'). */
  stubbed = false;

  compile(): void {
    const label = this.ctx.funcLabels[this.funcIndex];
    this.asm.align(16, 0xcc);
    this.asm.bind(label);
    const start = this.asm.address;
    if (this.stubbed) this.emitStub();
    else this.compileBody();
    this.emitOutOfLine();
    this.ctx.functionRanges.push({ index: this.funcIndex, name: this.ctx.functionName(this.funcIndex), start, end: this.asm.address });
  }

  // ---------------------------------------------------------------- setup

  /**
   * The hottest i32 locals get EBX, ESI, EDI (fewer in i64 code, which needs register pairs). A function that
   * never needs EDX (`edxFree`: no calls, division, i64, 8-bit stores, bulk memory or bounds checks — nothing
   * that uses EDX or more than two scratch registers at once) gives a fourth local used inside a loop EDX, so
   * a loop nest like matrix multiplication's runs from registers; EAX and ECX remain for scratch.
   */
  private choosePinned(localTypes: ValType[], weights: number[], usesI64: boolean, edxFree: boolean): Reg[] {
    const regs: Reg[] = [];
    const wanted = usesI64 ? 1 : MAX_PINNED + 1;
    for (let k = 0; k < wanted; k++) {
      const local = this.hottestUnpinned(localTypes, weights);
      if (local < 0) break;
      const reg = k < MAX_PINNED ? CALLEE_SAVED[k] : edxFree && weights[local] >= LOOP_WEIGHT ? Reg.EDX : undefined;
      if (reg === undefined) break;
      regs.push(reg);
      this.pinnedLocals.set(local, reg);
    }
    return regs;
  }

  /** The i32 local used most (at least twice), the first of equals, not pinned yet; -1 if none. */
  private hottestUnpinned(localTypes: ValType[], weights: number[]): number {
    let best = -1;
    for (let i = 0; i < localTypes.length; i++) {
      if (isWide(localTypes[i]) || weights[i] < 2 || this.pinnedLocals.has(i)) continue;
      if (best < 0 || weights[i] > weights[best]) best = i;
    }
    return best;
  }

  private readonly pinnedLocals = new Map<number, Reg>();

  /** EBP displacement of the first frame slot keeping an `if` block's parameters for its `else`. */
  private readonly ifSaveBase: number;
  private ifSavesUsed = 0;

  /** Assign each local its home; returns the EBP displacement of the slot below the locals. */
  private layoutLocals(localTypes: ValType[]): number {
    let paramDisp = 8;
    const params = this.type.params;
    const paramDisps: number[] = [];
    for (let i = params.length - 1; i >= 0; i--) {
      paramDisps[i] = paramDisp;
      paramDisp += slotBytes(params[i]);
    }
    this.paramBytes = paramDisp - 8;
    let frameDisp = -4 * CALLEE_SAVED.length; // room to save EBX, ESI, EDI, whichever are used
    localTypes.forEach((t, i) => {
      const wide = isWide(t);
      if (i < params.length) {
        this.homes.push({ wide, pinned: this.pinnedLocals.get(i), disp: paramDisps[i] });
      } else {
        frameDisp -= 8;
        this.homes.push({ wide, pinned: this.pinnedLocals.get(i), disp: frameDisp });
      }
    });
    return frameDisp - 8;
  }

  paramBytes = 0;

  // ---------------------------------------------------------------- prologue / epilogue

  private emitPrologue(): void {
    const a = this.asm;
    a.push(Reg.EBP);
    a.movRR(Reg.EBP, Reg.ESP);
    this.savePatch = a.offset;
    a.bytes([0x90, 0x90, 0x90]); // push of the callee-saved registers used (patched at the end)
    a.bytes([0x81, 0xec]); // sub esp, imm32 (patched with the frame size at the end)
    this.frameSizePatch = a.offset;
    a.u32(0);
    a.aluRM(Alu.CMP, Reg.ESP, { disp: this.ctx.var(RuntimeVar.StackLimit) });
    a.jcc(Cond.B, this.ctx.trap(TrapKind.CallStackExhausted, this.funcIndex, this.cursor.pos));
    this.homes.forEach((home, i) => {
      if (i < this.type.params.length) {
        if (home.pinned !== undefined) a.load(home.pinned, { base: Reg.EBP, disp: home.disp });
        return;
      }
      if (home.pinned !== undefined) a.movRI(home.pinned, 0);
      else {
        a.storeImm({ base: Reg.EBP, disp: home.disp }, 0);
        if (home.wide) a.storeImm({ base: Reg.EBP, disp: home.disp + 4 }, 0);
      }
    });
  }

  /** Callee-saved registers this function wrote: its pinned locals and any it used as scratch. */
  private savedRegisters(): Reg[] {
    return CALLEE_SAVED.filter((r) => this.pinned.includes(r) || this.vs.used.has(r));
  }

  /** Fill the prologue's 3 reserved bytes: one push per saved register, then one NOP of the rest's length. */
  private patchSaves(saved: Reg[]): void {
    const NOPS = [[], [0x90], [0x66, 0x90], [0x0f, 0x1f, 0x00]];
    const code = [...saved.map((r) => 0x50 + r), ...NOPS[3 - saved.length]];
    this.asm.patchBytes(this.savePatch, code);
  }

  private emitEpilogue(): void {
    const a = this.asm;
    const saved = this.savedRegisters();
    a.lea(Reg.ESP, { base: Reg.EBP, disp: -4 * saved.length });
    for (const r of [...saved].reverse()) a.pop(r);
    a.pop(Reg.EBP);
    a.ret(this.paramBytes);
  }

  /** A float-using function under the 'stub' policy: trap when called. */
  private emitStub(): void {
    this.asm.jmp(this.ctx.trap(TrapKind.FloatUnsupported, this.funcIndex, this.cursor.pos));
  }

  private floatFound(offset: number): void {
    if (this.ctx.options.floatPolicy === 'stub') {
      this.stubbed = true;
      return;
    }
    const c = new Cursor(this.ctx.module.bytes, offset);
    const op = c.u8();
    const sub = op === 0xfc ? c.u32() : undefined;
    const where = formatLocation(this.ctx.locate(offset));
    throw new WasmError(
      `float instruction ${opcodeName(op, sub)} in function ${this.ctx.functionName(this.funcIndex)}` +
        `${where ? ` (${where})` : ''} at offset 0x${offset.toString(16)}: kernel code must not use the FPU ` +
        `(its state is not saved on a context switch); use integer arithmetic`,
      offset,
      this.funcIndex,
      op,
    );
  }

  // ---------------------------------------------------------------- the pass

  private compileBody(): void {
    this.emitPrologue();
    const fnEnd = this.asm.newLabel();
    this.controls.push({
      kind: 'function', params: [], results: this.type.results, base: 0, target: fnEnd, end: fnEnd,
      hadElse: false, targeted: false, unreachable: false,
    });
    const c = this.cursor;
    while (this.controls.length > 0) {
      this.opOffset = c.pos;
      const op = c.u8();
      const control = this.controls[this.controls.length - 1];
      if (control.unreachable) {
        this.skipUnreachable(op);
        continue;
      }
      this.ctx.markLine(this.opOffset);
      this.compileInstruction(op);
      this.settleFlags();
      if (control.rotation && !control.bodyLabel && c.pos === control.rotation.brIfEnd) {
        control.bodyLabel = this.asm.newLabel();
        if (control.rotation.kind === 'if') control.headerIf = this.controls[this.controls.length - 1];
        this.bindJoin(control.bodyLabel);
      }
    }
    this.emitEpilogue();
    const saved = this.savedRegisters();
    const frameBytes = -this.vs.slotDisp(this.vs.maxHeight) - 4 * saved.length;
    this.asm.patchU32(this.frameSizePatch, Math.max(0, frameBytes));
    this.patchSaves(saved);
  }

  /** A comparison leaves CPU flags on the stack; keep them only if the next instruction consumes them. */
  private settleFlags(): void {
    if (this.vs.height === 0 || this.vs.peek().kind !== SlotKind.Flags) return;
    const next = this.cursor.peekU8();
    if (next === 0x0d || next === 0x04 || next === 0x45 || next === 0x1b) return; // br_if, if, i32.eqz, select
    this.vs.materializeFlags();
  }

  private depthSkipped = 0;

  /** Decode without emitting until the current block's `else` or `end`. */
  private skipUnreachable(op: number): void {
    if (op === 0x02 || op === 0x03 || op === 0x04) {
      this.cursor.s33();
      this.depthSkipped++;
      return;
    }
    if (op === 0x0b || op === 0x05) {
      if (this.depthSkipped > 0) {
        if (op === 0x0b) this.depthSkipped--;
        return;
      }
      if (op === 0x0b) this.endBlock();
      else this.elseBlock();
      return;
    }
    skipImmediates(this.cursor, op);
  }

  private compileInstruction(op: number): void {
    const c = this.cursor;
    switch (op) {
      case 0x00: return this.trapNow(TrapKind.Unreachable);
      case 0x01: return; // nop
      case 0x02: return this.beginBlock('block', c.s33());
      case 0x03: return this.beginBlock('loop', c.s33());
      case 0x04: return this.beginIf(c.s33());
      case 0x05: return this.elseBlock();
      case 0x0b: return this.endBlock();
      case 0x0c: return this.branch(c.u32());
      case 0x0d: return this.branchIf(c.u32());
      case 0x0e: return this.branchTable();
      case 0x0f: return this.branch(this.controls.length - 1);
      case 0x10: return emitCall(this, c.u32());
      case 0x11: {
        const typeIndex = c.u32();
        return emitCallIndirect(this, typeIndex, c.u32());
      }
      case 0x1a: return this.vs.release(this.vs.pop()); // drop
      case 0x1b: return this.select();
      case 0x1c: {
        const n = c.u32();
        for (let i = 0; i < n; i++) c.u8();
        return this.select();
      }
      case 0x20: return this.localGet(c.u32());
      case 0x21: return this.localSet(c.u32(), false);
      case 0x22: return this.localSet(c.u32(), true);
      case 0x23: return this.globalGet(c.u32());
      case 0x24: return this.globalSet(c.u32());
      case 0x41: return this.vs.push(constSlot(c.s32()));
      case 0x42: {
        const v = c.s64();
        return this.vs.push(constSlot(Number(BigInt.asIntN(32, v)), Number(BigInt.asIntN(32, v >> 32n)), true));
      }
      case 0x43: return this.vs.push(f32Const(c.u32Fixed()));
      case 0x44: {
        const lo = c.u32Fixed();
        return this.vs.push(f64Const(lo, c.u32Fixed()));
      }
      case 0xd0: // ref.null t
        c.u8();
        return this.vs.push(constSlot(0));
      case 0xd1: return this.refIsNull();
      case 0xd2: return this.vs.push(constSlot(this.ctx.descriptorAddress(c.u32())));
      case 0xfc: {
        const sub = c.u32();
        if (sub >= 8 && sub <= 11) return emitBulkOp(this, sub);
        if (sub >= 12 && sub <= 17) return emitTableOp(this, 0xfc, sub);
        return this.unsupported(op, sub);
      }
      case 0x25: case 0x26: return emitTableOp(this, op);
      default:
        if (op >= 0x28 && op <= 0x40) return emitMemoryOp(this, op);
        if (op >= 0x45 && op <= 0xc4 && emitNumeric(this, op)) return;
        return this.unsupported(op);
    }
  }

  unsupported(op: number, sub?: number): never {
    const where = formatLocation(this.ctx.locate(this.opOffset));
    throw new WasmError(
      `unsupported instruction ${UNSUPPORTED_PROPOSALS[op] ?? opcodeName(op, sub)} in function ${this.ctx.functionName(this.funcIndex)}` +
        `${where ? ` (${where})` : ''} at offset 0x${this.opOffset.toString(16)}`,
      this.opOffset,
      this.funcIndex,
      op,
    );
  }

  // ---------------------------------------------------------------- traps

  /** Jump (conditionally) to an out-of-line stub that reports `kind` at the current instruction. */
  trapIf(cond: Cond, kind: TrapKind): void {
    this.asm.jcc(cond, this.ctx.trap(kind, this.funcIndex, this.opOffset));
  }

  trapNow(kind: TrapKind): void {
    this.asm.jmp(this.ctx.trap(kind, this.funcIndex, this.opOffset));
    this.markUnreachable();
  }

  private emitOutOfLine(): void {
    for (const table of this.jumpTables) {
      this.asm.align(4, 0xcc);
      this.asm.bind(table.label);
      for (const t of table.targets) this.asm.addressOfLabel32(t);
    }
  }

  // ---------------------------------------------------------------- locals and globals

  home(index: number): LocalHome {
    return this.homes[index];
  }

  /** The next instruction, when it is local.set/tee of a local pinned in a register. */
  peekLocalSet(): { index: number; reg: Reg; tee: boolean; end: number } | undefined {
    const c = this.cursor;
    const op = c.peekU8();
    if (op !== 0x21 && op !== 0x22) return undefined;
    const start = c.pos;
    c.pos++;
    const index = c.u32();
    const end = c.pos;
    c.pos = start;
    const reg = this.homes[index]?.pinned;
    return reg === undefined ? undefined : { index, reg, tee: op === 0x22, end };
  }

  /** Skip a local.set/tee whose effect an operation already produced in the local's register. */
  consumeLocalSet(target: { index: number; tee: boolean; end: number }): void {
    this.cursor.pos = target.end;
    if (target.tee) this.localGet(target.index);
  }

  private localGet(index: number): void {
    this.vs.push({ kind: SlotKind.Local, wide: this.homes[index].wide, lo: index, hi: 0 });
  }

  private localSet(index: number, tee: boolean): void {
    const home = this.homes[index];
    const value = this.vs.pop();
    if (value.kind === SlotKind.Local && value.lo === index) {
      if (tee) this.vs.push(value);
      return;
    }
    this.vs.detachLocal(index);
    if (home.pinned !== undefined) {
      this.vs.loadOperand(home.pinned, this.vs.operand(value));
      this.vs.release(value);
    } else {
      this.vs.forgetLocal(index);
      this.vs.storeSlotTo(value, this.vs.localMem(index), this.vs.localMem(index, true));
      this.vs.release(value);
      this.vs.rememberLocal(index, value);
    }
    if (tee) {
      if (value.kind === SlotKind.Const) this.vs.push(value);
      else this.localGet(index);
    }
  }

  private globalGet(index: number): void {
    const address = this.ctx.globalAddresses[index];
    const wide = isWide(this.ctx.globalTypes[index]);
    if (wide) {
      const lo = this.vs.allocReg();
      const hi = this.vs.allocReg([lo]);
      this.asm.load(lo, { disp: address });
      this.asm.load(hi, { disp: address + 4 });
      this.vs.push(regSlot(lo, hi));
    } else {
      const r = this.vs.allocReg();
      this.asm.load(r, { disp: address });
      this.vs.push(regSlot(r));
    }
  }

  private globalSet(index: number): void {
    const address = this.ctx.globalAddresses[index];
    const value = this.vs.pop();
    this.vs.storeSlotTo(value, { disp: address }, { disp: address + 4 });
    this.vs.release(value);
  }

  // ---------------------------------------------------------------- select, refs

  private select(): void {
    const cond = this.vs.pop();
    const b = this.vs.pop();
    const a = this.vs.pop();
    let cc: Cond;
    if (cond.kind === SlotKind.Const) {
      const keep = cond.lo !== 0 ? a : b;
      this.vs.release(keep === a ? b : a);
      this.vs.push(keep);
      return;
    }
    if (cond.kind === SlotKind.Flags) {
      cc = cond.lo as Cond; // select a when the condition holds
    } else {
      const op = this.vs.operand(cond);
      if ('reg' in op) this.asm.testRR(op.reg, op.reg);
      else if ('mem' in op) this.asm.aluMI(Alu.CMP, op.mem, 0);
      this.vs.release(cond);
      cc = Cond.NE;
    }
    // Flags must survive from here to the cmov: only moves below.
    const regs = a.wide ? this.vs.intoPair(a, regsOf(b)) : [this.vs.intoReg(a, regsOf(b))];
    regs.forEach((r, k) => this.cmovFrom(negate(cc), r, b, k === 1));
    this.vs.release(b);
    this.vs.push(a.wide ? regSlot(regs[0], regs[1]) : regSlot(regs[0]));
  }

  /** r ← (one half of) s when cond holds; s may be in a register, in memory or a constant. */
  private cmovFrom(cond: Cond, r: Reg, s: Slot, high: boolean): void {
    const op = this.vs.operand(s, high);
    if ('reg' in op) this.asm.cmov(cond, r, op.reg);
    else if ('mem' in op) this.asm.cmovRM(cond, r, op.mem);
    else {
      const t = this.vs.allocReg([r, ...regsOf(s)]);
      this.asm.movRI(t, op.imm);
      this.asm.cmov(cond, r, t);
      this.vs.freeReg(t);
    }
  }

  private refIsNull(): void {
    const v = this.vs.pop();
    const r = this.vs.intoReg(v);
    this.asm.testRR(r, r);
    this.vs.freeReg(r);
    this.vs.push({ kind: SlotKind.Flags, wide: false, lo: Cond.E, hi: 0 });
  }

  // ---------------------------------------------------------------- control flow

  private blockSignature(blockType: number): { params: ValType[]; results: ValType[] } {
    if (blockType === -64) return { params: [], results: [] };
    if (blockType < 0) return { params: [], results: [(blockType & 0x7f) as ValType] };
    const t = this.ctx.module.types[blockType];
    return { params: t.params, results: t.results };
  }

  private beginBlock(kind: 'block' | 'loop', blockType: number): void {
    const { params, results } = this.blockSignature(blockType);
    const base = this.vs.height - params.length;
    this.vs.spillAll(true);
    if (kind === 'loop') this.vs.spillAll(false, base); // loop parameters live in their frame slots
    this.vs.resetOwnership();
    const target = this.asm.newLabel();
    const end = kind === 'loop' ? this.asm.newLabel() : target;
    if (kind === 'loop') this.bindJoin(target);
    const rotation = kind === 'loop' && params.length === 0
      ? scanLoopHeader(this.cursor.bytes, this.cursor.pos, this.cursor.end)
      : undefined;
    this.controls.push({ kind, params, results, base, target, end, hadElse: false, targeted: false, unreachable: false, rotation });
  }

  private beginIf(blockType: number): void {
    const { params, results } = this.blockSignature(blockType);
    const cond = this.vs.pop();
    this.vs.spillAll(true);
    const savedParams = this.saveIfParams(params.length);
    const elseLabel = this.asm.newLabel();
    this.jumpIfFalse(cond, elseLabel);
    this.vs.resetOwnership();
    const end = this.asm.newLabel();
    this.controls.push({
      kind: 'if', params, results, base: this.vs.height - params.length, target: end, end, elseLabel,
      hadElse: false, targeted: false, unreachable: false, savedParams,
    });
  }

  /** Copy the top `count` values (the `if` parameters) to frame slots the `then` branch cannot overwrite. */
  private saveIfParams(count: number): Slot[] {
    const saved: Slot[] = [];
    for (let j = 0; j < count; j++) {
      const s = this.vs.stack[this.vs.height - count + j];
      const disp = this.ifSaveBase - 8 * this.ifSavesUsed++;
      const lo = { base: Reg.EBP, disp };
      this.vs.storeSlotTo(s, lo, { base: Reg.EBP, disp: disp + 4 });
      saved.push(s.kind === SlotKind.Const ? s : { kind: SlotKind.Mem, wide: s.wide, lo: disp, hi: 0 });
    }
    return saved;
  }

  /** Branch to `label` when the popped condition is zero. Emits only moves before the jump. */
  private jumpIfFalse(cond: Slot, label: Label): void {
    this.jumpOnCondition(cond, label, false);
  }

  private jumpOnCondition(cond: Slot, label: Label, whenTrue: boolean): void {
    const a = this.asm;
    if (cond.kind === SlotKind.Const) {
      if ((cond.lo !== 0) === whenTrue) a.jmp(label);
      return;
    }
    if (cond.kind === SlotKind.Flags) {
      const cc = cond.lo as Cond;
      a.jcc(whenTrue ? cc : negate(cc), label);
      return;
    }
    const op = this.vs.operand(cond);
    if ('reg' in op) a.testRR(op.reg, op.reg);
    else if ('mem' in op) a.aluMI(Alu.CMP, op.mem, 0);
    this.vs.release(cond);
    a.jcc(whenTrue ? Cond.NE : Cond.E, label);
  }

  private elseBlock(): void {
    const ctl = this.controls[this.controls.length - 1];
    if (!ctl.unreachable) {
      this.moveToMerge(ctl);
      this.asm.jmp(ctl.end);
      ctl.targeted = true;
    }
    this.bindJoin(ctl.elseLabel!);
    ctl.hadElse = true;
    this.truncateStack(ctl.base);
    for (const s of ctl.savedParams ?? []) this.vs.push(s);
    ctl.unreachable = false;
    this.depthSkipped = 0;
  }

  private endBlock(): void {
    const top = this.controls[this.controls.length - 1];
    if (top.kind === 'if' && !top.hadElse && top.params.length > 0) {
      this.elseBlock(); // the implicit `else` passes the parameters through as results
    }
    const ctl = this.controls.pop()!;
    this.depthSkipped = 0;
    if (ctl.kind === 'loop') {
      // Nothing branches to a loop's end: the fall-through state simply continues.
      if (ctl.unreachable) this.markUnreachable();
      return;
    }
    if (!ctl.unreachable) {
      this.moveToMerge(ctl);
      ctl.targeted = true;
    }
    if (ctl.elseLabel && !ctl.hadElse) {
      this.bindJoin(ctl.elseLabel); // an `if` without `else` carries no values on its false path
      ctl.targeted = true;
    }
    this.bindJoin(ctl.end);
    this.truncateStack(ctl.base);
    if (ctl.kind === 'function') return;
    if (ctl.targeted) this.pushMergedResults(ctl, ctl.results);
    else this.markUnreachable();
  }

  /** Bind a label other paths jump to: what registers hold is no longer known. */
  private bindJoin(label: Label): void {
    this.asm.bind(label);
    this.vs.forgetCache();
  }

  /** Drop stack entries above `height` without emitting code; all registers become free. */
  private truncateStack(height: number): void {
    if (this.vs.stack.length !== height) this.vs.stack.length = height;
    this.vs.resetOwnership();
  }

  markUnreachable(): void {
    const ctl = this.controls[this.controls.length - 1];
    ctl.unreachable = true;
    this.depthSkipped = 0;
    this.truncateStack(Math.min(this.vs.height, ctl.base));
  }

  /** Types a branch to `ctl` carries. */
  private branchTypes(ctl: Control): ValType[] {
    return ctl.kind === 'loop' ? ctl.params : ctl.results;
  }

  /** Whether branch values go to EAX/EDX:EAX (one value) rather than frame slots. */
  private mergesInRegisters(ctl: Control): boolean {
    return ctl.kind !== 'loop' && this.branchTypes(ctl).length === 1;
  }

  /**
   * Emit moves that put the top values into `ctl`'s merge location, without
   * changing the compiler's model of the stack (the fall-through path keeps it).
   */
  private moveToMerge(ctl: Control): void {
    const types = this.branchTypes(ctl);
    const n = types.length;
    if (n === 0) return;
    const vs = this.vs;
    for (let j = 0; j < n; j++) if (vs.peek(j).kind === SlotKind.Flags) vs.materializeFlags(vs.height - 1 - j);
    if (this.mergesInRegisters(ctl)) {
      const s = vs.peek();
      if (s.wide) this.movePairTo(s, Reg.EAX, Reg.EDX);
      else vs.loadOperand(Reg.EAX, vs.operand(s));
      return;
    }
    if (ctl.kind === 'function') {
      for (let j = 0; j < n; j++) {
        const address = this.ctx.var(RuntimeVar.MultiReturn) + 8 * j;
        vs.storeSlotTo(vs.stack[vs.height - n + j], { disp: address }, { disp: address + 4 });
      }
      return;
    }
    for (let j = 0; j < n; j++) {
      const src = vs.stack[vs.height - n + j];
      const h = ctl.base + j;
      if (src.kind === SlotKind.Mem && src.lo === vs.slotDisp(h)) continue;
      vs.storeSlotTo(src, vs.slotMem(h), vs.slotMem(h, true));
    }
  }

  /** Parallel move of a wide value into (lo, hi). */
  movePairTo(s: Slot, lo: Reg, hi: Reg): void {
    const vs = this.vs;
    const opLo = vs.operand(s, false);
    const opHi = vs.operand(s, true);
    const isReg = (op: typeof opLo, r: Reg) => 'reg' in op && op.reg === r;
    if (isReg(opLo, hi) && isReg(opHi, lo)) {
      this.asm.xchg(lo, hi);
    } else if (isReg(opHi, lo)) {
      vs.loadOperand(hi, opHi);
      vs.loadOperand(lo, opLo);
    } else {
      vs.loadOperand(lo, opLo);
      vs.loadOperand(hi, opHi);
    }
  }

  /** After a join: the block's results as the merge convention placed them. */
  private pushMergedResults(ctl: Control, types: ValType[]): void {
    if (types.length === 0) return;
    if (ctl.kind !== 'loop' && types.length === 1) {
      this.vs.push(isWide(types[0]) ? regSlot(Reg.EAX, Reg.EDX) : regSlot(Reg.EAX));
      return;
    }
    types.forEach((t, j) => {
      this.vs.push({ kind: SlotKind.Mem, wide: isWide(t), lo: this.vs.slotDisp(ctl.base + j), hi: 0 });
    });
  }

  private branch(depth: number): void {
    const ctl = this.controls[this.controls.length - 1 - depth];
    const top = this.controls[this.controls.length - 1];
    const backEdge = ctl.rotation?.kind === 'if' ? depth === 1 && top === ctl.headerIf : depth === 0;
    if (backEdge && ctl.bodyLabel && this.repeatLoopTest(ctl)) return;
    this.moveToMerge(ctl);
    this.asm.jmp(ctl.target);
    if (ctl.kind !== 'loop') ctl.targeted = true;
    this.markUnreachable();
  }

  /**
   * The back edge of a rotated loop: compile the loop's exit test again here,
   * continue into the body while it fails, leave when it holds.
   */
  private repeatLoopTest(loop: Control): boolean {
    const header = loop.rotation!;
    const exit = header.kind === 'if' ? loop.headerIf! : this.controls[this.controls.length - 1 - header.depth];
    if (this.branchTypes(exit).length !== 0) return false;
    this.truncateStack(loop.base);
    const resume = this.cursor.pos;
    const resumeOffset = this.opOffset;
    this.cursor.pos = header.start;
    while (this.cursor.pos < header.brIfAt) {
      this.opOffset = this.cursor.pos;
      this.compileInstruction(this.cursor.u8());
      this.settleFlags();
    }
    if (header.kind === 'if') {
      this.jumpOnCondition(this.vs.pop(), loop.bodyLabel!, true);
      this.asm.jmp(exit.elseLabel!); // the `if`'s false path, as when the test fails at the top
    } else {
      this.jumpOnCondition(this.vs.pop(), loop.bodyLabel!, false);
      this.asm.jmp(exit.target);
      if (exit.kind !== 'loop') exit.targeted = true;
    }
    this.cursor.pos = resume;
    this.opOffset = resumeOffset;
    this.markUnreachable();
    return true;
  }

  private branchIf(depth: number): void {
    const ctl = this.controls[this.controls.length - 1 - depth];
    const cond = this.vs.pop();
    if (ctl.kind !== 'loop') ctl.targeted = true;
    if (this.branchTypes(ctl).length === 0) {
      this.jumpOnCondition(cond, ctl.target, true);
      return;
    }
    // Values to move: jump around the moves when the branch is not taken.
    const skip = this.asm.newLabel();
    this.jumpOnCondition(cond, skip, false);
    this.moveToMerge(ctl);
    this.asm.jmp(ctl.target);
    this.asm.bind(skip);
  }

  private branchTable(): void {
    const c = this.cursor;
    const count = c.u32();
    const depths: number[] = [];
    for (let i = 0; i < count; i++) depths.push(c.u32());
    const defaultDepth = c.u32();
    const vs = this.vs;
    const index = vs.pop();
    const targets = depths.map((d) => this.controls[this.controls.length - 1 - d]);
    const defaultCtl = this.controls[this.controls.length - 1 - defaultDepth];
    for (const t of [...targets, defaultCtl]) if (t.kind !== 'loop') t.targeted = true;
    const arity = this.branchTypes(defaultCtl).length;
    if (index.kind === SlotKind.Const) {
      const ctl = index.lo >>> 0 < count ? targets[index.lo >>> 0] : defaultCtl;
      this.moveToMerge(ctl);
      this.asm.jmp(ctl.target);
      this.markUnreachable();
      return;
    }
    const r = vs.intoReg(index, [Reg.EAX, Reg.EDX]);
    const all = [...targets, defaultCtl];
    const uniform = arity === 0 || all.every((t) => this.mergesInRegisters(t));
    let labels: Label[];
    if (uniform) {
      if (arity > 0) this.moveToMerge(defaultCtl);
      labels = all.map((t) => t.target);
    } else {
      labels = all.map(() => this.asm.newLabel());
    }
    this.asm.aluRI(Alu.CMP, r, count);
    this.asm.jcc(Cond.AE, labels[count]);
    const table = this.asm.newLabel();
    this.jumpTables.push({ label: table, targets: labels.slice(0, count) });
    this.asm.jmpMem({ index: r, scale: 4, label: table, disp: 0 });
    if (!uniform) {
      all.forEach((t, i) => {
        this.asm.bind(labels[i]);
        this.moveToMerge(t);
        this.asm.jmp(t.target);
      });
    }
    vs.freeReg(r);
    this.markUnreachable();
  }
}
