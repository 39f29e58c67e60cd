/**
 * @fileoverview Writes the bootable kernel image: an ELF32 little-endian i386
 * executable (ET_EXEC) carrying a Multiboot-1 header, one PT_LOAD segment per
 * section, section headers and a symbol table, so that Multiboot loaders (v86,
 * QEMU's `-kernel`, GRUB) boot it and `readelf`, `objdump -d`, `nm` and gdb
 * understand it.
 *
 * Pipeline place: last step of the toolchain. The translator hands over its
 * code and data as sections at fixed physical addresses (paging, if any, is the
 * kernel's business: p_vaddr = p_paddr = address); the result goes to the
 * emulator (`../emulator/`) or to disk. Runs in the browser too: no Node APIs.
 *
 * Layout in memory: the 12-byte Multiboot header gets its own `.multiboot`
 * section placed *just below* the lowest given section (at the highest 4-aligned
 * address that ends at or before it), so it is inside the first loaded segment
 * without moving any caller address. With code at 0x100000 it lands at 0xffff4,
 * which v86 and QEMU accept; for GRUB or a real PC keep the lowest section at
 * least 12 bytes above 1 MiB (below is the BIOS area). The translator's layout
 * (lowest section at 0x101000) puts it at 0x100ff4.
 *
 * Layout in the file: ELF header, program headers, section contents in address
 * order (each at a file offset congruent to its address modulo
 * SEGMENT_FILE_ALIGN, as ELF requires of p_offset and p_vaddr), `.symtab`,
 * `.strtab`, `.shstrtab`, section headers. The Multiboot header thus sits right
 * after the program headers, well inside the first 8 KiB the loaders search.
 */
import {
  MULTIBOOT_HEADER_ALIGN,
  MULTIBOOT_HEADER_SIZE,
  MULTIBOOT_SEARCH_LIMIT,
  multibootHeader,
} from './multiboot.js';

export interface ImageSection {
  name: string;
  /** Physical (= virtual) load address. */
  address: number;
  kind: 'text' | 'rodata' | 'data' | 'bss';
  /** Contents; required for every kind but bss. */
  bytes?: Uint8Array;
  /** Size in bytes; bss only (zero-filled by the loader, takes no room in the file). */
  size?: number;
}

export interface ImageSymbol {
  name: string;
  address: number;
  size: number;
  kind: 'func' | 'object';
}

export interface ImageInput {
  /** Address of the first instruction; must lie in a text section. */
  entry: number;
  sections: ImageSection[];
  symbols: ImageSymbol[];
}

// ELF constants, named as in the System V ABI (elf.h).
/** The bytes every ELF file starts with (e_ident[EI_MAG0..3]). */
const ELF_MAGIC = [0x7f, 0x45, 0x4c, 0x46];
const EHDR_SIZE = 52;
const PHDR_SIZE = 32;
const SHDR_SIZE = 40;
const SYM_SIZE = 16;
const ET_EXEC = 2;
const EM_386 = 3;
const EV_CURRENT = 1;
const PT_LOAD = 1;
const PF_X = 1;
const PF_W = 2;
const PF_R = 4;
const SHT_PROGBITS = 1;
const SHT_SYMTAB = 2;
const SHT_STRTAB = 3;
const SHT_NOBITS = 8;
const SHF_WRITE = 1;
const SHF_ALLOC = 2;
const SHF_EXECINSTR = 4;
const STB_GLOBAL = 1;
const STT_OBJECT = 1;
const STT_FUNC = 2;

/** p_align of every segment: small, so sections need at most 15 bytes of padding in the file. */
const SEGMENT_FILE_ALIGN = 16;
const TABLE_ALIGN = 4;
const ADDRESS_LIMIT = 2 ** 32;

type SectionKind = ImageSection['kind'] | 'multiboot';

