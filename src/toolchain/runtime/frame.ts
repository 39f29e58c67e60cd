/**
 * @fileoverview The frame shape shared by runtime routines that take stack
 * arguments: EBP frame, saved registers, arguments by position (the first
 * argument was pushed first, so it is the deepest), callee pops.
 *
 * Pipeline place: used by the routines in this folder.
 */
import { Assembler, Mem } from '../x86/assembler.js';
import { Reg } from '../x86/registers.js';

export interface RoutineFrame {
  /** Memory operand of argument `j` (0 = first). */
  arg(j: number): Mem;
  /** Pop the saved registers and return, popping the arguments. */
  leave(): void;
}

export function enterRoutine(a: Assembler, argc: number, saved: Reg[]): RoutineFrame {
  a.push(Reg.EBP);
  a.movRR(Reg.EBP, Reg.ESP);
  for (const r of saved) a.push(r);
  return {
    arg: (j) => ({ base: Reg.EBP, disp: 8 + 4 * (argc - 1 - j) }),
    leave: () => {
      for (const r of [...saved].reverse()) a.pop(r);
      a.pop(Reg.EBP);
      a.ret(4 * argc);
    },
  };
}
