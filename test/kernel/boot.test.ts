/**
 * The real kernel image, built as `npm run kernel` builds it (asc → translator
 * → Multiboot ELF), boots in v86 and in QEMU: banner on COM1, the VGA text on
 * screen memory, and the exit through port 0xf4 when the command line asks.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { compileAssemblyScript } from '../../src/toolchain/asc/compile.js';
import { KERNEL_TRANSLATE_OPTIONS, kernelAscOptions } from '../../src/toolchain/asc/kernel-build.js';
import { readAscSources } from '../../src/toolchain/asc/kernel-sources-node.js';
import { translate } from '../../src/toolchain/translate.js';
import { bootInV86 } from '../../src/toolchain/emulator/v86-node.js';
import { bootInQemu, qemuAvailable } from '../../src/toolchain/emulator/qemu-node.js';

const BANNER = 'eduOS-ts 0.1.0 booting\nHello from eduOS-ts!\n';
let image: Uint8Array;

beforeAll(async () => {
  const compiled = await compileAssemblyScript(readAscSources(), kernelAscOptions(3));
  image = translate(compiled.wasm!, { ...KERNEL_TRANSLATE_OPTIONS, sourceMap: compiled.sourceMap }).elf;
});

describe('the eduOS-ts image', () => {
  it('boots in v86, prints the banner and exits with 0 when the command line says exit', async () => {
    const result = await bootInV86(image, { cmdline: 'exit', timeoutMs: 20_000 });
    expect(result.serial.startsWith(BANNER)).toBe(true);
    expect(result.exitCode).toBe(0);
  });

  it('stays up (at the shell prompt, not exited) without the exit word', async () => {
    const result = await bootInV86(image, { timeoutMs: 6_000 });
    expect(result.serial.startsWith(BANNER)).toBe(true);
    expect(result.serial).toContain('eduos> ');
    expect(result.timedOut).toBe(true);
  });

  it.runIf(qemuAvailable())('boots in QEMU with the same output', async () => {
    const result = await bootInQemu(image, { cmdline: 'exit', timeoutMs: 30_000 });
    expect(result.serial.startsWith(BANNER)).toBe(true);
    expect(result.exitCode).toBe(0);
  });
});
