/**
 * @fileoverview Builds the AssemblyScript twin of a benchmark kernel: bench/kernels/as/<name>.ts (with the helper
 * modules beside it) → wasm by compileAssemblyScript (runtime `stub`, -O3 unless asked otherwise) → i686
 * Multiboot ELF by our translator. The wasm must be integer-only: a float instruction in a kernel is a bench bug.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { compileAssemblyScript, type AscSource } from '../src/toolchain/asc/compile.js';
import { translate } from '../src/toolchain/translate.js';
import { AS_KERNEL_DIR, REPOSITORY_DIR, type KernelName } from './kernels.js';

/** What the translator takes: a wasm module and, to name source lines in traps, asc's source map. */
export interface WasmModule {
  wasm: Uint8Array;
  sourceMap?: string;
}

export interface CompiledKernel extends WasmModule {
  /** The module as .wat text, for the integer-only check. */
  text: string;
}

/** Every .ts file of bench/kernels/as, named by its path from the repository root (as the source map will). */
async function kernelSources(): Promise<AscSource[]> {
  const files = (await readdir(AS_KERNEL_DIR)).filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'));
  return Promise.all(
    files.map(async (file) => ({
      path: relative(REPOSITORY_DIR, join(AS_KERNEL_DIR, file)).replaceAll('\\', '/'),
      text: await readFile(join(AS_KERNEL_DIR, file), 'utf8'),
    })),
  );
}

/** Compiles kernel `name` with asc; throws with asc's errors, or when the module uses f32/f64. */
export async function compileAsKernel(name: KernelName, optimize: 0 | 1 | 2 | 3 = 3): Promise<CompiledKernel> {
  const entry = relative(REPOSITORY_DIR, join(AS_KERNEL_DIR, `${name}.ts`)).replaceAll('\\', '/');
  const result = await compileAssemblyScript(await kernelSources(), { entry, optimize, runtime: 'stub', emitText: true });
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  if (result.wasm === undefined || result.text === undefined || errors.length > 0) {
    throw new Error(`asc failed on ${entry}: ${errors.map((d) => `${d.file}:${d.line}: ${d.message}`).join('; ')}`);
  }
  const float = /\bf(32|64)\b/.exec(result.text);
  if (float !== null) throw new Error(`${entry} uses ${float[0]}; benchmark kernels must be integer-only`);
  return { wasm: result.wasm, sourceMap: result.sourceMap, text: result.text };
}

/** Translates a module into a Multiboot ELF (the same call the playground and `npm run wasm2elf` make). */
export function translateModule(module: WasmModule): Uint8Array {
  return translate(module.wasm, { sourceMap: module.sourceMap }).elf;
}