/** Section header type/flags and segment flags for each kind of section. */
const KIND_ATTRIBUTES: Record<SectionKind, { shType: number; shFlags: number; phFlags: number }> = {
  multiboot: { shType: SHT_PROGBITS, shFlags: SHF_ALLOC, phFlags: PF_R },
  text: { shType: SHT_PROGBITS, shFlags: SHF_ALLOC | SHF_EXECINSTR, phFlags: PF_R | PF_X },
  rodata: { shType: SHT_PROGBITS, shFlags: SHF_ALLOC, phFlags: PF_R },
  data: { shType: SHT_PROGBITS, shFlags: SHF_ALLOC | SHF_WRITE, phFlags: PF_R | PF_W },
  bss: { shType: SHT_NOBITS, shFlags: SHF_ALLOC | SHF_WRITE, phFlags: PF_R | PF_W },
};

/** A checked section with its size in memory. */
interface SectionInMemory {
  name: string;
  kind: SectionKind;
  address: number;
  /** Bytes stored in the file (empty for bss). */
  contents: Uint8Array;
  memorySize: number;
}

/** A section with its place in the file too. */
interface PlacedSection extends SectionInMemory {
  fileOffset: number;
}

/** An ELF string table: NUL-separated names, offset 0 being the empty name. */
class StringTable {
  private readonly encoder = new TextEncoder();
  private buffer = new Uint8Array(1024);
  private size = 1;

  /** Appends `name` and its NUL; ASCII names (the rule) are copied directly, others go through TextEncoder. */
  add(name: string): number {
    const offset = this.size;
    this.reserve(3 * name.length + 1);
    for (let i = 0; i < name.length; i++) {
      const code = name.charCodeAt(i);
      if (code >= 0x80) {
        this.size += this.encoder.encodeInto(name.slice(i), this.buffer.subarray(this.size)).written;
        break;
      }
      this.buffer[this.size++] = code;
    }
    this.buffer[this.size++] = 0;
    return offset;
  }

  bytes(): Uint8Array {
    return this.buffer.slice(0, this.size);
  }

  private reserve(count: number): void {
    if (this.size + count <= this.buffer.length) return;
    const bigger = new Uint8Array(Math.max(2 * this.buffer.length, this.size + count));
    bigger.set(this.buffer.subarray(0, this.size));
    this.buffer = bigger;
  }
}

const hex = (n: number): string => `0x${n.toString(16)}`;
const end = (s: SectionInMemory): number => s.address + s.memorySize;

/** The smallest offset >= `offset` that is congruent to `address` modulo `align`. */
function alignCongruent(offset: number, address: number, align: number): number {
  return offset + ((((address - offset) % align) + align) % align);
}

function checkedSection(section: ImageSection): SectionInMemory {
  const { name, kind, address } = section;
  if (kind === 'bss' ? section.bytes !== undefined || section.size === undefined : section.bytes === undefined) {
    throw new Error(`section ${name}: ${kind === 'bss' ? 'bss takes a size and no bytes' : `${kind} needs bytes`}`);
  }
  const contents = section.bytes ?? new Uint8Array(0);
  const memorySize = kind === 'bss' ? section.size! : contents.length;
  if (!Number.isInteger(address) || address < 0 || !Number.isInteger(memorySize) || memorySize < 0) {
    throw new Error(`section ${name}: address ${address} and size ${memorySize} must be non-negative integers`);
  }
  if (address + memorySize > ADDRESS_LIMIT) {
    throw new Error(`section ${name}: ${hex(address)} + ${hex(memorySize)} runs past 4 GiB`);
  }
  return { name, kind, address, contents, memorySize };
}

