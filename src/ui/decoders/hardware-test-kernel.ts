/**
 * @fileoverview A tiny Multiboot kernel (GNU as) that sets up what the
 * hardware panels show, with known contents: a GDT (kernel and user code and
 * data, a TSS), a 256-gate IDT (interrupt gates, a DPL-3 trap gate for the
 * system call 0x80, its own page-fault handler), and paging (4 KiB and 4 MiB
 * pages, a cache-disabled VGA page, a user page, pages mapped away from
 * their physical address, a not-present entry). It prints "ready" on COM1
 * and spins with interrupts off.
 *
 * Pipeline place: test support (Node only): the live decoder tests boot it
 * in v86, the e2e specs pass it to the page as `?image=data:…`.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assembleKernel, printOnCom1 } from '../machine/test-kernels.js';
import type { DebugInfo } from './debug-symbols.js';

export const READY = 'ready\n';

/** Where the kernel's tables are (fixed, so tests can name them). */
export const LAYOUT = {
  directory: 0x200000,
  lowTable: 0x201000,
  remapTable: 0x202000,
  tss: 0x7000,
  /** Virtual 0x40000000–0x40002fff → frames 0x500000, 0x501000 (user, writable), 0x600000 (user, read-only). */
  remapVirtual: 0x40000000,
  /** A user page in the low identity map. */
  userPage: 0x300000,
  vgaPage: 0xb8000,
} as const;

/** Page directory/table entry flags, for readability of the assembly below. */
const P = 1, RW = 2, US = 4, PWT = 8, PCD = 16, PS = 0x80, G = 0x100;

const BODY = `
        cli
        lgdt gdt_register
        ljmp $0x08, $1f
1:      mov $0x10, %ax
        mov %ax, %ds
        mov %ax, %es
        mov %ax, %ss
        mov %ax, %fs
        mov %ax, %gs
        mov $0x28, %ax
        ltr %ax

        # IDT: interrupt gates (0x8E) to isr_default; 14 → isr_page_fault; 0x80 → trap gate, DPL 3 (0xEF), isr_syscall
        xor %ecx, %ecx
2:      mov $isr_default, %eax
        mov $0x8e00, %ebx
        cmp $14, %ecx
        jne 3f
        mov $isr_page_fault, %eax
3:      cmp $0x80, %ecx
        jne 4f
        mov $isr_syscall, %eax
        mov $0xef00, %ebx
4:      mov %eax, %esi
        and $0xffff, %eax
        or $0x00080000, %eax
        mov %eax, idt(,%ecx,8)
        and $0xffff0000, %esi
        or %ebx, %esi
        mov %esi, idt+4(,%ecx,8)
        inc %ecx
        cmp $256, %ecx
        jne 2b
        lidt idt_register

        # Page directory: PDE 0 → low table, PDE 1 → 4 MiB page at 4 MiB, PDE 0x100 → remap table, PDE 0x300 not present
        mov $${LAYOUT.lowTable | P | RW | US}, %eax
        mov %eax, ${LAYOUT.directory}
        movl $${0x400000 | P | RW | PS | G}, ${LAYOUT.directory + 4}
        movl $${LAYOUT.remapTable | P | RW | US}, ${LAYOUT.directory + 0x100 * 4}
        movl $0x00000002, ${LAYOUT.directory + 0x300 * 4}
        # Low table: identity 4 KiB pages 1..1023 (page 0 stays unmapped), global and writable
        mov $1, %ecx
5:      mov %ecx, %eax
        shl $12, %eax
        or $${P | RW | G}, %eax
        mov %eax, ${LAYOUT.lowTable}(,%ecx,4)
        inc %ecx
        cmp $1024, %ecx
        jne 5b
        movl $${LAYOUT.vgaPage | P | RW | PWT | PCD}, ${LAYOUT.lowTable + (LAYOUT.vgaPage >> 12) * 4}
        movl $${LAYOUT.userPage | P | RW | US}, ${LAYOUT.lowTable + (LAYOUT.userPage >> 12) * 4}
        # Remap table: three pages away from their physical address
        movl $${0x500000 | P | RW | US}, ${LAYOUT.remapTable}
        movl $${0x501000 | P | RW | US}, ${LAYOUT.remapTable + 4}
        movl $${0x600000 | P | US}, ${LAYOUT.remapTable + 8}

        mov $${LAYOUT.directory}, %eax
        mov %eax, %cr3
        mov %cr4, %eax
        or $0x90, %eax                  # PSE | PGE
        mov %eax, %cr4
        mov %cr0, %eax
        or $0x80010000, %eax            # PG | WP
        mov %eax, %cr0
        movl $0x12345678, ${LAYOUT.remapVirtual}   # sets A and D on the first remapped page
        mov ${LAYOUT.remapVirtual + 0x2000}, %eax  # sets A on the read-only one
        mov $0x3F8, %dx
${printOnCom1(READY)}
spin:   jmp spin

isr_default:
        iret
isr_page_fault:
        add $4, %esp
        iret
isr_syscall:
        iret
isr_end:

        .data
        .align 8
gdt:    .quad 0
        .quad 0x00CF9A000000FFFF        # 0x08 kernel code: base 0, limit 4 GiB, execute/read, 32-bit
        .quad 0x00CF92000000FFFF        # 0x10 kernel data
        .quad 0x00CFFA000000FFFF        # 0x18 user code, DPL 3
        .quad 0x00CFF2000000FFFF        # 0x20 user data, DPL 3
        .long ${(LAYOUT.tss << 16) | 0x67}, 0x00008900   # 0x28 32-bit TSS at 0x7000, 104 bytes
gdt_end:
gdt_register:
        .word gdt_end - gdt - 1
        .long gdt
        .align 8
idt:    .fill 256, 8, 0
idt_register:
        .word 256 * 8 - 1
        .long idt
`;

