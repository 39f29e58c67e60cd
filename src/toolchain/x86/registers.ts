/**
 * @fileoverview i686 register and condition-code numbers, as the Intel manual
 * encodes them. Shared by the assembler and the compiler.
 */

/** 32-bit general registers, numbered as in ModRM.reg. */
export const enum Reg {
  EAX = 0,
  ECX = 1,
  EDX = 2,
  EBX = 3,
  ESP = 4,
  EBP = 5,
  ESI = 6,
  EDI = 7,
}

export const REG_NAMES = ['eax', 'ecx', 'edx', 'ebx', 'esp', 'ebp', 'esi', 'edi'] as const;

/** Registers whose low byte is addressable (AL, CL, DL, BL) in 32-bit mode. */
export function hasByteForm(reg: Reg): boolean {
  return reg <= Reg.EBX;
}

/** Condition codes, numbered as in Jcc/SETcc/CMOVcc (the low nibble of 0x70+cc). */
export const enum Cond {
  O = 0,
  NO = 1,
  B = 2, // unsigned <
  AE = 3, // unsigned >=
  E = 4,
  NE = 5,
  BE = 6, // unsigned <=
  A = 7, // unsigned >
  S = 8,
  NS = 9,
  P = 10,
  NP = 11,
  L = 12, // signed <
  GE = 13,
  LE = 14,
  G = 15,
}

/** The condition that holds exactly when `cond` does not. */
export function negate(cond: Cond): Cond {
  return (cond ^ 1) as Cond;
}

/** Control registers reachable with MOV CRn. */
export type ControlReg = 0 | 2 | 3 | 4;
