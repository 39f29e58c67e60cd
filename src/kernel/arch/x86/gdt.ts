/**
 * @fileoverview The Global Descriptor Table: the flat ring-0 code and data
 * segments (base 0, limit 4 GiB) that protected mode requires, and one Task
 * State Segment. The kernel runs only in ring 0 and switches tasks in
 * software, so the TSS is not used for switching; it is loaded because the
 * CPU expects a valid TR and it names the ring-0 stack segment (SS0).
 *
 * Entry layout (Intel SDM vol. 3, 3.4.5), as two u32 words:
 *   low:  limit 15..0 | base 15..0 << 16
 *   high: base 23..16 | access << 8 | limit 19..16 << 16 | flags << 20 | base 31..24 << 24
 */
import { loadGlobalDescriptorTable, loadTaskRegister } from "./descriptor-tables";

@inline export const KERNEL_CODE_SELECTOR: u16 = 0x08;
@inline export const KERNEL_DATA_SELECTOR: u16 = 0x10;
@inline const TSS_SELECTOR: u16 = 0x18;
@inline const ENTRY_COUNT: i32 = 4;

// Access bytes: present, ring 0, and the segment type.
@inline const ACCESS_CODE_READ: u8 = 0x9a;
@inline const ACCESS_DATA_WRITE: u8 = 0x92;
@inline const ACCESS_TSS_AVAILABLE: u8 = 0x89;
// Flags nibble: 4 KiB granularity, 32-bit default size.
@inline const FLAGS_GRANULARITY_32BIT: u8 = 0xc;
@inline const FLAT_LIMIT: u32 = 0xfffff;

@inline const TSS_BYTES: i32 = 104;
@inline const TSS_SS0: i32 = 2; // word index of SS0

const table = new StaticArray<u32>(ENTRY_COUNT * 2);
const taskStateSegment = new StaticArray<u32>(TSS_BYTES / 4);

function setEntry(index: i32, base: u32, limit: u32, access: u8, flags: u8): void {
  table[index * 2] = (limit & 0xffff) | (base << 16);
  table[index * 2 + 1] = ((base >> 16) & 0xff) | (<u32>access << 8) | (limit & 0xf0000)
    | (<u32>flags << 20) | (base & 0xff000000);
}

/** Builds the GDT, loads it with the segment registers, and loads the TSS. */
export function gdtInit(): void {
  setEntry(1, 0, FLAT_LIMIT, ACCESS_CODE_READ, FLAGS_GRANULARITY_32BIT);
  setEntry(2, 0, FLAT_LIMIT, ACCESS_DATA_WRITE, FLAGS_GRANULARITY_32BIT);
  setEntry(3, <u32>changetype<usize>(taskStateSegment), TSS_BYTES - 1, ACCESS_TSS_AVAILABLE, 0);
  taskStateSegment[TSS_SS0] = KERNEL_DATA_SELECTOR;
  loadGlobalDescriptorTable(changetype<usize>(table), ENTRY_COUNT * 8);
  loadTaskRegister(TSS_SELECTOR);
}
