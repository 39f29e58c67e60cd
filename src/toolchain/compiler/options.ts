/**
 * @fileoverview Translation options and the image's fixed memory layout.
 *
 * Pipeline place: read by `translate.ts` and by every compiler part that needs
 * an address (the boot stack, the runtime's variables, the linear memory).
 *
 * Physical layout of an image (all addresses fixed before code is emitted, so
 * the single pass can use absolute addresses everywhere):
 *
 *   0x0010_0ff4  .multiboot header (the image writer puts it just below .stack)
 *   0x0010_1000  .stack   boot stack (bss), `stackSize` bytes
 *   after stack  .data    runtime variables, wasm globals, tables (RW)
 *   after data   .text    runtime routines, compiled functions, read-only data
 *   memoryBase   wasm linear memory (address 0 of the module's memory)
 */

export type FloatPolicy = 'error' | 'stub';

export interface TranslateOptions {
  /** Physical address of linear-memory address 0. Kernels use 0 (wasm address = physical address). */
  memoryBase?: number;
  /** Upper bound on linear memory growth, in 64 KiB pages. */
  maxMemoryPages?: number;
  /** Check every load and store against the memory size (the spec tests' mode). */
  boundsChecks?: boolean;
  /** 'error' refuses float instructions; 'stub' compiles functions that use floats into a trap. */
  floatPolicy?: FloatPolicy;
  /** asc's source map (JSON text), to name TypeScript lines in traps and in the debug info. */
  sourceMap?: string;
  /** Boot stack size in bytes. */
  stackSize?: number;
  /** Maximum number of entries any table can grow to. */
  maxTableSize?: number;
}

export interface ResolvedOptions {
  memoryBase: number;
  maxMemoryPages: number;
  boundsChecks: boolean;
  floatPolicy: FloatPolicy;
  stackSize: number;
  maxTableSize: number;
}

export const IMAGE_BASE = 0x0010_0000;
export const STACK_BASE = 0x0010_1000;
/** Keep this much stack free below the exhaustion limit so a trap can still be reported. */
export const STACK_GUARD = 0x4000;
export const PAGE_SIZE = 0x1_0000;

export function resolveOptions(options: TranslateOptions = {}): ResolvedOptions {
  return {
    memoryBase: options.memoryBase ?? 0x0100_0000,
    maxMemoryPages: options.maxMemoryPages ?? 1024,
    boundsChecks: options.boundsChecks ?? false,
    floatPolicy: options.floatPolicy ?? 'error',
    stackSize: options.stackSize ?? 0x10_0000,
    maxTableSize: options.maxTableSize ?? 1024,
  };
}

export function alignUp(value: number, alignment: number): number {
  return Math.ceil(value / alignment) * alignment;
}
