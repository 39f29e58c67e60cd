// The page walk, translation, ranges and frame map over hand-built page tables in a fake physical memory.
import { describe, expect, it } from 'vitest';
import type { PhysicalReader } from './cpu-state.js';
import { buildFrameMap, framesBehind } from './frame-map.js';
import { newlyMapped } from './page-ranges.js';
import { readLinear, translateLinear } from './page-translate.js';
import { walkPageTables } from './page-walk.js';

const P = 1, RW = 2, US = 4, PCD = 16, A = 32, D = 64, PS = 0x80, G = 0x100;
const PG = 0x80000000, PE = 1, PSE = 0x10;

/** 8 MiB of physical memory holding a directory at 0x10000 and tables at 0x11000 and 0x12000. */
function memory(): { ram: Uint8Array; read: PhysicalReader; set(address: number, value: number): void } {
  const ram = new Uint8Array(8 << 20);
  const view = new DataView(ram.buffer);
  const read: PhysicalReader = (address, length) => {
    const bytes = new Uint8Array(length);
    bytes.set(ram.subarray(Math.min(address, ram.length), Math.min(address + length, ram.length)));
    return bytes;
  };
  return { ram, read, set: (address, value) => view.setUint32(address, value >>> 0, true) };
}

function tables() {
  const m = memory();
  m.set(0x10000 + 0 * 4, 0x11000 | P | RW | US); // PDE 0 → table 0x11000
  m.set(0x10000 + 1 * 4, 0x400000 | P | RW | PS | G | A | D); // PDE 1: 4 MiB page at 4 MiB
  m.set(0x10000 + 0x100 * 4, 0x12000 | P | RW); // PDE 0x100 → table 0x12000 (supervisor)
  m.set(0x10000 + 0x300 * 4, 0x2); // PDE 0x300: not present
  for (let page = 1; page < 4; page++) m.set(0x11000 + page * 4, (page << 12) | P | RW | G); // 0x1000–0x3fff identity
  m.set(0x11000 + 0xb8 * 4, 0xb8000 | P | RW | PCD); // VGA, uncached
  m.set(0x11000 + 0x300 * 4, 0x300000 | P | US | A); // user, read-only
  m.set(0x12000 + 0 * 4, 0x200000 | P | RW | A | D); // 0x40000000 → 0x200000
  m.set(0x12000 + 1 * 4, 0x201000 | P | RW); // 0x40001000 → 0x201000 (contiguous: merges)
  m.set(0x12000 + 5 * 4, 0x250000 | P | US); // 0x40005000 → 0x250000
  m.set(0x4000, 0x11223344); // data behind identity page 4? (page 4 is not mapped)
  m.set(0x2ffc, 0xaabbccdd);
  return m;
}

const REGISTERS = { cr0: PG | PE, cr3: 0x10000, cr4: PSE };

describe('walkPageTables', () => {
  it('reports paging disabled when CR0.PG is clear, and does not decode PAE', () => {
    expect(walkPageTables({ cr0: PE, cr3: 0, cr4: 0 }, memory().read)).toEqual({
      enabled: false,
      reason: 'paging disabled (CR0.PG = 0): linear addresses are physical',
    });
    expect(walkPageTables({ cr0: PG | PE, cr3: 0, cr4: 0x20 }, memory().read).enabled).toBe(false);
  });

  it('walks directory → tables → frames with every flag and each entry’s own address', () => {
    const walk = walkPageTables(REGISTERS, tables().read);
    if (!walk.enabled) throw new Error('expected paging');
    expect(walk.directory.map((pde) => pde.index)).toEqual([0, 1, 0x100]);
    const [low, large, remap] = walk.directory;
    expect(low).toMatchObject({ entryAddress: 0x10000, address: 0x11000, flags: ['P', 'RW', 'US'], large: false });
    expect(large).toMatchObject({ entryAddress: 0x10004, address: 0x400000, large: true, flags: ['P', 'RW', 'A', 'D', 'PS', 'G'], table: [] });
    expect(remap.entryAddress).toBe(0x10400);
    expect(low.table.map((pte) => pte.index)).toEqual([1, 2, 3, 0xb8, 0x300]);
    expect(low.table[3]).toMatchObject({ entryAddress: 0x11000 + 0xb8 * 4, address: 0xb8000, flags: ['P', 'RW', 'PCD'] });
    expect(walk.tableFrames).toEqual([0x10000, 0x11000, 0x12000]);
    expect(walk.mappedBytes).toBe(5 * 4096 + (4 << 20) + 3 * 4096);
  });

  it('merges virtually and physically contiguous pages with the same rights, QEMU info mem style', () => {
    const walk = walkPageTables(REGISTERS, tables().read);
    if (!walk.enabled) throw new Error('expected paging');
    expect(walk.ranges.map((r) => r.qemu)).toEqual([
      '0x00001000-0x00004000 0x00003000 -rw -> 0x00001000-0x00004000',
      '0x000b8000-0x000b9000 0x00001000 -rw -> 0x000b8000-0x000b9000',
      '0x00300000-0x00301000 0x00001000 ur- -> 0x00300000-0x00301000',
      '0x00400000-0x00800000 0x00400000 -rw -> 0x00400000-0x00800000',
      '0x40000000-0x40002000 0x00002000 -rw -> 0x00200000-0x00202000',
      // US in the table entry alone does not make a page user-accessible: the directory entry lacks it.
      '0x40005000-0x40006000 0x00001000 -r- -> 0x00250000-0x00251000',
    ]);
  });
});

