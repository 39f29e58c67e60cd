/**
 * @fileoverview The raw CPU state a hardware debugger reads: general
 * registers, EIP, EFLAGS, control registers, segment selectors and the
 * descriptor-table registers, all as plain unsigned numbers.
 *
 * Pipeline place: `src/ui/machine/hardware.ts` fills it from v86's CPU; the
 * decoders in this folder turn it into panel rows. Keeping it a plain object
 * lets the decoders be tested on fixtures without an emulator.
 */

/** A descriptor-table register (GDTR, IDTR): linear base address and limit (size in bytes − 1). */
export interface TableRegister {
  readonly base: number;
  readonly limit: number;
}

/** The general registers in the order of their x86 encoding (EAX = 0 … EDI = 7). */
export const GENERAL_REGISTER_NAMES = ['eax', 'ecx', 'edx', 'ebx', 'esp', 'ebp', 'esi', 'edi'] as const;
export type GeneralRegisterName = (typeof GENERAL_REGISTER_NAMES)[number];

/** The segment registers in the order of their x86 encoding (ES = 0 … GS = 5). */
export const SEGMENT_REGISTER_NAMES = ['es', 'cs', 'ss', 'ds', 'fs', 'gs'] as const;
export type SegmentRegisterName = (typeof SEGMENT_REGISTER_NAMES)[number];

export interface CpuState {
  readonly general: Readonly<Record<GeneralRegisterName, number>>;
  /** EIP relative to CS's base, as the program sees it. */
  readonly eip: number;
  readonly eflags: number;
  readonly cr0: number;
  readonly cr2: number;
  readonly cr3: number;
  readonly cr4: number;
  readonly segments: Readonly<Record<SegmentRegisterName, number>>;
  /** Task register and LDT register selectors. */
  readonly tr: number;
  readonly ldtr: number;
  readonly gdtr: TableRegister;
  readonly idtr: TableRegister;
  /** The current privilege level the CPU runs at (the low two bits of CS in protected mode). */
  readonly cpl: number;
  readonly protectedMode: boolean;
  /** Guest instructions executed since boot. */
  readonly instructionCount: number;
}

/** Reads physical memory: `length` bytes at `address`, zeros where there is no RAM. */
export type PhysicalReader = (address: number, length: number) => Uint8Array;

/** The little-endian u32 at `offset` of `bytes` (as an unsigned number). */
export function u32At(bytes: Uint8Array, offset: number): number {
  return (bytes[offset] | (bytes[offset + 1] << 8) | (bytes[offset + 2] << 16) | (bytes[offset + 3] << 24)) >>> 0;
}

/** `value` as 0x-prefixed hexadecimal, zero-padded to `digits`. */
export function hex(value: number, digits = 8): string {
  return `0x${(value >>> 0).toString(16).padStart(digits, '0')}`;
}
