/**
 * Kernel code that does float arithmetic is refused by the translator with a
 * diagnostic naming the instruction, the function and the TypeScript line
 * (through asc's source map), and asc's own errors come back as file:line:column.
 */
import { describe, expect, it } from 'vitest';
import { compileAssemblyScript } from '../../src/toolchain/asc/compile.js';
import { translate } from '../../src/toolchain/translate.js';

const SOURCE = `
let ticks: i32 = 3;

export function average(total: i32): i32 {
  const mean = <f64>total / <f64>ticks;
  return <i32>mean;
}

export function _start(): void {
  ticks = average(12);
}
`;

describe('float arithmetic in AssemblyScript', () => {
  it('is refused with the instruction, the function and the .ts line', async () => {
    const compiled = await compileAssemblyScript([{ path: 'main.ts', text: SOURCE }], { entry: 'main.ts', optimize: 0, runtime: 'stub' });
    expect(compiled.wasm).toBeDefined();
    expect(() => translate(compiled.wasm!, { sourceMap: compiled.sourceMap })).toThrow(
      /float instruction f64\.\w+ in function main\/average \(main\.ts:5\)/,
    );
  });

  it('asc errors are file:line:column diagnostics', async () => {
    const compiled = await compileAssemblyScript([{ path: 'main.ts', text: 'export function _start(): void { undefinedThing(); }' }], { entry: 'main.ts' });
    expect(compiled.wasm).toBeUndefined();
    expect(compiled.diagnostics).toContainEqual(expect.objectContaining({ file: 'main.ts', line: 1, column: 34, severity: 'error' }));
  });
});
