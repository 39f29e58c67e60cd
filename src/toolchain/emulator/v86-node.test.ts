// What v86-node.ts does beyond the shared machine contract (boot.test.ts):
// it keeps v86 quiet, cleans up after itself and compiles v86.wasm once.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { bootInV86, compiledV86Module } from './v86-node.js';
import { echoImage, haltImage, helloImage, TEXT_ADDRESS, tripleFaultImage } from '../../../test/fixtures/guest-programs.js';

describe('bootInV86', () => {
  afterEach(() => vi.restoreAllMocks());

  it('prints nothing to the console on exit, timeout or crash', async () => {
    const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((level) => vi.spyOn(console, level));
    await bootInV86(helloImage());
    await bootInV86(haltImage(), { timeoutMs: 200 });
    const crashed = await bootInV86(tripleFaultImage());
    expect(crashed.crash).toContain('Unimplemented: #GP handler');
    for (const spy of spies) expect(spy).not.toHaveBeenCalled();
  });

  it('returns within milliseconds of the exit, though the guest then halts (v86 would idle 100 ms)', async () => {
    let lastByteAt = 0;
    await bootInV86(helloImage(), { onSerial: () => (lastByteAt = performance.now()) });
    expect(performance.now() - lastByteAt).toBeLessThan(50);
  });

  it('counts the guest instructions', async () => {
    // mov dx; 6 × (mov al; out); mov al; out 0xf4; cli; hlt
    expect((await bootInV86(helloImage())).instructions).toBe(1 + 6 * 2 + 2 + 2);
  });

  it('compiles v86.wasm once per process', async () => {
    expect(compiledV86Module()).toBe(compiledV86Module());
    expect(await compiledV86Module()).toBeInstanceOf(WebAssembly.Module);
  });
});

describe('bootInV86 with a conversation', () => {
  it('types into COM1, waits for the answer, reads memory and ends the run when the conversation is over', async () => {
    let firstCodeBytes: Uint8Array = new Uint8Array();
    const result = await bootInV86(echoImage(), {
      timeoutMs: 10_000,
      interact: async (guest) => {
        guest.send('ab');
        await guest.waitFor('ab');
        firstCodeBytes = guest.readMemory(TEXT_ADDRESS, 4);
      },
    });
    expect(result.serial.startsWith('ab')).toBe(true);
    expect(result.timedOut).toBe(false);
    expect(result.interactionError).toBeUndefined();
    expect([...firstCodeBytes]).toEqual([0x66, 0xba, 0xfd, 0x03]); // mov dx, 0x3fd: the image's code in guest memory
  });

  it('reports what a conversation waited for in vain', async () => {
    const result = await bootInV86(haltImage(), {
      timeoutMs: 10_000,
      interact: (guest) => guest.waitFor('never', { timeoutMs: 300 }).then(() => undefined),
    });
    expect(result.interactionError).toBe('COM1 did not show never within 300 ms');
  });
});
