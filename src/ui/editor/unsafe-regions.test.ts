// The editor's unsafe marks from a report the real checker makes: each @unsafe function's lines with its reason,
// a whole @unsafe-file, and nothing for safe or unknown files.
import { describe, expect, it } from 'vitest';
import { checkUnsafe } from '../../toolchain/unsafe/check.js';
import { unsafeRegionsOf } from './unsafe-regions.js';

const report = checkUnsafe({
  'arch/x86/ports.ts': [
    'export function safe(): i32 {',
    '  return 1;',
    '}',
    '',
    '@unsafe("reads a keyboard port")',
    'export function inb(): u8 {',
    '  return load<u8>(0x60);',
    '}',
  ].join('\n'),
  'arch/x86/raw.ts': '// @unsafe-file: all raw memory\nexport function peek(): u8 {\n  return load<u8>(4);\n}\n',
  'main.ts': 'export function main(): void {}\n',
}).report;

describe('unsafeRegionsOf', () => {
  it('marks an @unsafe function from its decorator through its closing brace, with the reason', () => {
    const [region, ...others] = unsafeRegionsOf(report, 'arch/x86/ports.ts');
    expect(others).toEqual([]);
    expect(region).toMatchObject({ startLine: 5, endLine: 8 });
    expect(region.hover).toContain('`inb`: reads a keyboard port');
    expect(region.hover).toMatch(/lines 5–8, 4 of them code · raw memory ×1/);
  });

  it('marks a whole @unsafe-file', () => {
    const [region] = unsafeRegionsOf(report, 'arch/x86/raw.ts');
    expect(region.hover).toContain('the whole file: all raw memory');
    expect(region.startLine).toBe(1);
  });

  it('marks nothing in safe files and files the report does not know', () => {
    expect(unsafeRegionsOf(report, 'main.ts')).toEqual([]);
    expect(unsafeRegionsOf(report, 'nowhere.ts')).toEqual([]);
  });
});
