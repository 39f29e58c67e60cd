/**
 * @fileoverview Tiny Multiboot-1 kernels for tests of the machine and the
 * page, assembled on the spot with GNU as/ld (binutils, from gcc-multilib).
 * They exercise the emulator plumbing independently of the real kernel.
 *
 * Pipeline place: test support only (Node): `machine.test.ts` boots them in
 * v86 directly, the e2e specs pass them to the page as `?image=data:…`
 * (`asDataUrl`).
 */

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Multiboot header, then `_start` with DX = COM1's data port (0x3F8). */
const MULTIBOOT_PRELUDE = `
        .text
        .globl _start
        .align 4
        .long 0x1BADB002, 3, -(0x1BADB002 + 3)
_start: mov $0x3F8, %dx
`;

/** Assembly that prints `text` on COM1 (v86's and QEMU's UARTs are always ready to send). */
export function printOnCom1(text: string): string {
  return [...text].map((c) => `        mov $${c.charCodeAt(0)}, %al\n        outb %al, %dx\n`).join('');
}

/** Assembly that sends every byte received on COM1 back, forever. */
export const ECHO_COM1_FOREVER = `
echo:   mov $0x3FD, %dx           # line status register; bit 0: a byte was received
1:      inb %dx, %al
        test $1, %al
        jz 1b
        mov $0x3F8, %dx
        inb %dx, %al
        outb %al, %dx
        jmp echo
`;

/**
 * Assembly that does what a VGA BIOS would have done for text mode 3, which
 * v86 skips when it boots a Multiboot kernel without a BIOS: map text memory
 * at 0xB8000 (graphics controller register 6), load an identity attribute
 * palette, and set DAC colours 1 (blue) and 15 (white). Leaves DX = COM1.
 */
export const VGA_TEXT_MODE_SETUP = `
        mov $0x3CE, %dx
        mov $0x0E06, %ax          # register 6 = 0x0E: memory map B8000-BFFFF, odd/even, text
        outw %ax, %dx
        mov $0x3DA, %dx
        inb %dx, %al              # reading input status 1 resets the attribute controller to "index next"
        mov $0x3C0, %dx
        xor %ecx, %ecx
1:      mov %cl, %al
        outb %al, %dx             # attribute index i
        outb %al, %dx             # palette entry i = DAC colour i
        inc %ecx
        cmp $16, %ecx
        jne 1b
        mov $0x20, %al            # palette address source: hand the palette back to the display
        outb %al, %dx
        mov $0x3C8, %dx
        mov $1, %al
        outb %al, %dx
        mov $0x3C9, %dx
        mov $0, %al
        outb %al, %dx
        outb %al, %dx
        mov $42, %al
        outb %al, %dx             # DAC 1: blue (6-bit red, green, blue)
        mov $0x3C8, %dx
        mov $15, %al
        outb %al, %dx
        mov $0x3C9, %dx
        mov $63, %al
        outb %al, %dx
        outb %al, %dx
        outb %al, %dx             # DAC 15: white
        mov $0x3F8, %dx
`;

/** Assembly that writes `text` white on blue at the top left of VGA text memory. */
export function writeVgaText(text: string): string {
  const WHITE_ON_BLUE = 0x1f00;
  return [...text].map((c, i) => `        movw $${WHITE_ON_BLUE | c.charCodeAt(0)}, ${0xb8000 + 2 * i}\n`).join('');
}

/** Assembly that writes `code` to the exit port 0xf4, then halts with interrupts disabled. */
export function exitWith(code: number): string {
  return `        mov $${code}, %al\n        outb %al, $0xf4\n        cli\n        hlt\n`;
}

/** Assembles `body` (placed after the prelude, at 1 MiB) into a Multiboot ELF. */
export function assembleKernel(body: string): Uint8Array {
  const dir = mkdtempSync(join(tmpdir(), 'test-kernel-'));
  try {
    writeFileSync(join(dir, 'kernel.S'), `${MULTIBOOT_PRELUDE}${body}\n`);
    execFileSync('as', ['--32', '-o', join(dir, 'kernel.o'), join(dir, 'kernel.S')]);
    // -N: one RWX segment, no page padding; ld warns about exactly that, which is fine for a test kernel.
    execFileSync('ld', ['-m', 'elf_i386', '-N', '-Ttext', '0x100000', '-o', join(dir, 'kernel.elf'), join(dir, 'kernel.o')], {
      stdio: 'pipe',
    });
    return new Uint8Array(readFileSync(join(dir, 'kernel.elf')));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A `data:` URL holding `image`, so a test can boot it in the page with `?image=` without serving a file. */
export function asDataUrl(image: Uint8Array): string {
  return `data:application/octet-stream;base64,${Buffer.from(image).toString('base64')}`;
}
