/**
 * The differential test: every program, compiled at -O0 and -O3, must print
 * exactly the same bytes and exit with the same code when translated to x86
 * and booted in v86 as it does in Node's V8 — and, where QEMU is installed,
 * the same image must print the same in QEMU (a second, independent machine).
 */
import { describe, expect, it } from 'vitest';
import { OPTIMIZE_LEVELS, PROGRAMS, compileProgram } from './programs.js';
import { runInV8 } from './v8-run.js';
import { translate } from '../../src/toolchain/translate.js';
import { bootInV86 } from '../../src/toolchain/emulator/v86-node.js';
import { bootInQemu, qemuAvailable } from '../../src/toolchain/emulator/qemu-node.js';

const BOOT_TIMEOUT_MS = 60_000;

describe.each(PROGRAMS)('program $name translated to x86', ({ name, exitCode }) => {
  it.each(OPTIMIZE_LEVELS)('prints what V8 prints, at -O%i, in v86 and QEMU', async (optimize) => {
    const compiled = await compileProgram(name, optimize);
    const reference = await runInV8(compiled.wasm!, compiled.sourceMap);
    expect(reference.exitCode).toBe(exitCode);

    const image = translate(compiled.wasm!, { sourceMap: compiled.sourceMap }).elf;
    const v86 = await bootInV86(image, { timeoutMs: BOOT_TIMEOUT_MS });
    expect(v86.serial).toBe(reference.output);
    expect(v86.exitCode).toBe(reference.exitCode);

    if (!qemuAvailable()) return;
    const qemu = await bootInQemu(image, { timeoutMs: BOOT_TIMEOUT_MS });
    expect(qemu.serial).toBe(reference.output);
    expect(qemu.exitCode).toBe(reference.exitCode);
  });
});
