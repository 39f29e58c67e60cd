/**
 * Compiles the real kernel (src/kernel/) with the kernel build options at -O0
 * (the playground's default) and -O3 (`npm run kernel`) and checks what the
 * translator relies on: no diagnostics, only known CPU intrinsics imported,
 * no floats, `_start` exported, static data above the introspection page.
 * The kernel's behaviour is tested booted in v86 and QEMU (test/kernel/).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { isKnownImport } from '../compiler/intrinsics.js';
import { compileAssemblyScript, type AscResult } from './compile.js';
import { KERNEL_MEMORY_BASE, kernelAscOptions } from './kernel-build.js';
import { readAscSources } from './kernel-sources-node.js';

/** The introspection descriptor's page (docs/kernel-abi.md); static data must not overlap it. */
const DESCRIPTOR_PAGE = 0x400000;

describe('kernel build', () => {
  for (const optimize of [0, 3] as const) {
    describe(`at -O${optimize}`, () => {
      let result: AscResult;
      beforeAll(async () => {
        result = await compileAssemblyScript(readAscSources(), { ...kernelAscOptions(optimize), emitText: true });
      });

      it('compiles without diagnostics, importing only CPU intrinsics and using no floats', () => {
        expect(result.diagnostics).toEqual([]);
        const module = new WebAssembly.Module(result.wasm!);
        const imports = WebAssembly.Module.imports(module);
        expect(imports.length).toBeGreaterThan(10);
        for (const { module: from, name } of imports) {
          expect(from, name).toBe('x86');
          expect(isKnownImport(from, name), `x86.${name} is an intrinsic`).toBe(true);
        }
        expect(WebAssembly.Module.exports(module).map((e) => e.name)).toEqual(
          expect.arrayContaining(['_start', 'interrupt_handler', 'trap_handler']),
        );
        expect(result.text).not.toMatch(/\bf(32|64)\b/);
      });

      it('places static data above the introspection descriptor page', () => {
        const addresses = [...result.text!.matchAll(/\(data \S+ \(i32\.const (\d+)\)/g)].map((m) => Number(m[1]));
        expect(addresses.length).toBeGreaterThan(0);
        expect(KERNEL_MEMORY_BASE).toBeGreaterThanOrEqual(DESCRIPTOR_PAGE + 0x1000);
        expect(Math.min(...addresses)).toBeGreaterThanOrEqual(KERNEL_MEMORY_BASE);
      });
    });
  }
});
