/**
 * @fileoverview Builds the C twin of a benchmark kernel into a freestanding Multiboot-1 ELF with the host's gcc:
 * bench/kernels/c/<name>.c linked with bench/c/ (Multiboot header and stack, COM1 and exit port, main()), at
 * 1 MiB by bench/c/link.ld. The image goes to a temporary folder the caller owns; nothing is committed.
 */
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { C_KERNEL_DIR, C_SUPPORT_DIR, type KernelName } from './kernels.js';

const run = promisify(execFile);

/** The reference compiler settings: optimised 32-bit code, no libc, no PIC, no stack protector. */
export const GCC_FLAGS = [
  '-O2',
  '-m32',
  '-ffreestanding',
  '-fno-pic',
  '-fno-stack-protector',
  '-nostdlib',
  '-static',
  '-no-pie',
  `-Wl,-T,${join(C_SUPPORT_DIR, 'link.ld')}`,
  '-Wl,--build-id=none',
];

const SUPPORT_SOURCES = ['start.S', 'io.c', 'main.c'];

/** Compiles and links kernel `name` into `<outDir>/<name>-c.elf` and returns the ELF; gcc's errors are thrown. */
export async function buildCImage(name: KernelName, outDir: string): Promise<Uint8Array> {
  const path = join(outDir, `${name}-c.elf`);
  const sources = [...SUPPORT_SOURCES.map((file) => join(C_SUPPORT_DIR, file)), join(C_KERNEL_DIR, `${name}.c`)];
  await run('gcc', [...GCC_FLAGS, '-Wall', '-Wextra', '-Werror', `-I${C_SUPPORT_DIR}`, '-o', path, ...sources]);
  return new Uint8Array(await readFile(path));
}
