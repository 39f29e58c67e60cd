// The page's copy of the machine's hardware: reads across page boundaries match the RAM they were copied from,
// pages not sent read as 0 and are listed, reads past the end of RAM read 0 without a miss; the watch list grows
// with misses and keeps to its limit.
import { describe, expect, it } from 'vitest';
import type { CpuState } from '../../decoders/cpu-state.js';
import type { Hardware } from '../hardware.js';
import { HardwareMirror, PAGE_BYTES, pagesSpanned, snapshotOf, WatchedPages } from './hardware-mirror.js';

const RAM_BYTES = 8 * PAGE_BYTES;
const ram = Uint8Array.from({ length: RAM_BYTES }, (_, i) => (i * 7 + (i >> 12)) & 0xff);
const CPU = { eip: 0x1234 } as CpuState;
const hardware: Hardware = {
  cpu: () => CPU,
  readPhysical: (address, length) => {
    const bytes = new Uint8Array(length);
    bytes.set(ram.subarray(Math.min(address, RAM_BYTES), Math.min(address + length, RAM_BYTES)));
    return bytes;
  },
  memoryBytes: RAM_BYTES,
};

describe('HardwareMirror', () => {
  it('reads what the machine holds, across page boundaries, from the pages it was sent', () => {
    const mirror = new HardwareMirror(snapshotOf(hardware, [1, 2, 3]));
    expect(mirror.cpu()).toBe(CPU);
    expect(mirror.memoryBytes).toBe(RAM_BYTES);
    expect(mirror.readPhysical(PAGE_BYTES - 10 + PAGE_BYTES, 40)).toEqual(hardware.readPhysical(2 * PAGE_BYTES - 10, 40));
    expect(mirror.readPhysical(PAGE_BYTES, 3 * PAGE_BYTES)).toEqual(hardware.readPhysical(PAGE_BYTES, 3 * PAGE_BYTES));
    expect(mirror.missingPages()).toEqual([]);
  });

  it('reads pages it was not sent as 0 and lists them; past the end of RAM reads 0 with nothing missing', () => {
    const mirror = new HardwareMirror(snapshotOf(hardware, [1]));
    const bytes = mirror.readPhysical(PAGE_BYTES - 2, PAGE_BYTES + 4);
    expect([...bytes.subarray(0, 2)]).toEqual([0, 0]); // page 0: not sent
    expect(bytes.subarray(2, PAGE_BYTES + 2)).toEqual(ram.subarray(PAGE_BYTES, 2 * PAGE_BYTES));
    expect([...bytes.subarray(PAGE_BYTES + 2)]).toEqual([0, 0]); // page 2: not sent
    expect(mirror.missingPages()).toEqual([0, 2]);
    const beyond = new HardwareMirror(snapshotOf(hardware, [7, 8, 9]));
    expect([...beyond.readPhysical(RAM_BYTES - 1, 3)]).toEqual([ram[RAM_BYTES - 1], 0, 0]);
    expect(beyond.missingPages()).toEqual([]);
    expect(snapshotOf(hardware, [7, 8, 9]).pages.size).toBe(1); // pages past RAM are not sent
  });

  it('names the pages a read spans', () => {
    expect(pagesSpanned(0, 0)).toEqual([]);
    expect(pagesSpanned(PAGE_BYTES - 1, 2)).toEqual([0, 1]);
    expect(pagesSpanned(0xfffff000, PAGE_BYTES)).toEqual([0xfffff]);
  });
});

describe('WatchedPages', () => {
  it('grows with the pages reads missed, says when one was new, and drops the oldest past its limit', () => {
    const watched = new WatchedPages(3);
    expect(watched.add([5, 6])).toBe(true);
    expect(watched.add([6])).toBe(false);
    expect(watched.add([7, 8])).toBe(true);
    expect(watched.list()).toEqual([6, 7, 8]);
    watched.clear();
    expect(watched.list()).toEqual([]);
  });
});
