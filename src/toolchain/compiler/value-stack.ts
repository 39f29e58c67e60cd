/**
 * @fileoverview The compiler's model of the wasm value stack, Liftoff style:
 * each entry is a constant, a register (or register pair for i64), a reference
 * to a local variable, a frame slot, or CPU flags left by a comparison. Values
 * move into registers only when an instruction needs them there, and spill to
 * their frame slot when registers run out.
 *
 * Pipeline place: owned by `FunctionCompiler`; the operation emitters
 * (`ops-*.ts`) pop operands and push results through the methods here.
 *
 * Frame layout (EBP-based; ESP moves freely for calls):
 *
 *   [ebp + 8 ...]   parameters (the last one nearest), pushed by the caller
 *   [ebp + 4]       return address
 *   [ebp]           caller's EBP
 *   [ebp - 4 ...]   saved callee-saved registers (EBX, ESI, EDI as used)
 *   below           unpinned locals, 8 bytes each
 *   below           value-stack slots, 8 bytes each: slot h is where the
 *                   value at stack height h spills ("canonical" slot)
 */
import { Assembler, Mem } from '../x86/assembler.js';
import { Cond, Reg, hasByteForm } from '../x86/registers.js';

export const CALLER_SAVED: readonly Reg[] = [Reg.EAX, Reg.ECX, Reg.EDX];
const NONE: readonly Reg[] = [];
const LOW_HALF = [false] as const;
const BOTH_HALVES = [false, true] as const;

/** Whether the allocator may hand out `r` (not avoided; a byte register when one is needed). */
function acceptable(r: Reg, avoid: readonly Reg[], byteForm: boolean): boolean {
  return !avoid.includes(r) && (!byteForm || hasByteForm(r));
}

export const enum SlotKind {
  Const,
  Reg,
  Local,
  Mem,
  Flags,
  /** An i32 still in linear memory at `mem`, used as a memory operand by the very next instruction. */
  Loaded,
}

/** One value-stack entry. For i64 (`wide`) values, `lo`/`hi` hold both halves. */
export interface Slot {
  kind: SlotKind;
  wide: boolean;
  /** Const: low 32 bits. Reg: register. Local: local index. Mem: EBP displacement. Flags: condition. */
  lo: number;
  /** Const: high 32 bits. Reg: high register. Otherwise unused. */
  hi: number;
  /** Loaded: the memory operand; `lo`/`hi` are the scratch registers it holds (or -1). */
  mem?: Mem;
}

export function constSlot(value: number, hi = 0, wide = false): Slot {
  return { kind: SlotKind.Const, wide, lo: value | 0, hi: hi | 0 };
}

export function regSlot(lo: Reg, hi: Reg = -1 as Reg): Slot {
  return { kind: SlotKind.Reg, wide: hi >= 0, lo, hi };
}

/** The registers a slot holds (none unless it is a Reg slot). */
export function regsOf(s: Slot): Reg[] {
  if (s.kind === SlotKind.Loaded) return [s.lo, s.hi].filter((r) => r >= 0) as Reg[];
  if (s.kind !== SlotKind.Reg) return [];
  return s.wide ? [s.lo as Reg, s.hi as Reg] : [s.lo as Reg];
}

/** Where a local variable lives: a pinned register, or an EBP-relative frame slot. */
export interface LocalHome {
  wide: boolean;
  pinned?: Reg;
  disp: number;
}

/** A read-only view of a 32-bit operand: immediate, register or memory. */
export type Operand = { imm: number } | { reg: Reg } | { mem: Mem };

export class ValueStack {
  readonly stack: Slot[] = [];
  /** For each register, whether a value-stack slot owns it. */
  private readonly owned = new Array<boolean>(8).fill(false);
  /**
   * The local-variable cache: a free register may still hold the value last
   * stored to an unpinned local (entry = local index, -1 = none; `cacheHigh`
   * tells which half of an i64). Reads of the local then use the register
   * instead of memory. An entry dies when its register is handed out or
   * written, when the local is written, at calls (caller-saved registers) and
   * at control-flow joins.
   */
  private readonly cacheLocal = new Int32Array(8).fill(-1);
  private readonly cacheHigh = new Uint8Array(8);
  /** Every register ever handed out (the prologue saves the callee-saved ones among them). */
  readonly used = new Set<Reg>();
  /** Highest stack height seen, for the frame size. */
  maxHeight = 0;

  constructor(
    readonly asm: Assembler,
    /** Registers the allocator may hand out, in preference order. */
    readonly scratch: Reg[],
    readonly locals: LocalHome[],
    /** EBP displacement of value-stack slot 0's low word. */
    private readonly slotBase: number,
  ) {}

  get height(): number {
    return this.stack.length;
  }

