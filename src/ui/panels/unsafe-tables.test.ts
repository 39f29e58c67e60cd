// The unsafe panel's tables from the real kernel's report (made by the checker from src/kernel/, as `npm run kernel`
// makes public/images/eduos.unsafe.json) and from a report the real checker makes of a small kernel: module rows with the paper's crate, Table 1 reasons
// beside the paper's, and the code location each row opens.
import { describe, expect, it } from 'vitest';
import { readAscSources } from '../../toolchain/asc/kernel-sources-node.js';
import { checkUnsafe } from '../../toolchain/unsafe/check.js';
import { unsafeTables } from './unsafe-tables.js';

const prebuilt = checkUnsafe(new Map(readAscSources().map((source) => [source.path, source.text]))).report;

describe('unsafeTables', () => {
  it('lists every module of the prebuilt kernel with its share, the paper crate beside it, and the total against 5 %', () => {
    const tables = unsafeTables(prebuilt);
    expect(tables.modules.map((row) => row.module)).toEqual(expect.arrayContaining(['arch/x86', 'mm', 'scheduler']));
    expect(tables.total).toEqual(prebuilt.total);
    expect(tables.withinTarget).toBe(prebuilt.total.sharePct <= 5);
    expect(tables.paperTotal.sharePct).toBe(3.27);
    const arch = tables.modules.find((row) => row.module === 'arch/x86')!;
    expect(arch.paper.crate).toBe('x86_64');
    expect(arch.paperReasons.map((row) => row.module)).toEqual(['Startup code', 'Dispatcher', 'I/O']);
    expect(tables.modules.find((row) => row.module === 'mm')!.paper.crate).toBe('RustyHermit');
    expect(arch.regions.reduce((sum, region) => sum + region.unsafeLoc, 0)).toBeGreaterThanOrEqual(arch.unsafeLoc);
  });

  it('opens each module at the first region of its most unsafe file, and each reason at its first region', () => {
    const report = checkUnsafe({
      'arch/x86/io.ts': 'export function safe(): i32 {\n  return 1;\n}\n\n@unsafe("reads a port")\nexport function inb(): u8 {\n  return load<u8>(0x60);\n}\n',
      'arch/x86/cpu.ts': '@unsafe("rdtsc")\nexport function a(): u32 {\n  return load<u32>(8);\n}\n@unsafe("reads a port")\nexport function b(): u32 {\n  return load<u32>(4);\n}\n',
      'main.ts': 'export function main(): void {}\n',
    }).report;
    const tables = unsafeTables(report);
    const arch = tables.modules.find((row) => row.module === 'arch/x86')!;
    expect(arch.open).toEqual({ file: 'arch/x86/cpu.ts', line: 1 });
    expect(arch.reasons.find((row) => row.reason === 'reads a port')).toMatchObject({ regions: 2, open: { file: 'arch/x86/cpu.ts', line: 5 } });
    expect(arch.regions.find((region) => region.name === 'inb')).toMatchObject({ file: 'arch/x86/io.ts', startLine: 5, endLine: 8, operations: 'raw memory ×1' });
    const top = tables.modules.find((row) => row.module === '.')!;
    expect(top).toMatchObject({ unsafeLoc: 0, open: { file: 'main.ts', line: 1 }, reasons: [], paperReasons: [] });
    expect(top.label).toBe('top-level files'); // the report's '.' is no name for people
    expect(arch.label).toBe('arch/x86');
  });
});
