// Tests for the Multiboot ELF writer: the bytes against the ELF and Multiboot
// specifications, then the real binutils and gdb reading the image.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { hasElfMagic, writeMultibootElf, type ImageInput, type ImageSection } from './elf.js';
import { findMultibootHeader, MULTIBOOT_HEADER_MAGIC, MULTIBOOT_SEARCH_LIMIT } from './multiboot.js';
import {
  BSS_ADDRESS,
  BSS_SIZE,
  RODATA_ADDRESS,
  sectionsImage,
  TEXT_ADDRESS,
} from '../../../test/fixtures/guest-programs.js';

interface ProgramHeader {
  type: number;
  offset: number;
  vaddr: number;
  paddr: number;
  filesz: number;
  memsz: number;
  flags: number;
  align: number;
}

function programHeaders(image: Uint8Array): ProgramHeader[] {
  const view = new DataView(image.buffer, image.byteOffset);
  const [phoff, phnum] = [view.getUint32(28, true), view.getUint16(44, true)];
  return Array.from({ length: phnum }, (_, i) => {
    const [type, offset, vaddr, paddr, filesz, memsz, flags, align] = [0, 4, 8, 12, 16, 20, 24, 28].map((field) =>
      view.getUint32(phoff + 32 * i + field, true),
    );
    return { type, offset, vaddr, paddr, filesz, memsz, flags, align };
  });
}

const text = (bytes: number[]): ImageSection => ({
  name: '.text',
  address: TEXT_ADDRESS,
  kind: 'text',
  bytes: Uint8Array.from(bytes),
});

describe('writeMultibootElf', () => {
  const image = sectionsImage();
  const view = new DataView(image.buffer);

  it('writes an ELF32 little-endian i386 executable with the given entry', () => {
    expect(hasElfMagic(image)).toBe(true);
    expect([image[4], image[5], image[6]]).toEqual([1, 1, 1]); // ELFCLASS32, ELFDATA2LSB, EV_CURRENT
    expect(view.getUint16(16, true)).toBe(2); // ET_EXEC
    expect(view.getUint16(18, true)).toBe(3); // EM_386
    expect(view.getUint32(24, true)).toBe(TEXT_ADDRESS);
  });

  it('puts a valid Multiboot header 4-aligned in the first 8 KiB, at the start of the first segment', () => {
    const offset = findMultibootHeader(image);
    expect(offset).toBeGreaterThan(0);
    expect(offset % 4).toBe(0);
    expect(offset + 12).toBeLessThanOrEqual(MULTIBOOT_SEARCH_LIMIT);
    const [magic, flags, checksum] = [0, 4, 8].map((field) => view.getUint32(offset + field, true));
    expect(magic).toBe(MULTIBOOT_HEADER_MAGIC);
    expect(flags).toBe(0b11); // page-align modules, memory info; no a.out address fields
    expect((magic + flags + checksum) % 2 ** 32).toBe(0);
    const [first] = programHeaders(image);
    expect(first).toMatchObject({ offset, vaddr: TEXT_ADDRESS - 12, filesz: 12, flags: 4 /* R */ });
  });

  it('has one PT_LOAD per section, physical = virtual, with R/RX/RW flags and bss only in memory', () => {
    const [, textSegment, rodata, bss] = programHeaders(image);
    expect(programHeaders(image).every((p) => p.type === 1 && p.paddr === p.vaddr)).toBe(true);
    expect(textSegment).toMatchObject({ vaddr: TEXT_ADDRESS, flags: 5 /* R+X */ });
    expect(rodata).toMatchObject({ vaddr: RODATA_ADDRESS, flags: 4 /* R */, filesz: 10, memsz: 10 });
    expect(bss).toMatchObject({ vaddr: BSS_ADDRESS, flags: 6 /* R+W */, filesz: 0, memsz: BSS_SIZE });
  });

  it('keeps each segment at a file offset congruent to its address modulo p_align', () => {
    for (const p of programHeaders(image)) expect(p.offset % p.align).toBe(p.vaddr % p.align);
  });

  const rodataAt = (address: number): ImageSection => ({
    name: '.rodata',
    address,
    kind: 'rodata',
    bytes: new Uint8Array(8),
  });
  const refusals: [string, Partial<ImageInput>, RegExp][] = [
    ['overlapping sections', { sections: [text([0x90, 0x90]), rodataAt(TEXT_ADDRESS + 1)] }, /overlap/],
    ['an entry outside text', { entry: RODATA_ADDRESS, sections: [text([0xf4]), rodataAt(RODATA_ADDRESS)] }, /text/],
    ['a symbol outside every section', { symbols: [{ name: 'x', address: 0, size: 4, kind: 'object' }] }, /outside/],
    ['a bss without a size', { sections: [text([0xf4]), { name: '.bss', address: 0, kind: 'bss' }] }, /size/],
    ['an image with no room for the header', { entry: 4, sections: [{ ...text([0xf4]), address: 4 }] }, /no room/],
  ];
  it.each(refusals)('refuses %s', (_, change, message) => {
    const input: ImageInput = { entry: TEXT_ADDRESS, sections: [text([0xf4])], symbols: [], ...change };
    expect(() => writeMultibootElf(input)).toThrow(message);
  });
});

