/**
 * @fileoverview The descriptor tables of the intrinsics test kernels
 * (cpu-test.ts, trap-test.ts): a flat GDT with a TSS, and an IDT whose 256
 * gates all go through the runtime's entry stubs to `interrupt_handler`.
 */
import { lgdt, lidt, ltr, reload_segments, isr_address } from "./intrinsics";

// --- GDT: null, code 0x08, data 0x10, TSS 0x18 ---------------------------
@inline const CODE_SELECTOR: u16 = 0x08;
@inline const DATA_SELECTOR: u16 = 0x10;
@inline const TSS_SELECTOR: u16 = 0x18;
const gdt = memory.data(4 * 8, 8);
const gdtDescriptor = memory.data(8, 8);
const tss = memory.data(104, 8);
const idt = memory.data(256 * 8, 8);
const idtDescriptor = memory.data(8, 8);

function setSegment(index: i32, base: u32, limit: u32, access: u8, flags: u8): void {
  const entry = gdt + <usize>(index * 8);
  store<u16>(entry, <u16>(limit & 0xffff));
  store<u16>(entry + 2, <u16>(base & 0xffff));
  store<u8>(entry + 4, <u8>((base >> 16) & 0xff));
  store<u8>(entry + 5, access);
  store<u8>(entry + 6, (flags << 4) | <u8>((limit >> 16) & 0x0f));
  store<u8>(entry + 7, <u8>(base >> 24));
}

export function loadGdt(): void {
  setSegment(1, 0, 0xfffff, 0x9a, 0xc); // ring-0 code, 4 KiB granularity, 32-bit
  setSegment(2, 0, 0xfffff, 0x92, 0xc); // ring-0 data
  setSegment(3, <u32>tss, 103, 0x89, 0x0); // available 32-bit TSS
  store<u16>(gdtDescriptor, 4 * 8 - 1);
  store<u32>(gdtDescriptor + 2, <u32>gdt);
  lgdt(gdtDescriptor);
  reload_segments(CODE_SELECTOR, DATA_SELECTOR);
  store<u32>(tss + 8, DATA_SELECTOR); // ss0
  ltr(TSS_SELECTOR);
}

export function loadIdt(): void {
  for (let vector = 0; vector < 256; vector++) {
    const handler = <u32>isr_address(vector);
    const gate = idt + <usize>(vector * 8);
    store<u16>(gate, <u16>(handler & 0xffff));
    store<u16>(gate + 2, CODE_SELECTOR);
    store<u8>(gate + 4, 0);
    store<u8>(gate + 5, 0x8e); // present, ring 0, 32-bit interrupt gate
    store<u16>(gate + 6, <u16>(handler >> 16));
  }
  store<u16>(idtDescriptor, 256 * 8 - 1);
  store<u32>(idtDescriptor + 2, <u32>idt);
  lidt(idtDescriptor);
}
