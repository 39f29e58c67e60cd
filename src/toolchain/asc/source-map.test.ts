import { describe, expect, it } from 'vitest';
import { Cursor } from '../wasm/cursor.js';
import { compileAssemblyScript } from './compile.js';
import { SourceMapLookup } from './source-map.js';

const PROGRAM = [
  '@external("env", "putc") declare function putc(c: i32): void;', // 1
  '', // 2
  'export function triple(value: i32): i32 {', // 3
  '  return value * 3;', // 4
  '}', // 5
  '', // 6
  'export function _start(): void {', // 7
  '  putc(triple(22));', // 8
  '}', // 9
].join('\n');

/** Module-relative byte range [start, end) of each exported function's body. */
function exportedBodies(wasm: Uint8Array): Map<string, { start: number; end: number }> {
  const cursor = new Cursor(wasm, 8);
  let importedFunctions = 0;
  const exportedIndex = new Map<string, number>();
  const bodies = new Map<string, { start: number; end: number }>();
  while (!cursor.atEnd) {
    const id = cursor.u8();
    const size = cursor.u32();
    const sectionEnd = cursor.pos + size;
    if (id === 2) importedFunctions = countImportedFunctions(cursor);
    if (id === 7) readFunctionExports(cursor, exportedIndex);
    if (id === 10) {
      const count = cursor.u32();
      for (let index = 0; index < count; index++) {
        const bodySize = cursor.u32();
        const start = cursor.pos;
        cursor.pos += bodySize;
        for (const [name, functionIndex] of exportedIndex) {
          if (functionIndex === importedFunctions + index) bodies.set(name, { start, end: cursor.pos });
        }
      }
    }
    cursor.pos = sectionEnd;
  }
  return bodies;
}

function countImportedFunctions(cursor: Cursor): number {
  let functions = 0;
  for (let count = cursor.u32(); count > 0; count--) {
    cursor.name();
    cursor.name();
    const kind = cursor.u8();
    if (kind !== 0) throw new Error('test program imports only functions');
    cursor.u32();
    functions++;
  }
  return functions;
}

function readFunctionExports(cursor: Cursor, exportedIndex: Map<string, number>): void {
  for (let count = cursor.u32(); count > 0; count--) {
    const name = cursor.name();
    const kind = cursor.u8();
    const index = cursor.u32();
    if (kind === 0) exportedIndex.set(name, index);
  }
}

/** The set of source lines the map gives for every byte of a body. */
function linesOfBody(map: SourceMapLookup, body: { start: number; end: number }): Set<string> {
  const lines = new Set<string>();
  for (let offset = body.start; offset < body.end; offset++) {
    const position = map.lookup(offset);
    if (position) lines.add(`${position.file}:${position.line}`);
  }
  return lines;
}

describe('SourceMapLookup on an asc-produced map', () => {
  for (const optimize of [0, 3] as const) {
    it(`maps module-relative offsets of a function body back to its .ts line (-O${optimize})`, async () => {
      const result = await compileAssemblyScript([{ path: 'main.ts', text: PROGRAM }], {
        entry: 'main.ts',
        optimize,
        runtime: 'stub',
      });
      expect(result.diagnostics).toEqual([]);
      const map = SourceMapLookup.parse(result.sourceMap!);
      const bodies = exportedBodies(result.wasm!);
      // Every byte of triple's body that is mapped at all comes from line 4.
      expect(linesOfBody(map, bodies.get('triple')!)).toEqual(new Set(['main.ts:4']));
      // _start is the call on line 8; at -O3 triple is inlined there and its
      // folded result keeps triple's line 4, as inlined code should.
      const startLines = linesOfBody(map, bodies.get('_start')!);
      expect(startLines).toContain('main.ts:8');
      expect([...startLines].sort()).toEqual(optimize === 0 ? ['main.ts:8'] : ['main.ts:4', 'main.ts:8']);
      // Offsets in the header, before any code, have no source.
      expect(map.lookup(0)).toBeUndefined();
    });
  }
});

describe('SourceMapLookup.parse', () => {
  // Segments: offset 10 -> a.ts 1:1; +4 -> b.ts 3:5; +2 -> no source; +6 -> b.ts 2:1.
  const map = SourceMapLookup.parse(
    JSON.stringify({ version: 3, sources: ['a.ts', 'b.ts'], names: [], mappings: 'UAAA,ICEI,E,MADJ' }),
  );

  it('finds the nearest mapping at or before an offset', () => {
    expect(map.lookup(9)).toBeUndefined();
    expect(map.lookup(10)).toEqual({ file: 'a.ts', line: 1, column: 1 });
    expect(map.lookup(13)).toEqual({ file: 'a.ts', line: 1, column: 1 });
    expect(map.lookup(14)).toEqual({ file: 'b.ts', line: 3, column: 5 });
    expect(map.lookup(15)).toEqual({ file: 'b.ts', line: 3, column: 5 });
    expect(map.lookup(22)).toEqual({ file: 'b.ts', line: 2, column: 1 });
    expect(map.lookup(1_000_000)).toEqual({ file: 'b.ts', line: 2, column: 1 });
  });

  it('reports no source for bytes after a source-less segment', () => {
    expect(map.lookup(16)).toBeUndefined();
    expect(map.lookup(21)).toBeUndefined();
  });

  it('rejects maps it cannot read', () => {
    expect(() => SourceMapLookup.parse('{"version":2,"sources":[],"mappings":""}')).toThrow(/version/);
    expect(() => SourceMapLookup.parse('{"version":3,"sources":[],"mappings":"AAAA;AAAA"}')).toThrow(/lines/);
  });
});