  /** EBP displacement of the canonical slot of stack height `h`. */
  slotDisp(h: number): number {
    return this.slotBase - 8 * h;
  }

  slotMem(h: number, high = false): Mem {
    return { base: Reg.EBP, disp: this.slotDisp(h) + (high ? 4 : 0) };
  }

  localMem(index: number, high = false): Mem {
    return { base: Reg.EBP, disp: this.locals[index].disp + (high ? 4 : 0) };
  }

  push(slot: Slot): void {
    if (slot.kind === SlotKind.Reg) {
      this.owned[slot.lo] = true;
      this.cacheLocal[slot.lo] = -1;
      if (slot.wide) {
        this.owned[slot.hi] = true;
        this.cacheLocal[slot.hi] = -1;
      }
    }
    this.stack.push(slot);
    if (this.stack.length > this.maxHeight) this.maxHeight = this.stack.length;
  }

  /** Pop the top slot; its registers stay reserved until `release`. */
  pop(): Slot {
    const slot = this.stack.pop();
    if (!slot) throw new Error('value stack underflow');
    return slot;
  }

  /** Pop the top `count` slots, returned deepest first (a call's arguments in parameter order). */
  popMany(count: number): Slot[] {
    const slots = new Array<Slot>(count);
    for (let i = count - 1; i >= 0; i--) slots[i] = this.pop();
    return slots;
  }

  peek(depth = 0): Slot {
    return this.stack[this.stack.length - 1 - depth];
  }

  /** Give back the registers of a slot that was popped and consumed. */
  release(slot: Slot): void {
    if (slot.kind === SlotKind.Loaded) {
      if (slot.lo >= 0) this.owned[slot.lo] = false;
      if (slot.hi >= 0) this.owned[slot.hi] = false;
      return;
    }
    if (slot.kind !== SlotKind.Reg) return;
    this.owned[slot.lo] = false;
    if (slot.wide) this.owned[slot.hi] = false;
  }

  /** Whether the allocator manages `reg` (pinned locals' registers and ESP/EBP it does not). */
  isScratch(reg: Reg): boolean {
    return this.scratch.includes(reg);
  }

  isFree(reg: Reg): boolean {
    return !this.owned[reg];
  }

  /** Mark a register as in use by a value about to be pushed (or by a temporary). */
  claim(reg: Reg): void {
    this.owned[reg] = true;
    this.cacheLocal[reg] = -1;
    this.used.add(reg);
  }

  freeReg(reg: Reg): void {
    this.owned[reg] = false;
  }

  /** A free scratch register, spilling the deepest register-held value if none is free. */
  allocReg(avoid: readonly Reg[] = NONE, byteForm = false): Reg {
    for (let pass = 0; pass < 2; pass++) {
      for (const r of this.scratch) {
        if (this.owned[r] || !acceptable(r, avoid, byteForm)) continue;
        if (pass === 0 && this.cacheLocal[r] >= 0) continue; // keep cached locals while others are free
        this.owned[r] = true;
        this.cacheLocal[r] = -1;
        this.used.add(r);
        return r;
      }
    }
    for (let i = 0; i < this.stack.length; i++) {
      const s = this.stack[i];
      if (s.kind === SlotKind.Reg && (acceptable(s.lo, avoid, byteForm) || (s.wide && acceptable(s.hi, avoid, byteForm)))) {
        this.spillAt(i);
        return this.allocReg(avoid, byteForm);
      }
    }
    throw new Error('register allocator: no register available');
  }

  /** Make `reg` free: move its owner to another register, or spill it. */
  evict(reg: Reg): void {
    if (!this.owned[reg]) return;
    let index = -1;
    for (let i = 0; i < this.stack.length && index < 0; i++) {
      const s = this.stack[i];
      if (s.kind === SlotKind.Reg && (s.lo === reg || (s.wide && s.hi === reg))) index = i;
    }
    if (index < 0) throw new Error(`register ${reg} is reserved by a temporary`);
    this.spillAt(index);
  }

  /** Store stack entry `i` into its canonical frame slot (registers and local references). */
  spillAt(i: number): void {
    const s = this.stack[i];
    if (s.kind === SlotKind.Mem && s.lo === this.slotDisp(i)) return;
    this.storeSlotTo(s, this.slotMem(i), this.slotMem(i, true));
    this.release(s);
    this.stack[i] = { kind: SlotKind.Mem, wide: s.wide, lo: this.slotDisp(i), hi: 0 };
  }

  /** Park a popped slot in the frame slot of stack height `h` (above the stack), freeing its registers. */
  parkAt(s: Slot, h: number): Slot {
    this.storeSlotTo(s, this.slotMem(h), this.slotMem(h, true));
    this.release(s);
    if (h + 1 > this.maxHeight) this.maxHeight = h + 1;
    return { kind: SlotKind.Mem, wide: s.wide, lo: this.slotDisp(h), hi: 0 };
  }

