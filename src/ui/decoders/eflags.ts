/**
 * @fileoverview Decodes EFLAGS: every named flag, the I/O privilege level,
 * and QEMU's compact `[DOSZAPC]` form (`info registers`: a letter for each
 * set arithmetic flag or DF, `-` for a clear one).
 *
 * Pipeline place: used by the registers decoder (`registers.ts`).
 */
import { decodeBits, setBitNames, type BitField, type DecodedBit } from './bit-fields.js';

/** EFLAGS bits (Intel SDM vol. 1, 3.4.3), lowest first. */
export const EFLAGS_BITS: readonly BitField[] = [
  { bit: 0, name: 'CF', meaning: 'carry' },
  { bit: 2, name: 'PF', meaning: 'parity (low byte has an even number of ones)' },
  { bit: 4, name: 'AF', meaning: 'auxiliary carry (out of bit 3)' },
  { bit: 6, name: 'ZF', meaning: 'zero' },
  { bit: 7, name: 'SF', meaning: 'sign' },
  { bit: 8, name: 'TF', meaning: 'trap: single-step' },
  { bit: 9, name: 'IF', meaning: 'interrupts enabled' },
  { bit: 10, name: 'DF', meaning: 'direction: string instructions count down' },
  { bit: 11, name: 'OF', meaning: 'overflow' },
  { bit: 14, name: 'NT', meaning: 'nested task' },
  { bit: 16, name: 'RF', meaning: 'resume (suppress debug faults)' },
  { bit: 17, name: 'VM', meaning: 'virtual-8086 mode' },
  { bit: 18, name: 'AC', meaning: 'alignment check' },
  { bit: 19, name: 'VIF', meaning: 'virtual interrupt flag' },
  { bit: 20, name: 'VIP', meaning: 'virtual interrupt pending' },
  { bit: 21, name: 'ID', meaning: 'CPUID available' },
];

/** QEMU's order and letters: D O S Z A P C. */
const QEMU_FLAGS: readonly [bit: number, letter: string][] = [
  [10, 'D'],
  [11, 'O'],
  [7, 'S'],
  [6, 'Z'],
  [4, 'A'],
  [2, 'P'],
  [0, 'C'],
];

export interface DecodedEflags {
  readonly value: number;
  /** QEMU's form, e.g. "[---Z-P-]". */
  readonly qemu: string;
  /** Names of the set flags, e.g. ["PF", "ZF", "IF"]. */
  readonly set: string[];
  readonly bits: DecodedBit[];
  /** I/O privilege level (bits 12–13). */
  readonly iopl: number;
  readonly interruptsEnabled: boolean;
}

export function decodeEflags(value: number): DecodedEflags {
  const letters = QEMU_FLAGS.map(([bit, letter]) => (((value >>> bit) & 1) === 1 ? letter : '-')).join('');
  return {
    value: value >>> 0,
    qemu: `[${letters}]`,
    set: setBitNames(value, EFLAGS_BITS),
    bits: decodeBits(value, EFLAGS_BITS),
    iopl: (value >>> 12) & 3,
    interruptsEnabled: ((value >>> 9) & 1) === 1,
  };
}