const binutilsPresent = ['readelf', 'objdump', 'nm', 'gdb'].every(
  (tool) => spawnSync(tool, ['--version'], { stdio: 'ignore' }).status === 0,
);

describe.skipIf(!binutilsPresent)('binutils and gdb read the image', () => {
  const directory = mkdtempSync(join(tmpdir(), 'elf-test-'));
  const path = join(directory, 'kernel.elf');
  writeFileSync(path, sectionsImage());
  afterAll(() => rmSync(directory, { recursive: true, force: true }));
  const run = (tool: string, ...args: string[]) => spawnSync(tool, [...args, path], { encoding: 'utf8' });

  it('readelf -a finds every header and symbol without a warning', () => {
    const { stdout, stderr, status } = run('readelf', '-a', '-W');
    expect(status).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toMatch(/Type:\s+EXEC/);
    expect(stdout).toMatch(/Machine:\s+Intel 80386/);
    for (const name of ['.multiboot', '.text', '.rodata', '.bss', '.symtab', '.strtab', '.shstrtab']) {
      expect(stdout).toContain(name);
    }
    expect(stdout).toMatch(/LOAD\s+0x[0-9a-f]+ 0x00102000 0x00102000 0x00000 0x03000 RW/);
    expect(stdout).toMatch(/00100000\s+\d+ FUNC\s+GLOBAL DEFAULT\s+2 _start/);
  });

  it('objdump -d disassembles .text under its symbol', () => {
    const { stdout } = run('objdump', '-d');
    expect(stdout).toContain('00100000 <_start>:');
    expect(stdout).toMatch(/out\s+%al,\$0xf4/);
  });

  it('nm lists functions, read-only data and bss with their sizes', () => {
    const lines = run('nm', '-S').stdout.split('\n');
    expect(lines).toContain('00100000 00000038 T _start');
    expect(lines).toContain('00101000 0000000a R message');
    expect(lines).toContain('00102000 00003000 B zeroes');
  });

  it('gdb resolves addresses to symbols', () => {
    const { stdout } = run('gdb', '-batch', '-nx', '-ex', 'info symbol 0x100005');
    expect(stdout).toContain('_start + 5 in section .text');
  });
});

describe('findMultibootHeader', () => {
  const withHeaderAt = (offset: number, checksumDelta = 0): Uint8Array => {
    const bytes = new Uint8Array(offset + 64);
    const view = new DataView(bytes.buffer);
    view.setUint32(offset, MULTIBOOT_HEADER_MAGIC, true);
    view.setUint32(offset + 4, 3, true);
    view.setUint32(offset + 8, (-(MULTIBOOT_HEADER_MAGIC + 3) + checksumDelta) >>> 0, true);
    return bytes;
  };

  it('finds a header where a loader would, and only there', () => {
    expect(findMultibootHeader(withHeaderAt(40))).toBe(40);
    expect(findMultibootHeader(withHeaderAt(40, 1))).toBe(-1); // bad checksum
    expect(findMultibootHeader(withHeaderAt(42))).toBe(-1); // not 4-aligned
    expect(findMultibootHeader(withHeaderAt(MULTIBOOT_SEARCH_LIMIT - 8))).toBe(-1); // ends past 8 KiB
  });
});
