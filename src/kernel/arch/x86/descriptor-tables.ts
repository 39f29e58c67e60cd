/**
 * @fileoverview Loading the descriptor-table registers. `lgdt`/`lidt` read a
 * 6-byte pseudo-descriptor (u16 limit, u32 base); the tables themselves are
 * plain arrays that gdt.ts and idt.ts fill in ordinary code.
 */
import { lgdt, lidt, ltr, reload_segments } from "./intrinsics";

/** The pseudo-descriptor operand of lgdt/lidt, as three u16 (limit, base low, base high). */
function pseudoDescriptor(table: usize, bytes: i32): StaticArray<u16> {
  const operand = new StaticArray<u16>(3);
  operand[0] = <u16>(bytes - 1);
  operand[1] = <u16>(table & 0xffff);
  operand[2] = <u16>(table >> 16);
  return operand;
}

/** GDTR = `table` (`bytes` long); then CS = `codeSelector`, the data segment registers = `dataSelector`. */
export function loadGlobalDescriptorTable(table: usize, bytes: i32): void {
  loadGdtr(changetype<usize>(pseudoDescriptor(table, bytes)));
}

/** IDTR = `table` (`bytes` long). */
export function loadInterruptDescriptorTable(table: usize, bytes: i32): void {
  loadIdtr(changetype<usize>(pseudoDescriptor(table, bytes)));
}

// Selectors 0x08 code, 0x10 data (gdt.ts): the intrinsic wants constants.
@unsafe("lgdt, then reloads CS and the data segment registers") function loadGdtr(operand: usize): void { lgdt(operand); reload_segments(0x08, 0x10); }

@unsafe("lidt") function loadIdtr(operand: usize): void { lidt(operand); }

/** TR = `selector`: the CPU takes the TSS from that GDT entry. */
@unsafe("ltr") export function loadTaskRegister(selector: u16): void { ltr(selector); }