export interface HardwareTestKernel {
  readonly image: Uint8Array;
  /** Addresses of the kernel's labels (from `nm`). */
  readonly symbols: Readonly<Record<string, number>>;
  /** Debug information naming the three interrupt handlers, as the translator would write it for a real kernel. */
  readonly debugInfo: DebugInfo;
}

function symbolTable(image: Uint8Array): Record<string, number> {
  const dir = mkdtempSync(join(tmpdir(), 'hw-kernel-'));
  try {
    writeFileSync(join(dir, 'kernel.elf'), image);
    const lines = execFileSync('nm', [join(dir, 'kernel.elf')], { encoding: 'utf8' }).trim().split('\n');
    return Object.fromEntries(lines.map((line) => line.split(' ')).map(([address, , name]) => [name, parseInt(address, 16)]));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function debugInfoFor(symbols: Record<string, number>): DebugInfo {
  const handler = (index: number, name: string, end: string) => ({ index, name, start: symbols[name], end: symbols[end], file: 0, line: 10 + index });
  return {
    version: 1,
    entry: symbols._start,
    textStart: symbols._start,
    textEnd: symbols.isr_end,
    dataStart: symbols.gdt,
    files: ['hardware-test-kernel.S'],
    functions: [handler(0, 'isr_default', 'isr_page_fault'), handler(1, 'isr_page_fault', 'isr_syscall'), handler(2, 'isr_syscall', 'isr_end')],
    lines: [symbols.isr_default, 0, 0, 10, symbols.isr_page_fault, 0, 0, 11, symbols.isr_syscall, 0, 0, 12],
    globals: [],
    tables: [],
    memory: { base: 0, initialPages: 0, maxPages: 0, sizeVariable: 0 },
    data: [],
    runtime: {},
  };
}

export function hardwareTestKernel(): HardwareTestKernel {
  const image = assembleKernel(BODY);
  const symbols = symbolTable(image);
  return { image, symbols, debugInfo: debugInfoFor(symbols) };
}

export const PAGE_FLAGS = { P, RW, US, PWT, PCD, PS, G } as const;