describe('walkPageTables with an earlier walk', () => {
  it('reuses the decoded tables whose entries are unchanged, and decodes changed ones anew', () => {
    const m = tables();
    const first = walkPageTables(REGISTERS, m.read);
    m.set(0x12000 + 9 * 4, 0x209000 | P); // a new page in the second table
    const second = walkPageTables(REGISTERS, m.read, first);
    if (!first.enabled || !second.enabled) throw new Error('expected paging');
    expect(second.directory[0].table).toBe(first.directory[0].table);
    expect(second.directory[2].table).not.toBe(first.directory[2].table);
    expect(second.directory[2].table.map((pte) => pte.index)).toEqual([0, 1, 5, 9]);
    expect(second).toEqual(walkPageTables(REGISTERS, m.read));
    expect(walkPageTables(REGISTERS, m.read, second)).toBe(second); // nothing changed: the same walk
    expect(walkPageTables({ ...REGISTERS, cr3: 0x11000 }, m.read, second)).not.toBe(second);
  });
});

describe('translateLinear', () => {
  it('shows each step of the walk and the physical address', () => {
    const t = translateLinear(0x40001abc, REGISTERS, tables().read);
    expect(t.physical).toBe(0x201abc);
    expect(t.steps.map((s) => [s.level, s.entry.entryAddress, s.entry.address])).toEqual([
      ['directory', 0x10400, 0x12000],
      ['table', 0x12004, 0x201000],
    ]);
    expect(t.steps[0].indexBits).toBe('bits 31–22 = 256');
    expect(translateLinear(0x00412345, REGISTERS, tables().read)).toMatchObject({ physical: 0x412345, summary: '4 MiB page', writable: true });
    expect(translateLinear(0x00300010, REGISTERS, tables().read)).toMatchObject({ physical: 0x300010, user: true, writable: false });
  });

  it('stops at the first entry that is not present', () => {
    expect(translateLinear(0xc0000000, REGISTERS, tables().read)).toMatchObject({ physical: null, summary: 'page fault: directory entry not present' });
    expect(translateLinear(0x00000010, REGISTERS, tables().read)).toMatchObject({ physical: null, summary: 'page fault: table entry not present' });
    expect(translateLinear(0x1234, { cr0: PE, cr3: 0, cr4: 0 }, tables().read)).toMatchObject({ physical: 0x1234, steps: [] });
  });

  it('reads linear memory across pages, unmapped bytes as zero', () => {
    const bytes = readLinear(0x2ffc, 8, REGISTERS, tables().read);
    expect([...bytes]).toEqual([0xdd, 0xcc, 0xbb, 0xaa, 0, 0, 0, 0]);
    expect([...readLinear(0x3ffe, 4, REGISTERS, tables().read)]).toEqual([0, 0, 0, 0]);
  });
});

describe('pages mapped since an earlier walk', () => {
  it('lists new and remapped pages as spans, and the frames behind them', () => {
    const before = tables();
    const earlier = walkPageTables(REGISTERS, before.read);
    before.set(0x12000 + 2 * 4, 0x202000 | P | RW); // new page at 0x40002000
    before.set(0x12000 + 5 * 4, 0x260000 | P | US); // 0x40005000 now elsewhere
    const later = walkPageTables(REGISTERS, before.read);
    if (!earlier.enabled || !later.enabled) throw new Error('expected paging');
    const spans = newlyMapped(earlier.ranges, later.ranges);
    expect(spans).toEqual([
      { start: 0x40002000, end: 0x40003000 },
      { start: 0x40005000, end: 0x40006000 },
    ]);
    expect([...framesBehind(spans, later.ranges)].sort((a, b) => a - b)).toEqual([0x202, 0x260]);
  });
});

describe('buildFrameMap', () => {
  it('gives each frame one owner: page tables, the caller’s owners, then remapped, identity, unmapped', () => {
    const walk = walkPageTables(REGISTERS, tables().read);
    const map = buildFrameMap(8 << 20, walk, [{ owner: 'kernel', start: 0x1000, end: 0x3000 }]);
    expect(map.frameCount).toBe(2048);
    const ownerOf = (address: number) => map.runs.find((r) => address / 4096 >= r.frame && address / 4096 < r.frame + r.count)?.owner;
    expect(ownerOf(0x0)).toBe('unmapped');
    expect(ownerOf(0x1000)).toBe('kernel');
    expect(ownerOf(0x3000)).toBe('identity');
    expect(ownerOf(0x10000)).toBe('page-tables');
    expect(ownerOf(0x12000)).toBe('page-tables');
    expect(ownerOf(0x200000)).toBe('remapped');
    expect(ownerOf(0x500000)).toBe('identity'); // inside the 4 MiB page
    expect(map.runs.reduce((sum, r) => sum + r.count, 0)).toBe(2048);
  });

  it('cannot tell more than RAM when paging is off', () => {
    const map = buildFrameMap(1 << 20, { enabled: false, reason: 'off' }, [{ owner: 'kernel', start: 0, end: 0x2000 }]);
    expect(map.runs).toEqual([
      { frame: 0, count: 2, owner: 'kernel' },
      { frame: 2, count: 254, owner: 'unknown' },
    ]);
  });
});
