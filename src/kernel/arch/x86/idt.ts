/**
 * @fileoverview The Interrupt Descriptor Table: 256 interrupt gates, one per
 * vector, each pointing at the translator's entry stub for that vector. All
 * stubs lead to `interrupt_handler` (./interrupts.ts), which dispatches by
 * vector, so the table never changes after boot.
 *
 * Gate layout (Intel SDM vol. 3, 6.11), as two u32 words:
 *   low:  offset 15..0 | code selector << 16
 *   high: type/attributes << 8 | offset 31..16 << 16
 */
import { KERNEL_CODE_SELECTOR } from "./gdt";
import { loadInterruptDescriptorTable } from "./descriptor-tables";
import { isr_address } from "./intrinsics";

@inline export const VECTOR_COUNT: i32 = 256;
/** Present, ring 0, 32-bit interrupt gate (the CPU clears IF on entry). */
@inline const GATE_INTERRUPT_32: u32 = 0x8e;

const table = new StaticArray<u32>(VECTOR_COUNT * 2);

@unsafe("the address of a runtime entry stub") function entryStub(vector: i32): u32 { return <u32>isr_address(vector); }

/** Fills all 256 gates and loads the IDT register. */
export function idtInit(): void {
  for (let vector = 0; vector < VECTOR_COUNT; vector++) {
    const offset = entryStub(vector);
    table[vector * 2] = (offset & 0xffff) | (<u32>KERNEL_CODE_SELECTOR << 16);
    table[vector * 2 + 1] = (GATE_INTERRUPT_32 << 8) | (offset & 0xffff0000);
  }
  loadInterruptDescriptorTable(changetype<usize>(table), VECTOR_COUNT * 8);
}

/** The handler address gate `vector` holds (its entry stub), read back from the table. */
export function gateAddress(vector: i32): u32 {
  return (table[vector * 2] & 0xffff) | (table[vector * 2 + 1] & 0xffff0000);
}
