// The behaviour both headless machines promise (v86-node.ts and qemu-node.ts),
// checked with the same hand-assembled guests on each. QEMU is skipped when it
// is not installed.
import { describe, expect, it } from 'vitest';
import { bootInQemu, qemuAvailable } from './qemu-node.js';
import { bootInV86, type BootOptions, type BootResult } from './v86-node.js';
import {
  echoImage,
  haltImage,
  helloImage,
  multibootInfoImage,
  sectionsImage,
  spinImage,
  tripleFaultImage,
} from '../../../test/fixtures/guest-programs.js';

type Boot = (elf: Uint8Array, options?: BootOptions) => Promise<BootResult>;

/** Time allowed beyond a timeout for start-up and shutdown, on a busy two-core machine. */
const TIMEOUT_SLACK_MS = 5000;

describe.each([
  { machine: 'v86', boot: bootInV86 as Boot, present: true },
  { machine: 'QEMU', boot: bootInQemu as Boot, present: qemuAvailable() },
])('$machine', ({ boot, present }) => {
  it.skipIf(!present)('runs a guest that writes COM1 without initialising the UART and exits with 7', async () => {
    const streamed: number[] = [];
    const result = await boot(helloImage(), { onSerial: (byte) => streamed.push(byte) });
    expect(result).toMatchObject({ exitCode: 7, serial: 'Hello\n', timedOut: false });
    expect(result.crash).toBeUndefined();
    expect(Buffer.from(streamed).toString('latin1')).toBe('Hello\n');
  });

  it.skipIf(!present)('loads .rodata and leaves .bss zeroed', async () => {
    expect(await boot(sectionsImage())).toMatchObject({ exitCode: 0, serial: 'rodata ok\nZ\n' });
  });

  it.skipIf(!present)('enters with the Multiboot magic, an info struct and the command line', async () => {
    const result = await boot(multibootInfoImage(), { cmdline: 'hello world' });
    expect(result).toMatchObject({ exitCode: 0, serial: 'Mm[kernel.elf hello world]\n' });
  });

  it.skipIf(!present)('types serial input into COM1', async () => {
    expect(await boot(echoImage(), { serialInput: 'abc\nnot read' })).toMatchObject({ exitCode: 3, serial: 'abc\n' });
  });

  it.skipIf(!present)('stops a spinning guest at the timeout', async () => {
    // QEMU's time includes its firmware's start-up: leave the guest time to print.
    const result = await boot(spinImage(), { timeoutMs: 2000 });
    expect(result).toMatchObject({ exitCode: null, timedOut: true, serial: 'spin\n' });
    expect(result.wallMs).toBeGreaterThanOrEqual(2000);
    expect(result.wallMs).toBeLessThan(2000 + TIMEOUT_SLACK_MS);
  });

  it.skipIf(!present)('stops a halted guest at the timeout', async () => {
    const result = await boot(haltImage(), { timeoutMs: 300 });
    expect(result).toMatchObject({ exitCode: null, timedOut: true, serial: '' });
    expect(result.wallMs).toBeLessThan(300 + TIMEOUT_SLACK_MS);
  });

  it.skipIf(!present)('reports a triple fault as a crash, with the output before it', async () => {
    const result = await boot(tripleFaultImage(), { timeoutMs: 5000 });
    expect(result).toMatchObject({ exitCode: null, timedOut: false, serial: 'T' });
    expect(result.crash).toMatch(/v86 stopped: .*Unimplemented|QEMU stopped .*reset/);
  });

  it.skipIf(!present)('refuses an image without a Multiboot header', async () => {
    await expect(boot(new Uint8Array(64))).rejects.toThrow(/not a Multiboot image/);
  });
});