/** Validates the sections, sorts them by address and puts `.multiboot` just below the lowest. */
function sectionsInMemory(sections: ImageSection[]): SectionInMemory[] {
  if (sections.length === 0) throw new Error('image has no sections');
  const sorted = sections.map(checkedSection).sort((a, b) => a.address - b.address);
  for (let i = 1; i < sorted.length; i++) {
    const [previous, next] = [sorted[i - 1], sorted[i]];
    if (next.address < end(previous)) {
      throw new Error(
        `sections ${previous.name} [${hex(previous.address)}, ${hex(end(previous))}) and ` +
          `${next.name} [${hex(next.address)}, ${hex(end(next))}) overlap`,
      );
    }
  }
  return [multibootSection(sorted[0]), ...sorted];
}

/** The `.multiboot` section: the header at the highest 4-aligned address that ends at or before `lowest`. */
function multibootSection(lowest: SectionInMemory): SectionInMemory {
  const header = multibootHeader();
  const address = Math.floor((lowest.address - header.length) / MULTIBOOT_HEADER_ALIGN) * MULTIBOOT_HEADER_ALIGN;
  if (address < 0) throw new Error(`no room for the Multiboot header below ${lowest.name} at ${hex(lowest.address)}`);
  return { name: '.multiboot', kind: 'multiboot', address, contents: header, memorySize: header.length };
}

/** Index (in `sections`) of the section holding `address`; a zero-size symbol may sit at a section's end. */
function sectionIndexOf(sections: PlacedSection[], address: number, size: number): number {
  return sections.findIndex((s) => address >= s.address && (address < end(s) || (size === 0 && address === end(s))));
}

/** Whether `image` starts like an ELF file. */
export function hasElfMagic(image: Uint8Array): boolean {
  return ELF_MAGIC.every((byte, i) => image[i] === byte);
}

/** Writes consecutive little-endian u32 words starting at `at`. */
function writeWords(view: DataView, at: number, words: number[]): void {
  for (let i = 0; i < words.length; i++) view.setUint32(at + 4 * i, words[i] >>> 0, true);
}

function writeElfHeader(view: DataView, entry: number, phnum: number, shoff: number, shnum: number): void {
  [...ELF_MAGIC, 1 /* ELFCLASS32 */, 1 /* ELFDATA2LSB */, EV_CURRENT].forEach((b, i) => view.setUint8(i, b));
  view.setUint16(16, ET_EXEC, true);
  view.setUint16(18, EM_386, true);
  writeWords(view, 20, [EV_CURRENT, entry, EHDR_SIZE /* e_phoff */, shoff, 0 /* e_flags */]);
  [EHDR_SIZE, PHDR_SIZE, phnum, SHDR_SIZE, shnum, shnum - 1 /* .shstrtab comes last */].forEach((half, i) =>
    view.setUint16(40 + 2 * i, half, true),
  );
}

/** Gives each section a file offset, in address order, from `offset` on; returns them and the end offset. */
function placeInFile(sections: SectionInMemory[], offset: number): [PlacedSection[], number] {
  const placed = sections.map((s) => {
    const fileOffset = alignCongruent(offset, s.address, SEGMENT_FILE_ALIGN);
    offset = fileOffset + s.contents.length;
    return { ...s, fileOffset };
  });
  if (placed[0].fileOffset + MULTIBOOT_HEADER_SIZE > MULTIBOOT_SEARCH_LIMIT) {
    throw new Error(`too many sections: the Multiboot header would end past the first ${MULTIBOOT_SEARCH_LIMIT} bytes`);
  }
  return [placed, offset];
}

/** `.symtab` (a null symbol, then every symbol as global) and its `.strtab`. */
function symbolTable(symbols: ImageSymbol[], sections: PlacedSection[]): { symtab: Uint8Array; strtab: Uint8Array } {
  const names = new StringTable();
  const symtab = new Uint8Array(SYM_SIZE * (symbols.length + 1));
  const view = new DataView(symtab.buffer);
  symbols.forEach((symbol, i) => {
    const index = sectionIndexOf(sections, symbol.address, symbol.size);
    if (index < 0) throw new Error(`symbol ${symbol.name} at ${hex(symbol.address)} lies outside every section`);
    const at = SYM_SIZE * (i + 1);
    writeWords(view, at, [names.add(symbol.name), symbol.address, symbol.size]);
    view.setUint8(at + 12, (STB_GLOBAL << 4) | (symbol.kind === 'func' ? STT_FUNC : STT_OBJECT));
    view.setUint16(at + 14, index + 1 /* section header 0 is the null section */, true);
  });
  return { symtab, strtab: names.bytes() };
}