  /** Spill every register-held value and every local reference (before a call or a join). */
  spillAll(keepConstants = true, from = 0): void {
    for (let i = from; i < this.stack.length; i++) {
      const s = this.stack[i];
      if (s.kind === SlotKind.Const && keepConstants) continue;
      if (s.kind === SlotKind.Flags) this.materializeFlags(i);
      this.spillAt(i);
    }
  }

  /**
   * Before a call: spill the values held in the caller-saved registers a call
   * clobbers. Local references stay valid (callees preserve EBX/ESI/EDI).
   */
  spillRegisters(clobbered: readonly Reg[] = CALLER_SAVED): void {
    for (let i = 0; i < this.stack.length; i++) {
      const s = this.stack[i];
      if (s.kind !== SlotKind.Reg) continue;
      if (clobbered.includes(s.lo as Reg) || (s.wide && clobbered.includes(s.hi as Reg))) this.spillAt(i);
    }
    for (const r of clobbered) this.cacheLocal[r] = -1;
  }

  // ---------------------------------------------------------------- the local-variable cache

  /** Forget every cached local (at a control-flow join, where another path may have left other values). */
  forgetCache(): void {
    this.cacheLocal.fill(-1);
  }

  /** The local is about to be written: its cached copies are stale. */
  forgetLocal(index: number): void {
    for (let r = 0; r < 8; r++) if (this.cacheLocal[r] === index) this.cacheLocal[r] = -1;
  }

  /** After storing a popped Reg slot to local `index`: its (now free) registers still hold the value. */
  rememberLocal(index: number, s: Slot): void {
    this.forgetLocal(index);
    if (s.kind !== SlotKind.Reg || this.owned[s.lo] || (s.wide && this.owned[s.hi])) return;
    this.cacheLocal[s.lo] = index;
    this.cacheHigh[s.lo] = 0;
    if (s.wide) {
      this.cacheLocal[s.hi] = index;
      this.cacheHigh[s.hi] = 1;
    }
  }

  private cachedReg(index: number, high: boolean): Reg | -1 {
    for (let r = 0; r < 8; r++) {
      if (this.cacheLocal[r] === index && this.cacheHigh[r] === (high ? 1 : 0) && !this.owned[r]) return r as Reg;
    }
    return -1;
  }

  /** A free register that holds no cached local, or -1; not claimed (for a move that needs a register briefly). */
  private spareReg(): Reg | -1 {
    for (const r of this.scratch) if (!this.owned[r] && this.cacheLocal[r] < 0) return r;
    return -1;
  }

  /** Write a slot's value to memory (no flag changes: moves and pushes only). */
  storeSlotTo(s: Slot, lo: Mem, hi: Mem): void {
    const a = this.asm;
    switch (s.kind) {
      case SlotKind.Const:
        a.storeImm(lo, s.lo);
        if (s.wide) a.storeImm(hi, s.hi);
        return;
      case SlotKind.Reg:
        a.store(lo, s.lo as Reg);
        if (s.wide) a.store(hi, s.hi as Reg);
        return;
      case SlotKind.Local:
      case SlotKind.Mem:
      case SlotKind.Loaded: {
        const pinned = s.kind === SlotKind.Local ? this.locals[s.lo].pinned : undefined;
        if (pinned !== undefined) {
          a.store(lo, pinned);
          return;
        }
        for (const high of s.wide ? BOTH_HALVES : LOW_HALF) {
          const src = this.operand(s, high);
          const dst = high ? hi : lo;
          if ('reg' in src) {
            a.store(dst, src.reg);
            continue;
          }
          const spare = this.spareReg();
          const mem = (src as { mem: Mem }).mem;
          if (spare >= 0) {
            a.load(spare as Reg, mem);
            a.store(dst, spare as Reg);
          } else {
            a.pushMem(mem);
            a.popMem(dst);
          }
        }
        return;
      }
      case SlotKind.Flags:
        throw new Error('flags must be materialized before they are stored');
    }
  }

  /** Turn a Flags slot at index `i` into a 0/1 value in a register. */
  materializeFlags(i = this.stack.length - 1): void {
    const s = this.stack[i];
    if (s.kind !== SlotKind.Flags) return;
    const r = this.allocReg([], true);
    this.asm.setcc(s.lo as Cond, r);
    this.asm.extendRR(r, r, 8, false);
    this.stack[i] = regSlot(r);
  }

