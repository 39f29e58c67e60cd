// The `npm run boot` command (src/toolchain/cli/boot.ts), run as a real
// process: raw guest bytes on stdout, the guest's exit code as its status.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { qemuAvailable } from './qemu-node.js';
import { printImage, spinImage, tripleFaultImage } from '../../../test/fixtures/guest-programs.js';

const directory = mkdtempSync(join(tmpdir(), 'boot-cli-test-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

function file(name: string, bytes: Uint8Array): string {
  const path = join(directory, name);
  writeFileSync(path, bytes);
  return path;
}

/** `npm run boot -- …` is `tsx src/toolchain/cli/boot.ts …`; node --import tsx is that in one process. */
function boot(...args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'src/toolchain/cli/boot.ts', ...args], { timeout: 60_000 });
}

/** Bytes no text encoding would pass through unchanged. */
const RAW = [0x00, 0x80, 0xff, 0x0a, 0xc3, 0x28, 0x48];

describe('npm run boot', () => {
  const raw = file('raw.elf', printImage(RAW, 42));

  it('copies the guest COM1 bytes to stdout unchanged and exits with the guest exit code', () => {
    const { stdout, stderr, status } = boot(raw);
    expect([...stdout]).toEqual(RAW);
    expect(stderr.toString()).toBe('');
    expect(status).toBe(42);
  });

  it.skipIf(!qemuAvailable())('does the same in QEMU with --qemu', () => {
    const { stdout, status } = boot(raw, '--qemu');
    expect([...stdout]).toEqual(RAW);
    expect(status).toBe(42);
  });

  it('exits with 124 on a timeout, keeping what the guest printed', () => {
    const { stdout, stderr, status } = boot(file('spin.elf', spinImage()), '--timeout-ms', '300');
    expect(stdout.toString()).toBe('spin\n');
    expect(stderr.toString()).toBe('boot: timed out after 300 ms\n');
    expect(status).toBe(124);
  });

  it('exits with 125 when the machine dies without an exit code', () => {
    const { stdout, stderr, status } = boot(file('fault.elf', tripleFaultImage()));
    expect(stdout.toString()).toBe('T');
    expect(stderr.toString()).toMatch(/^boot: v86 stopped: .*#GP handler\n$/);
    expect(status).toBe(125);
  });

  it('says in one line on stderr, with status 2, when the image is missing or not an ELF', () => {
    const missing = boot(join(directory, 'missing.elf'));
    expect(missing.stderr.toString()).toMatch(/^boot: cannot read .*missing\.elf: no such file\n$/);
    expect(missing.status).toBe(2);
    const text = boot(file('text.elf', new TextEncoder().encode('hello')));
    expect(text.stderr.toString()).toMatch(/^boot: .*text\.elf is not an ELF file\n$/);
    expect(text.status).toBe(2);
  });
});
