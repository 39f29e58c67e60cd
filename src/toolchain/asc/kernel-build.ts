/**
 * @fileoverview How the kernel (src/kernel/) is compiled: its entry file and
 * asc options. Shared by the Node CLI (build-kernel) and the playground, which
 * gathers the kernel sources its own way and passes them to
 * compileAssemblyScript with these options.
 */
import type { AscOptions } from './compile.js';

/** The kernel's entry file, relative to src/kernel/. */
export const KERNEL_ENTRY = 'main.ts';

/**
 * The translator maps wasm address N to physical address N for the kernel;
 * its code and boot stack take 1 MiB..4 MiB. The page at 4 MiB holds the
 * introspection descriptor (docs/kernel-abi.md), so the kernel's static data
 * starts one page above it.
 */
export const KERNEL_MEMORY_BASE = 0x401000;

/**
 * The kernel brings its own runtime, src/kernel/mm/runtime.ts: asc's TLSF
 * allocator and a mark & sweep collector whose roots include every task's
 * shadow stack (asc's own collectors know only one shadow stack, which cannot
 * follow the kernel's stack switches).
 */
export function kernelAscOptions(optimize: AscOptions['optimize'] = 3): AscOptions {
  // --exportTable keeps the function table even when no call_indirect uses it: `initial_context` starts a task
  // at a table index (`fn.index`).
  return { entry: KERNEL_ENTRY, optimize, runtime: 'mm/runtime', memoryBase: KERNEL_MEMORY_BASE, extraArgs: ['--exportTable', '--use', 'abort=arch/x86/panic/kernelAbort'] };
}

/**
 * Options for a small test kernel (test/intrinsics/) at `entry`: the kernel's
 * memory layout and exported table, but asc's `stub` runtime (a bump
 * allocator, no collector), since such a kernel has no mm/runtime.ts.
 */
export function bareKernelAscOptions(entry: string, optimize: AscOptions['optimize'] = 3): AscOptions {
  return { entry, optimize, runtime: 'stub', memoryBase: KERNEL_MEMORY_BASE, extraArgs: ['--exportTable'] };
}

/**
 * How the translator builds the kernel image: wasm address N is physical
 * address N (so `store<u16>(0xB8000, …)` reaches the VGA buffer), linear
 * memory may grow to 32 MiB (the kernel heap; frames above belong to the frame
 * allocator), and accesses are not bounds-checked (the kernel
 * owns all of memory).
 */
export const KERNEL_TRANSLATE_OPTIONS = { memoryBase: 0, maxMemoryPages: 512, boundsChecks: false } as const;
