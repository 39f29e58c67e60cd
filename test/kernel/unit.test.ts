/**
 * The in-kernel unit tests (src/kernel/tests/): the boot option `test=unit`
 * runs them inside the real kernel, which prints `[ok]`/`[failed]` per test
 * and exits through port 0xf4 with 0 only if all passed. Booted in v86 and,
 * where installed, in QEMU.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { bootInV86 } from '../../src/toolchain/emulator/v86-node.js';
import { bootInQemu, qemuAvailable } from '../../src/toolchain/emulator/qemu-node.js';
import { kernelImage } from './kernel-image.js';

let image: Uint8Array;

beforeAll(async () => {
  image = await kernelImage();
});

/** Checks a unit-test run's transcript and returns the names of the tests that passed. */
function passedTests(serial: string): string[] {
  expect(serial).not.toContain('[failed]');
  expect(serial).toMatch(/unit: \d+ passed, 0 failed/);
  return [...serial.matchAll(/^\[ok\] (.+)$/gm)].map((match) => match[1]);
}

describe('the in-kernel unit tests', () => {
  it('all pass in v86 and the run exits with 0', async () => {
    const result = await bootInV86(image, { cmdline: 'test=unit', timeoutMs: 60_000 });
    const passed = passedTests(result.serial);
    expect(passed.length).toBeGreaterThanOrEqual(15);
    expect(passed).toContain('introspection: events advance the write index');
    expect(result.exitCode).toBe(0);
  });

  it.runIf(qemuAvailable())('all pass in QEMU too', async () => {
    const result = await bootInQemu(image, { cmdline: 'test=unit', timeoutMs: 60_000 });
    expect(passedTests(result.serial).length).toBeGreaterThanOrEqual(15);
    expect(result.exitCode).toBe(0);
  });
});
