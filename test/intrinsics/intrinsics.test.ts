/**
 * The CPU intrinsics, the 256 interrupt entry stubs, the interrupt frame and
 * the task switch, exercised by a real test kernel (cpu-test.ts) translated in
 * kernel mode and booted in v86 and QEMU.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { compileAssemblyScript } from '../../src/toolchain/asc/compile.js';
import { KERNEL_TRANSLATE_OPTIONS, bareKernelAscOptions } from '../../src/toolchain/asc/kernel-build.js';
import { translate } from '../../src/toolchain/translate.js';
import { bootInV86 } from '../../src/toolchain/emulator/v86-node.js';
import { bootInQemu, qemuAvailable } from '../../src/toolchain/emulator/qemu-node.js';

const EXPECTED = [
  'cr0.PE 1',
  'rdtsc advances yes',
  'cr4 readable yes',
  'gdt loaded',
  'int 0x30: vector 48 error 0 cs 8 eip yes',
  'int 3: vector 3',
  'interrupts on yes',
  'timer ticked yes, registers kept yes',
  'interrupts off yes',
  'keyboard status port yes',
  'task running on its own stack: yes',
  'back in main, task got 42',
  '',
].join('\n');

let image: Uint8Array;

beforeAll(async () => {
  const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');
  const compiled = await compileAssemblyScript(
    [
      { path: 'cpu-test.ts', text: read('./cpu-test.ts') },
      { path: 'intrinsics.ts', text: read('../../src/kernel/arch/x86/intrinsics.ts') },
      { path: 'descriptor-tables.ts', text: read('./descriptor-tables.ts') },
    ],
    bareKernelAscOptions('cpu-test.ts', 3),
  );
  expect(compiled.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  image = translate(compiled.wasm!, { ...KERNEL_TRANSLATE_OPTIONS, sourceMap: compiled.sourceMap }).elf;
});

describe('CPU intrinsics, interrupts and the task switch', () => {
  it('behave as expected in v86', async () => {
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
