/**
 * @fileoverview The physical and virtual memory layout the memory manager
 * works with (kernel plan, "Memory layout"). The kernel runs with
 * virtual = physical for all RAM; only the demand region is mapped page by page.
 *
 *   0 .. 1 MiB           BIOS, VGA text buffer (0xB8000); page 0 is left unmapped to catch null pointers
 *   1 .. 4 MiB           kernel code and boot stack (placed by the translator)
 *   4 MiB .. 32 MiB      static data, the boot shadow stack, the AssemblyScript heap (memory.grow)
 *   32 MiB .. end of RAM page frames (frames.ts): page tables and demand-paged memory
 *   1 GiB .. 2 GiB       demand region (vm.ts): address space handed out by vmAlloc, mapped on first touch
 */

/** Size of a page and of a page frame (4 KiB). */
@inline export const PAGE_SIZE: usize = 4096;
@inline export const PAGE_SHIFT: u32 = 12;

/**
 * Where the frame allocator's memory starts: the heap's growth limit. It must
 * equal KERNEL_TRANSLATE_OPTIONS.maxMemoryPages × 64 KiB
 * (src/toolchain/asc/kernel-build.ts); test/kernel/memory.test.ts checks it.
 */
@inline export const FRAMES_START: usize = 32 << 20;

/** The demand-paged region: [DEMAND_START, DEMAND_END). */
@inline export const DEMAND_START: usize = 0x4000_0000;
@inline export const DEMAND_END: usize = 0x8000_0000;

/** RAM at or above DEMAND_START is not identity-mapped and not used (it would collide with the demand region). */
@inline export const IDENTITY_MAP_LIMIT: usize = DEMAND_START;

/** The legacy video and ROM area: mapped cache-disabled, as device memory. */
@inline export const DEVICE_MEMORY_START: usize = 0xa0000;
@inline export const DEVICE_MEMORY_END: usize = 0x100000;

/** Bytes allocated since the last collection that trigger the next one (4 MiB). */
@inline export const GC_THRESHOLD_BYTES: usize = 4 << 20;

/** Rounds `address` down / up to a page boundary. */
@inline export function pageFloor(address: usize): usize { return address & ~(PAGE_SIZE - 1); }
@inline export function pageCeil(address: usize): usize { return (address + PAGE_SIZE - 1) & ~(PAGE_SIZE - 1); }
