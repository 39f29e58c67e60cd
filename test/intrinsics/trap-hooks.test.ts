/**
 * The kernel-trap hooks (docs/intrinsics.md, "Kernel traps"): a kernel's
 * exported trap_handler gets translator traps with the function and source
 * line, set_stack_limit moves the stack-exhaustion check to a task's stack,
 * and source_table() names the function and line of an EIP. Exercised by
 * trap-test.ts, translated in kernel mode and booted in v86 and QEMU.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { compileAssemblyScript } from '../../src/toolchain/asc/compile.js';
import { KERNEL_TRANSLATE_OPTIONS, bareKernelAscOptions } from '../../src/toolchain/asc/kernel-build.js';
import { translate } from '../../src/toolchain/translate.js';
import { bootInV86 } from '../../src/toolchain/emulator/v86-node.js';
import { bootInQemu, qemuAvailable } from '../../src/toolchain/emulator/qemu-node.js';

const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');
const source = read('./trap-test.ts');
const lineOf = (marker: string) => source.split('\n').findIndex((l) => l.includes(marker)) + 1;

const EXPECTED = [
  `int 3 at trap-test/breakHere (trap-test.ts:${lineOf('BREAKPOINT LINE')})`,
  `trap 1 in trap-test/divide (trap-test.ts:${lineOf('DIVIDE LINE')})`,
  'back after divide',
  'depth 10',
  `trap 6 in trap-test/recurse (trap-test.ts:${lineOf('RECURSE LINE')})`,
  'back after recursion, limit restored yes',
  '',
].join('\n');

let image: Uint8Array;

beforeAll(async () => {
  const compiled = await compileAssemblyScript(
    [
      { path: 'trap-test.ts', text: source },
      { path: 'intrinsics.ts', text: read('../../src/kernel/arch/x86/intrinsics.ts') },
      { path: 'descriptor-tables.ts', text: read('./descriptor-tables.ts') },
    ],
    bareKernelAscOptions('trap-test.ts', 0),
  );
  expect(compiled.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  image = translate(compiled.wasm!, { ...KERNEL_TRANSLATE_OPTIONS, sourceMap: compiled.sourceMap }).elf;
});

describe('kernel trap hooks', () => {
  it('report traps, stack exhaustion and source lines through the kernel in v86', async () => {
    const result = await bootInV86(image, { timeoutMs: 30_000 });
    expect(result.serial).toBe(EXPECTED);
    expect(result.exitCode).toBe(0);
  });

  it.runIf(qemuAvailable())('behave the same in QEMU', async () => {
    const result = await bootInQemu(image, { timeoutMs: 30_000 });
    expect(result.serial).toBe(EXPECTED);
    expect(result.exitCode).toBe(0);
  });
});
