/**
 * @fileoverview The ModRM byte, SIB byte and displacement that follow an
 * opcode in 32-bit addressing (Intel SDM vol. 2, tables 2-2 and 2-3).
 *
 * Pipeline place: every `Assembler` method with a register or memory operand
 * calls one of the two writers here right after its opcode bytes.
 *
 *   ModRM  = mod(2) reg(3) rm(3)     SIB = scale(2) index(3) base(3)
 *
 * Special cases of the encoding that this file hides:
 *   rm=100 (ESP)            means "a SIB byte follows", so [esp] needs a SIB;
 *   mod=00 rm=101 (EBP)     means [disp32] with no base, so [ebp] needs mod=01 disp8 0;
 *   SIB index=100           means "no index", so ESP can never be an index;
 *   SIB base=101 with mod=00 means "no base, disp32" ([index*scale + disp32]).
 */
import { Reg } from './registers.js';
import type { Label } from './code-buffer.js';

/** A memory operand [base + index*scale + disp]; disp is taken modulo 2^32. */
export interface Mem {
  base?: Reg;
  index?: Reg;
  scale?: 1 | 2 | 4 | 8;
  disp?: number;
  /** When set, disp is the absolute address of this label plus `disp` (resolved in finish()). */
  label?: Label;
}

/** Where the operand bytes go (the Assembler). */
export interface ModRMSink {
  byte(value: number): void;
  u32(value: number): void;
  addressOfLabel32(label: Label, addend?: number): void;
}

const MOD_NO_DISP = 0b00;
const MOD_DISP8 = 0b01;
const MOD_DISP32 = 0b10;
const MOD_REGISTER = 0b11;
/** rm (and SIB base) value meaning "SIB follows" in ModRM, "no index" in SIB. */
const RM_SIB = 0b100;
/** rm (and SIB base) value meaning "disp32, no base" when mod=00. */
const RM_DISP32 = 0b101;

function modrm(mod: number, reg: number, rm: number): number {
  return (mod << 6) | (reg << 3) | rm;
}

/** log2 of the scale, as the SIB byte wants it. */
function scaleBits(scale: number): number {
  switch (scale) {
    case 1: return 0;
    case 2: return 1;
    case 4: return 2;
    case 8: return 3;
    default: throw new Error(`memory operand: scale must be 1, 2, 4 or 8, got ${scale}`);
  }
}

/** ModRM for a register operand: `reg` is a register number or an opcode's /digit. */
export function emitRegisterOperand(out: ModRMSink, reg: number, rm: Reg): void {
  out.byte(modrm(MOD_REGISTER, reg, rm));
}

/** ModRM [+ SIB] [+ disp8/disp32] for a memory operand; `reg` is a register number or an opcode's /digit. */
export function emitMemoryOperand(out: ModRMSink, reg: number, mem: Mem): void {
  const { base, index, label } = mem;
  const disp = (mem.disp ?? 0) | 0;
  if (index === Reg.ESP) throw new Error('memory operand: esp cannot be an index register');
  if (index === undefined && mem.scale !== undefined && mem.scale !== 1) {
    throw new Error(`memory operand: scale ${mem.scale} given without an index register`);
  }
  const needsSib = index !== undefined || base === Reg.ESP;
  const mod = base === undefined ? MOD_NO_DISP : displacementMod(base, disp, label !== undefined);
  const rm = needsSib ? RM_SIB : base ?? RM_DISP32;
  out.byte(modrm(mod, reg, rm));
  if (needsSib) {
    const indexField = index ?? RM_SIB;
    out.byte(modrm(index === undefined ? 0 : scaleBits(mem.scale ?? 1), indexField, base ?? RM_DISP32));
  }
  if (label !== undefined) out.addressOfLabel32(label, disp);
  else if (mod === MOD_DISP8) out.byte(disp);
  else if (mod === MOD_DISP32 || base === undefined) out.u32(disp);
}

/** The shortest mod for a based operand: no displacement, disp8 or disp32 (a label's address needs 32 bits). */
function displacementMod(base: Reg, disp: number, isLabel: boolean): number {
  if (isLabel) return MOD_DISP32;
  if (disp === 0 && base !== Reg.EBP) return MOD_NO_DISP;
  return disp === (disp << 24) >> 24 ? MOD_DISP8 : MOD_DISP32;
}
