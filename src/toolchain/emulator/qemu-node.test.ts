// What qemu-node.ts adds to the shared machine contract (boot.test.ts): reading
// the guest's exit code out of QEMU's exit status.
import { describe, expect, it } from 'vitest';
import { guestExitCode } from './qemu-node.js';

describe('guestExitCode', () => {
  it('undoes isa-debug-exit, which exits QEMU with (code << 1) | 1', () => {
    expect(guestExitCode((7 << 1) | 1)).toBe(7);
    expect(guestExitCode(1)).toBe(0);
    expect(guestExitCode(255)).toBe(127);
  });

  it('has no guest exit code for an even status (QEMU stopped on its own, e.g. a reset under -no-reboot)', () => {
    expect(guestExitCode(0)).toBeNull();
    expect(guestExitCode(2)).toBeNull();
  });
});