/** A program header and a section header for each loaded section, and its contents. */
function writeLoadedSection(
  image: Uint8Array,
  s: PlacedSection,
  index: number,
  nameOffset: number,
  shoff: number,
): void {
  const { shType, shFlags, phFlags } = KIND_ATTRIBUTES[s.kind];
  const view = new DataView(image.buffer);
  image.set(s.contents, s.fileOffset);
  writeWords(view, EHDR_SIZE + PHDR_SIZE * index, [
    PT_LOAD, s.fileOffset, s.address /* p_vaddr */, s.address /* p_paddr */, s.contents.length, s.memorySize, phFlags,
    SEGMENT_FILE_ALIGN,
  ]);
  // We do not know the alignment the producer relied on; 1 claims nothing false.
  const alignment = s.kind === 'multiboot' ? MULTIBOOT_HEADER_ALIGN : 1;
  writeWords(view, shoff + SHDR_SIZE * (index + 1), [
    nameOffset, shType, shFlags, s.address, s.fileOffset, s.memorySize, 0 /* link */, 0 /* info */, alignment, 0,
  ]);
}

export function writeMultibootElf(input: ImageInput): Uint8Array {
  const inMemory = sectionsInMemory(input.sections);
  if (!inMemory.some((s) => s.kind === 'text' && input.entry >= s.address && input.entry < end(s))) {
    throw new Error(`entry ${hex(input.entry)} is not inside a text section`);
  }
  const [sections, contentsEnd] = placeInFile(inMemory, EHDR_SIZE + PHDR_SIZE * inMemory.length);
  const { symtab, strtab } = symbolTable(input.symbols, sections);
  const sectionNames = new StringTable();
  const nameOffsets = sections.map((s) => sectionNames.add(s.name));
  const [symtabName, strtabName, shstrtabName] = ['.symtab', '.strtab', '.shstrtab'].map((n) => sectionNames.add(n));
  const shstrtab = sectionNames.bytes();

  const symtabOffset = alignCongruent(contentsEnd, 0, TABLE_ALIGN);
  const strtabOffset = symtabOffset + symtab.length;
  const shstrtabOffset = strtabOffset + strtab.length;
  const shoff = alignCongruent(shstrtabOffset + shstrtab.length, 0, TABLE_ALIGN);
  const symtabIndex = 1 + sections.length;
  const shnum = symtabIndex + 3;

  const image = new Uint8Array(shoff + SHDR_SIZE * shnum);
  const view = new DataView(image.buffer);
  writeElfHeader(view, input.entry, sections.length, shoff, shnum);
  sections.forEach((s, i) => writeLoadedSection(image, s, i, nameOffsets[i], shoff));
  image.set(symtab, symtabOffset);
  image.set(strtab, strtabOffset);
  image.set(shstrtab, shstrtabOffset);
  // name, type, flags, addr, offset, size, link, info (index of the first global symbol), addralign, entsize
  const tables = [
    [symtabName, SHT_SYMTAB, 0, 0, symtabOffset, symtab.length, symtabIndex + 1, 1, TABLE_ALIGN, SYM_SIZE],
    [strtabName, SHT_STRTAB, 0, 0, strtabOffset, strtab.length, 0, 0, 1, 0],
    [shstrtabName, SHT_STRTAB, 0, 0, shstrtabOffset, shstrtab.length, 0, 0, 1, 0],
  ];
  tables.forEach((words, i) => writeWords(view, shoff + SHDR_SIZE * (symtabIndex + i), words));
  return image;
}
