/**
 * The memory manager in the real kernel image, booted in v86 (and QEMU where
 * installed): the frame allocator's figures after boot, and the `test=mm`
 * scenario (src/kernel/mm/selftest.ts): pages mapped on demand and zeroed,
 * every frame back after 1,000 vmAlloc/touch/vmFree cycles (100,000 page
 * faults), and Array/Map/String churn whose heap use returns to its baseline
 * after a collection.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { KERNEL_TRANSLATE_OPTIONS } from '../../src/toolchain/asc/kernel-build.js';
import { bootInV86, type BootResult } from '../../src/toolchain/emulator/v86-node.js';
import { bootInQemu, qemuAvailable } from '../../src/toolchain/emulator/qemu-node.js';
import { kernelImage } from './kernel-image.js';

const WASM_PAGE = 0x10000;
const PAGE = 0x1000;
const RAM_MB = 128;
/** 100,000 page faults take about 10 s in v86 on an idle machine; the machine is shared. */
const SCENARIO_TIMEOUT_MS = 120_000;
let image: Uint8Array;

beforeAll(async () => {
  image = await kernelImage();
}, 300_000);

/** The numbers in the first COM1 line matching `pattern` (which must match). */
function numbers(serial: string, pattern: RegExp): number[] {
  const match = serial.match(pattern);
  expect(match, `no line matching ${pattern} in:\n${serial}`).not.toBeNull();
  return match!.slice(1).map((text) => Number(text));
}

function expectScenarioPassed(result: BootResult): void {
  expect(result.crash).toBeUndefined();
  expect(result.timedOut).toBe(false);
  expect(result.serial).not.toContain('mm: [failed]');
  expect(result.serial).toContain('mm: all passed');
  expect(result.exitCode).toBe(0);
}

/** The scenario's figures, checked against what the issue asks for. */
function expectMemoryFigures(serial: string): void {
  const [bootTotal, bootFree, bootUsed] = numbers(serial, /mm: \[ok\] boot frames total=(\d+) free=(\d+) used=(\d+)/);
  expect(bootFree + bootUsed).toBe(bootTotal);

  const [demandPages, faults, taken] = numbers(serial, /mm: \[ok\] demand pages=(\d+) at 0x[0-9a-f]+ faults=(\d+) frames taken=(\d+) zeroed=yes kept=yes frames back=yes/);
  expect(faults).toBe(demandPages);
  expect(taken).toBe(demandPages + 1); // the pages and one page table

  const [cycles, pages, cycleFaults, freeBefore, freeAfter] = numbers(serial, /mm: \[ok\] cycles=(\d+) pages=(\d+) faults=(\d+) frames free before=(\d+) after=(\d+)/);
  expect(cycles).toBe(1000);
  expect(cycleFaults).toBe(cycles * pages);
  expect(cycleFaults).toBeGreaterThanOrEqual(100_000);
  expect(freeAfter).toBe(freeBefore);

  const [, usedBefore, peak, usedAfter, objectsBefore, objectsAfter, collections] = numbers(serial, /mm: \[ok\] heap churn rounds=(\d+) used before=(\d+) peak=(\d+) after=(\d+) objects before=(\d+) after=(\d+) collections=(\d+)/);
  expect(peak).toBeGreaterThan(usedBefore);
  expect(usedAfter).toBe(usedBefore);
  expect(objectsAfter).toBe(objectsBefore);
  expect(collections).toBeGreaterThan(1); // the threshold triggered some, collectGarbage the last
}

describe('the memory manager', () => {
  it('builds the frame allocator from the memory map above the heap limit and turns paging on', async () => {
    const result = await bootInV86(image, { cmdline: 'exit', timeoutMs: 30_000, memorySizeMB: RAM_MB });
    expect(result.exitCode).toBe(0);
    const [ramEnd, framesStart, total, free] = numbers(result.serial, /mm: RAM up to (0x[0-9a-f]+), frames from (0x[0-9a-f]+): (\d+) total, (\d+) free \(\d+ MiB\); paging on/);
    expect(ramEnd).toBe(RAM_MB << 20);
    // The heap may grow up to maxMemoryPages: the frames must start exactly there (mm/layout.ts FRAMES_START).
    expect(framesStart).toBe(KERNEL_TRANSLATE_OPTIONS.maxMemoryPages * WASM_PAGE);
    expect(total).toBe((ramEnd - framesStart) / PAGE);
    const identityMapTables = ramEnd / (1024 * PAGE);
    expect(total - free).toBe(1 + identityMapTables); // the page directory and the identity map's page tables
  });

  it('maps pages on demand, gets every frame back over 100,000 faults and frees the heap (test=mm, v86)', async () => {
    const result = await bootInV86(image, { cmdline: 'test=mm', timeoutMs: SCENARIO_TIMEOUT_MS, memorySizeMB: RAM_MB });
    expectScenarioPassed(result);
    expectMemoryFigures(result.serial);
  }, SCENARIO_TIMEOUT_MS + 10_000);

  it.runIf(qemuAvailable())('passes the same scenario in QEMU', async () => {
    const result = await bootInQemu(image, { cmdline: 'test=mm', timeoutMs: SCENARIO_TIMEOUT_MS, memorySizeMB: RAM_MB });
    expectScenarioPassed(result);
    expectMemoryFigures(result.serial);
  }, SCENARIO_TIMEOUT_MS + 10_000);
});