  /** Read-only 32-bit view of a narrow slot, or one half of a wide slot. */
  operand(s: Slot, high = false): Operand {
    switch (s.kind) {
      case SlotKind.Const:
        return { imm: high ? s.hi : s.lo };
      case SlotKind.Reg:
        return { reg: (high ? s.hi : s.lo) as Reg };
      case SlotKind.Local: {
        const home = this.locals[s.lo];
        if (home.pinned !== undefined) return { reg: home.pinned };
        const cached = this.cachedReg(s.lo, high);
        if (cached >= 0) return { reg: cached as Reg };
        return { mem: this.localMem(s.lo, high) };
      }
      case SlotKind.Mem:
        return { mem: { base: Reg.EBP, disp: s.lo + (high ? 4 : 0) } };
      case SlotKind.Loaded:
        return { mem: s.mem! };
      case SlotKind.Flags:
        throw new Error('flags slot used as an operand');
    }
  }

  /** Load an operand into a register. */
  loadOperand(dst: Reg, op: Operand): void {
    if ('imm' in op) this.asm.movRI(dst, op.imm);
    else if ('reg' in op) {
      if (op.reg !== dst) this.asm.movRR(dst, op.reg);
    } else this.asm.load(dst, op.mem);
  }

  /**
   * Put a popped narrow slot's value into a register the caller may modify.
   * A register the slot already owns is reused; `avoid` lists registers not to use.
   */
  intoReg(s: Slot, avoid: readonly Reg[] = [], byteForm = false): Reg {
    if (s.kind === SlotKind.Reg && !avoid.includes(s.lo as Reg) && (!byteForm || hasByteForm(s.lo as Reg))) {
      return s.lo as Reg;
    }
    this.release(s);
    const r = this.allocReg(avoid, byteForm);
    this.loadOperand(r, this.operand(s));
    return r;
  }

  /**
   * Put popped slots into fixed registers (for instructions and routines with
   * register operands). Slots sitting in another slot's target are parked
   * in frame slots first, so no move overwrites a value still needed.
   */
  intoFixedMany(slots: Slot[], regs: Reg[]): void {
    slots.forEach((s, i) => {
      if (s.kind === SlotKind.Reg && s.lo !== regs[i] && regs.includes(s.lo as Reg)) {
        slots[i] = this.parkAt(s, this.height + i);
      }
    });
    slots.forEach((s, i) => this.intoFixed(s, regs[i]));
  }

  /** Put a popped narrow slot's value into a specific register (evicting its owner). */
  intoFixed(s: Slot, reg: Reg): void {
    if (s.kind === SlotKind.Reg && s.lo === reg) return;
    if (s.kind === SlotKind.Reg) this.release(s);
    this.evict(reg);
    this.loadOperand(reg, this.operand(s));
    this.claim(reg);
  }

  /** Put a popped wide slot's value into a register pair the caller may modify. */
  intoPair(s: Slot, avoid: readonly Reg[] = []): [Reg, Reg] {
    if (s.kind === SlotKind.Reg && !avoid.includes(s.lo as Reg) && !avoid.includes(s.hi as Reg)) {
      return [s.lo as Reg, s.hi as Reg];
    }
    const lo = this.allocReg([...avoid, ...(s.kind === SlotKind.Reg ? [s.hi as Reg] : [])]);
    this.loadOperand(lo, this.operand(s, false));
    if (s.kind === SlotKind.Reg) this.freeReg(s.lo as Reg);
    const hi = this.allocReg([...avoid, lo]);
    this.loadOperand(hi, this.operand(s, true));
    if (s.kind === SlotKind.Reg) this.freeReg(s.hi as Reg);
    this.claim(lo);
    this.claim(hi);
    return [lo, hi];
  }

  /** Before writing local `index`: give every stack reference to it its own copy. */
  detachLocal(index: number): void {
    for (let i = 0; i < this.stack.length; i++) {
      const s = this.stack[i];
      if (s.kind !== SlotKind.Local || s.lo !== index) continue;
      const home = this.locals[index];
      if (this.freeScratchCount() >= (home.wide ? 2 : 1)) {
        const lo = this.allocReg();
        this.loadOperand(lo, this.operand(s));
        if (home.wide) {
          const hi = this.allocReg([lo]);
          this.loadOperand(hi, this.operand(s, true));
          this.stack[i] = regSlot(lo, hi);
        } else {
          this.stack[i] = regSlot(lo);
        }
      } else {
        this.spillAt(i);
      }
    }
  }

  private freeScratchCount(): number {
    let n = 0;
    for (const r of this.scratch) if (!this.owned[r]) n++;
    return n;
  }

  resetOwnership(): void {
    for (let r = 0; r < 8; r++) this.owned[r] = false;
    for (const s of this.stack) {
      if (s.kind === SlotKind.Reg) {
        this.owned[s.lo] = true;
        if (s.wide) this.owned[s.hi] = true;
      }
    }
  }
}
