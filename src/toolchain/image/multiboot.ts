/**
 * @fileoverview The Multiboot-1 header that lets a boot loader (v86 without a
 * BIOS, QEMU's `-kernel`, GRUB) recognise our ELF as a kernel, and the
 * constants of the Multiboot-1 boot protocol the kernel sees at its entry.
 *
 * Pipeline place: `elf.ts` puts `multibootHeader()` at the start of the
 * image's first loaded segment (`.multiboot`). Names follow the Multiboot 0.6.96
 * specification (section 3.1, "OS image format").
 */

/** First field of the header: what the loader scans the file for. */
export const MULTIBOOT_HEADER_MAGIC = 0x1badb002;

/** The loader puts this in EAX when it jumps to the kernel's entry. */
export const MULTIBOOT_BOOTLOADER_MAGIC = 0x2badb002;

/** The header must lie completely within this many bytes from the start of the file. */
export const MULTIBOOT_SEARCH_LIMIT = 8192;

/** The header must be 4-byte aligned in the file. */
export const MULTIBOOT_HEADER_ALIGN = 4;

/** Header flag bit 0: align boot modules on 4 KiB pages. */
export const MULTIBOOT_PAGE_ALIGN = 1 << 0;

/** Header flag bit 1: pass memory information (mem_lower/mem_upper and/or the memory map) in the info struct. */
export const MULTIBOOT_MEMORY_INFO = 1 << 1;

/**
 * The flags we ask for. We leave out bit 16 (the a.out "address kludge"), so
 * loaders take the load addresses from the ELF program headers.
 */
export const MULTIBOOT_HEADER_FLAGS = MULTIBOOT_PAGE_ALIGN | MULTIBOOT_MEMORY_INFO;

/** Size of the header we write: magic, flags, checksum (no address or video fields). */
export const MULTIBOOT_HEADER_SIZE = 12;

/**
 * Fields of the Multiboot information structure (EBX at entry), as byte
 * offsets, and the bits of its `flags` word that say which fields are valid.
 */
export const MultibootInfo = {
  FLAGS: 0,
  MEM_LOWER: 4,
  MEM_UPPER: 8,
  CMDLINE: 16,
  MMAP_LENGTH: 44,
  MMAP_ADDR: 48,
  /** flags bit: mem_lower/mem_upper are valid (QEMU sets it; v86 does not). */
  FLAG_MEMORY: 1 << 0,
  /** flags bit: cmdline points at a NUL-terminated command line. */
  FLAG_CMDLINE: 1 << 2,
  /** flags bit: mmap_length/mmap_addr describe the memory map (both v86 and QEMU set it). */
  FLAG_MMAP: 1 << 6,
} as const;

/** The 12-byte header: magic, flags, and a checksum making the three sum to 0 mod 2^32. */
export function multibootHeader(flags = MULTIBOOT_HEADER_FLAGS): Uint8Array {
  const header = new Uint8Array(MULTIBOOT_HEADER_SIZE);
  const view = new DataView(header.buffer);
  view.setUint32(0, MULTIBOOT_HEADER_MAGIC, true);
  view.setUint32(4, flags, true);
  view.setUint32(8, (-(MULTIBOOT_HEADER_MAGIC + flags)) >>> 0, true);
  return header;
}

/**
 * File offset of the first valid Multiboot header (magic, and a checksum that
 * matches its flags) in the first 8 KiB, as a loader scans for it; -1 if none.
 */
export function findMultibootHeader(image: Uint8Array): number {
  const view = new DataView(image.buffer, image.byteOffset, image.byteLength);
  const last = Math.min(image.length, MULTIBOOT_SEARCH_LIMIT) - MULTIBOOT_HEADER_SIZE;
  for (let offset = 0; offset <= last; offset += MULTIBOOT_HEADER_ALIGN) {
    const [magic, flags, checksum] = [0, 4, 8].map((field) => view.getUint32(offset + field, true));
    if (magic === MULTIBOOT_HEADER_MAGIC && ((magic + flags + checksum) >>> 0) === 0) return offset;
  }
  return -1;
}
