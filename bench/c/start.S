/*
 * @fileoverview Entry of the C benchmark images: a Multiboot-1 header, a 64 KiB stack and a call to main().
 * The bootloader (v86's multiboot loader or QEMU's -kernel) jumps to _start in 32-bit protected mode with
 * paging off; main() returns its exit code, which bench_exit() reports through the debug-exit port.
 */
#define MULTIBOOT_MAGIC 0x1BADB002
#define MULTIBOOT_FLAGS 0x00000003 /* page-align modules, provide the memory map */

        .section .multiboot, "a"
        .align 4
        .long MULTIBOOT_MAGIC
        .long MULTIBOOT_FLAGS
        .long -(MULTIBOOT_MAGIC + MULTIBOOT_FLAGS)

        .section .bss
        .align 16
stack_bottom:
        .skip 65536
stack_top:

        .section .text
        .global _start
_start:
        mov $stack_top, %esp
        call main
        push %eax
        call bench_exit

        /* No executable stack wanted: silences the linker's warning. */
        .section .note.GNU-stack, "", @progbits
