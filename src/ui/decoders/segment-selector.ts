/**
 * @fileoverview Decodes a segment selector: descriptor index, table (GDT or
 * LDT) and requested privilege level (Intel SDM vol. 3, 3.4.2).
 *
 * Pipeline place: used by the registers decoder for CS…GS, TR and LDTR, and
 * by the IDT decoder for each gate's code selector.
 */

export interface DecodedSelector {
  readonly selector: number;
  readonly index: number;
  readonly table: 'GDT' | 'LDT';
  /** Requested privilege level (bits 0–1). */
  readonly rpl: number;
}

export function decodeSelector(selector: number): DecodedSelector {
  return { selector: selector & 0xffff, index: (selector >>> 3) & 0x1fff, table: selector & 4 ? 'LDT' : 'GDT', rpl: selector & 3 };
}
