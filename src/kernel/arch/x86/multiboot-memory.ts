/**
 * @fileoverview Reads the physical memory map from the Multiboot (version 1)
 * information block: the boot loader's list of RAM regions and what they are
 * (available, reserved, ACPI…). mm/frames.ts builds the frame allocator from
 * the available ones. Only the two loads below touch the block; the walk over
 * its variable-size entries is ordinary code.
 *
 * Layout (Multiboot 0.6.96, section 3.3): `flags` at +0; bit 0 says
 * `mem_lower`/`mem_upper` (KiB below 1 MiB / above 1 MiB) at +4/+8 are valid,
 * bit 6 says `mmap_length`/`mmap_addr` at +44/+48 are. Each map entry is
 * `u32 size` (not counting itself), `u64 base_addr`, `u64 length`, `u32 type`.
 */

@inline const FLAG_MEMORY_SIZES: u32 = 1 << 0;
@inline const FLAG_MEMORY_MAP: u32 = 1 << 6;
@inline const FLAGS_OFFSET: usize = 0;
@inline const MEM_UPPER_OFFSET: usize = 8;
@inline const MMAP_LENGTH_OFFSET: usize = 44;
@inline const MMAP_ADDR_OFFSET: usize = 48;

// Offsets inside one memory-map entry.
@inline const ENTRY_SIZE_OFFSET: usize = 0;
@inline const ENTRY_BASE_OFFSET: usize = 4;
@inline const ENTRY_LENGTH_OFFSET: usize = 12;
@inline const ENTRY_TYPE_OFFSET: usize = 20;

/** Entry type of RAM the kernel may use; every other type is reserved for firmware or devices. */
@inline export const MEMORY_AVAILABLE: u32 = 1;
@inline const ONE_MIB: u64 = 0x100000;

/** One region of the physical address space as the boot loader describes it. */
export class MemoryRegion {
  constructor(public base: u64, public length: u64, public type: u32) {}

  get end(): u64 { return this.base + this.length; }
  get available(): bool { return this.type == MEMORY_AVAILABLE; }
}

/**
 * The boot loader's memory map. Without one (flags bit 6 clear), a single
 * available region from 1 MiB of `mem_upper` KiB; without either, none.
 */
export function readMemoryMap(multibootInfo: usize): MemoryRegion[] {
  const regions = new Array<MemoryRegion>();
  if (multibootInfo == 0) return regions;
  const flags = readU32(multibootInfo + FLAGS_OFFSET);
  if ((flags & FLAG_MEMORY_MAP) != 0) {
    const start = <usize>readU32(multibootInfo + MMAP_ADDR_OFFSET);
    const end = start + <usize>readU32(multibootInfo + MMAP_LENGTH_OFFSET);
    for (let entry = start; entry < end; entry += 4 + <usize>readU32(entry + ENTRY_SIZE_OFFSET)) {
      regions.push(new MemoryRegion(
        readU64(entry + ENTRY_BASE_OFFSET), readU64(entry + ENTRY_LENGTH_OFFSET), readU32(entry + ENTRY_TYPE_OFFSET)));
    }
  } else if ((flags & FLAG_MEMORY_SIZES) != 0) {
    const upperKiB = <u64>readU32(multibootInfo + MEM_UPPER_OFFSET);
    regions.push(new MemoryRegion(ONE_MIB, upperKiB * 1024, MEMORY_AVAILABLE));
  }
  return regions;
}

@unsafe("reads the boot loader's Multiboot block") function readU32(address: usize): u32 { return load<u32>(address); }

@unsafe("reads the boot loader's Multiboot block") function readU64(address: usize): u64 { return load<u64>(address); }
