/**
 * @fileoverview The parts every 8-byte x86 descriptor shares (Intel SDM
 * vol. 3, 3.4.5 and 6.11): its two words, the access byte with present bit,
 * privilege level, S bit and type, and the names of the system types (TSS,
 * LDT, gates) in Bochs's wording.
 *
 * Pipeline place: used by the GDT decoder (segments, TSS, LDT) and the IDT
 * decoder (gates).
 */
import { u32At } from './cpu-state.js';

export interface RawDescriptor {
  readonly low: number;
  readonly high: number;
  readonly present: boolean;
  /** Descriptor privilege level (bits 45–46). */
  readonly dpl: number;
  /** S bit: 1 for code and data segments, 0 for system descriptors. */
  readonly codeOrData: boolean;
  /** The 4-bit type field. */
  readonly type: number;
}

/** The descriptor at byte `offset` of `table`. */
export function rawDescriptor(table: Uint8Array, offset: number): RawDescriptor {
  const low = u32At(table, offset);
  const high = u32At(table, offset + 4);
  return {
    low,
    high,
    present: ((high >>> 15) & 1) === 1,
    dpl: (high >>> 13) & 3,
    codeOrData: ((high >>> 12) & 1) === 1,
    type: (high >>> 8) & 0xf,
  };
}

/** System descriptor types (S = 0), as Bochs names them; missing types are reserved. */
export const SYSTEM_TYPE_NAMES: Readonly<Record<number, string>> = {
  0x1: '16-Bit TSS (Available)',
  0x2: 'LDT',
  0x3: '16-Bit TSS (Busy)',
  0x4: '16-Bit Call Gate',
  0x5: 'Task Gate',
  0x6: '16-Bit Interrupt Gate',
  0x7: '16-Bit Trap Gate',
  0x9: '32-Bit TSS (Available)',
  0xb: '32-Bit TSS (Busy)',
  0xc: '32-Bit Call Gate',
  0xe: '32-Bit Interrupt Gate',
  0xf: '32-Bit Trap Gate',
};
