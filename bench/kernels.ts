/**
 * @fileoverview The benchmark kernels and where their sources live. Each kernel exists twice, as the same
 * algorithm: bench/kernels/as/<name>.ts (AssemblyScript, translated wasm → x86 by our toolchain) and
 * bench/kernels/c/<name>.c (gcc -O2 -m32, linked with bench/c/). build-as.ts and build-c.ts turn them into
 * Multiboot images; run.ts compares the two.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const KERNEL_NAMES = ['crc32', 'matmul', 'sieve', 'sort', 'hash64'] as const;
export type KernelName = (typeof KERNEL_NAMES)[number];

/** The bench/ folder, whatever the working directory. */
export const BENCH_DIR = dirname(fileURLToPath(import.meta.url));
export const REPOSITORY_DIR = dirname(BENCH_DIR);

export const AS_KERNEL_DIR = join(BENCH_DIR, 'kernels', 'as');
export const C_KERNEL_DIR = join(BENCH_DIR, 'kernels', 'c');
/** start.S, io.c, main.c and link.ld: what every C kernel is linked with. */
export const C_SUPPORT_DIR = join(BENCH_DIR, 'c');

export function isKernelName(name: string): name is KernelName {
  return (KERNEL_NAMES as readonly string[]).includes(name);
}
