/**
 * @fileoverview Named single-bit fields of a register or table entry, and
 * the one function that decodes them: which named bits a value has set.
 *
 * Pipeline place: shared by the EFLAGS, control-register and page-entry
 * decoders in this folder, whose bit tables use the Intel manual's names.
 */

export interface BitField {
  readonly bit: number;
  /** The Intel SDM's name, e.g. "PG". */
  readonly name: string;
  /** What the bit means when set, for tooltips. */
  readonly meaning: string;
}

/** One bit of a decoded value: its name, whether it is set, and what it means. */
export interface DecodedBit {
  readonly name: string;
  readonly set: boolean;
  readonly meaning: string;
}

/** Every field of `fields` with its state in `value`, in table order. */
export function decodeBits(value: number, fields: readonly BitField[]): DecodedBit[] {
  return fields.map(({ bit, name, meaning }) => ({ name, set: ((value >>> bit) & 1) === 1, meaning }));
}

/** The names of the fields of `fields` set in `value`, in table order. */
export function setBitNames(value: number, fields: readonly BitField[]): string[] {
  return fields.filter(({ bit }) => ((value >>> bit) & 1) === 1).map(({ name }) => name);
}
