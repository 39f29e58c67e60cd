import { describe, expect, it } from 'vitest';
import { compileAssemblyScript } from '../../src/toolchain/asc/compile.js';
import { TRAP_EXIT_CODE, runInV8 } from './v8-run.js';

const PUTC = '@external("env", "putc") declare function putc(c: i32): void;\n';
const EXIT = '@external("env", "exit") declare function exit(code: i32): void;\n';

async function compile(text: string): Promise<{ wasm: Uint8Array; sourceMap?: string }> {
  const result = await compileAssemblyScript([{ path: 'main.ts', text }], { entry: 'main.ts', runtime: 'stub' });
  expect(result.diagnostics).toEqual([]);
  return { wasm: result.wasm!, sourceMap: result.sourceMap };
}

describe('runInV8', () => {
  it('collects putc bytes and stops at exit with its code', async () => {
    const { wasm } = await compile(`${PUTC}${EXIT}export function _start(): void {\n  putc(0x68); putc(0x69); exit(7); putc(0x21);\n}\n`);
    expect(await runInV8(wasm)).toEqual({ output: 'hi', exitCode: 7 });
  });

  it('runs the start function (top-level code) before _start', async () => {
    const { wasm } = await compile(`${PUTC}putc(0x41);\nexport function _start(): void {\n  putc(0x42);\n}\n`);
    expect(await runInV8(wasm)).toEqual({ output: 'AB', exitCode: 0 });
  });

  it('names the trapping function, and its line only when given the source map', async () => {
    const { wasm, sourceMap } = await compile(`export function _start(): void {\n  unreachable();\n}\n`);
    expect(await runInV8(wasm)).toEqual({ output: 'trap: unreachable in main/_start\n', exitCode: TRAP_EXIT_CODE });
    expect((await runInV8(wasm, sourceMap)).output).toBe('trap: unreachable in main/_start (main.ts:2)\n');
  });

  it('prints the null strings of a bare abort() as "null"', async () => {
    // An explicit abort() passes no message, no file and line 0, column 0.
    const { wasm } = await compile(`export function _start(): void {\n  abort();\n}\n`);
    expect(await runInV8(wasm)).toEqual({ output: 'abort: null in null:0:0\n', exitCode: TRAP_EXIT_CODE });
  });
});
