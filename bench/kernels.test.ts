// The benchmark kernels on real parts: asc + V8 gives the AssemblyScript twin's checksum without our translator;
// the C twin (gcc) in QEMU and in v86 and the translated AssemblyScript twin in v86 must all print it, or the speed
// comparison compares different work (or wrong code).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootInQemu } from '../src/toolchain/emulator/qemu-node.js';
import { bootInV86 } from '../src/toolchain/emulator/v86-node.js';
import { runWasmInHost } from './as-reference.js';
import { compileAsKernel, translateModule } from './build-as.js';
import { buildCImage } from './build-c.js';
import { KERNEL_NAMES } from './kernels.js';
import { parseResultLine } from './result-line.js';

const TIMEOUT_MS = 60_000;

let outDir: string;
beforeAll(async () => {
  outDir = await mkdtemp(join(tmpdir(), 'bench-test-'));
});
afterAll(async () => {
  await rm(outDir, { recursive: true, force: true });
});

describe.each(KERNEL_NAMES)('kernel %s', (name) => {
  it('AssemblyScript in V8, C in QEMU, C in v86 and translated AssemblyScript in v86 print the same checksum', async () => {
    const kernel = await compileAsKernel(name);
    expect(kernel.text).not.toMatch(/\bf(32|64)\b/);
    const reference = parseResultLine(await runWasmInHost(kernel.wasm));
    expect(reference?.name).toBe(name);

    const translated = await bootInV86(translateModule(kernel), { timeoutMs: TIMEOUT_MS });
    expect(translated.exitCode).toBe(0);
    expect(parseResultLine(translated.serial)).toMatchObject({ name, check: reference!.check });

    const image = await buildCImage(name, outDir);
    const qemu = await bootInQemu(image, { timeoutMs: TIMEOUT_MS });
    expect(qemu.exitCode).toBe(0);
    expect(parseResultLine(qemu.serial)).toMatchObject({ name, check: reference!.check });

    const v86 = await bootInV86(image, { timeoutMs: TIMEOUT_MS });
    expect(v86.exitCode).toBe(0);
    expect(parseResultLine(v86.serial)).toMatchObject({ name, check: reference!.check });
    expect(parseResultLine(v86.serial)!.cycles).toBeGreaterThan(0);
  });
});
