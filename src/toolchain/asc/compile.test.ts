import { builtinModules } from 'node:module';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import asc from 'assemblyscript/asc';
import { compileAssemblyScript } from './compile.js';
import { formatDiagnostic } from './diagnostics.js';
import { InMemoryFiles } from './in-memory-files.js';

const WASM_MAGIC = [0x00, 0x61, 0x73, 0x6d];

describe('compileAssemblyScript', () => {
  it('compiles several in-memory files, resolving relative imports', async () => {
    const result = await compileAssemblyScript(
      [
        { path: 'app/main.ts', text: 'import { twice } from "../lib/math";\nexport function run(): i32 { return twice(21); }\n' },
        { path: 'lib/math.ts', text: 'export function twice(x: i32): i32 { return x * 2; }\n' },
      ],
      { entry: 'app/main.ts', emitText: true },
    );
    expect(result.diagnostics).toEqual([]);
    expect([...result.wasm!.subarray(0, 4)]).toEqual(WASM_MAGIC);
    expect(result.text).toContain('(export "run" (func $app/main/run))');
    expect(JSON.parse(result.sourceMap!).sources).toEqual(expect.arrayContaining(['app/main.ts', 'lib/math.ts']));
    expect(result.ms).toBeGreaterThan(0);
    const instance = await WebAssembly.instantiate(result.wasm!);
    expect((instance.instance.exports.run as () => number)()).toBe(42);
  });

  it('returns compile errors as diagnostics with 1-based file:line:column, without throwing', async () => {
    const text = 'export function f(): i32 {\n  return missing;\n}\nconst s: i32 = "text";\n';
    const result = await compileAssemblyScript([{ path: 'main.ts', text }], { entry: 'main.ts' });
    expect(result.wasm).toBeUndefined();
    const errors = result.diagnostics.map((d) => `${d.severity} ${d.code} ${d.file}:${d.line}:${d.column}`);
    expect(errors.sort()).toEqual(['error 2304 main.ts:2:10', 'error 2322 main.ts:4:16']);
    const missingName = result.diagnostics.find((d) => d.code === 2304)!;
    expect(formatDiagnostic(missingName)).toBe("main.ts:2:10: error AS2304: Cannot find name 'missing'.");
  });

  it('reports warnings with their location but still emits the module', async () => {
    // asc exports only variables, functions and enums; an exported class draws warning 235.
    const text = 'export function f(): i32 {\n  return 1;\n}\nexport class Point {\n  x: i32 = 0;\n}\n';
    const result = await compileAssemblyScript([{ path: 'main.ts', text }], { entry: 'main.ts' });
    expect(result.wasm).toBeDefined();
    expect(result.diagnostics).toEqual([
      {
        file: 'main.ts',
        line: 4,
        column: 14,
        severity: 'warning',
        code: 235,
        message: 'Only variables, functions and enums become WebAssembly module exports.',
      },
    ]);
  });

  it('reports a missing entry file as an error diagnostic', async () => {
    const result = await compileAssemblyScript([], { entry: 'nothing.ts' });
    expect(result.wasm).toBeUndefined();
    expect(result.diagnostics.some((d) => d.severity === 'error')).toBe(true);
  });

  it('passes memory and runtime options through to asc', async () => {
    const text = 'export const greeting = "hi";\nexport function f(): usize { return changetype<usize>(greeting); }\n';
    const result = await compileAssemblyScript([{ path: 'main.ts', text }], {
      entry: 'main.ts',
      runtime: 'stub',
      memoryBase: 0x400000,
      initialMemory: 100,
      maximumMemory: 200,
      emitText: true,
    });
    expect(result.diagnostics).toEqual([]);
    expect(result.text).toContain('(memory $0 100 200)');
    // The string's data segment sits at or above the memory base.
    const segmentAddress = Number(/\(data \$\S+ \(i32\.const (\d+)\)/.exec(result.text!)![1]);
    expect(segmentAddress).toBeGreaterThanOrEqual(0x400000);
    // The stub runtime has no garbage collector.
    expect(result.text).not.toContain('~lib/rt/itcms');
  });

  it('returns asc\'s source map without sourcesContent, otherwise exactly as asc wrote it', async () => {
    // Quotes, brackets and non-ASCII text in the source: what a cut of the JSON text could get wrong.
    const sources = [{ path: 'main.ts', text: 'const s = "a],\\"b\\" \u00e9";\nexport function f(x: i32): i32 { return x + s.length; }\n' }];
    const files = new InMemoryFiles(sources);
    const args = ['main.ts', '--outFile', 'main.wasm', '--sourceMap', '--debug', '--optimizeLevel', '0', '--shrinkLevel', '0', '--runtime', 'incremental'];
    await asc.main(args, { readFile: files.readFile, writeFile: files.writeFile, listFiles: files.listFiles });
    const written = JSON.parse(files.output('main.wasm.map') as string) as { sourcesContent?: unknown };
    expect(written.sourcesContent).toEqual(expect.arrayContaining([sources[0].text]));
    delete written.sourcesContent;

    const result = await compileAssemblyScript(sources, { entry: 'main.ts' });
    expect(result.sourceMap).toBe(JSON.stringify(written));
  });

  it('strips assertions with noAssert', async () => {
    const text = 'export function f(x: i32): i32 {\n  assert(x > 0, "positive");\n  return x;\n}\n';
    const checked = await compileAssemblyScript([{ path: 'main.ts', text }], { entry: 'main.ts', emitText: true });
    const unchecked = await compileAssemblyScript([{ path: 'main.ts', text }], { entry: 'main.ts', emitText: true, noAssert: true });
    expect(checked.text).toContain('call $~lib/builtins/abort');
    expect(unchecked.text).not.toContain('call $~lib/builtins/abort');
  });
});

describe('compile.ts module graph', () => {
  it('imports no Node built-in, so it bundles for a Web Worker', () => {
    const here = dirname(fileURLToPath(import.meta.url));
    const nodeModules = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));
    const seen = new Set<string>();
    const visit = (file: string): void => {
      if (seen.has(file)) return;
      seen.add(file);
      const source = readFileSync(join(here, file), 'utf8');
      for (const [, specifier] of source.matchAll(/from '([^']+)'/g)) {
        expect(nodeModules.has(specifier), `${file} imports ${specifier}`).toBe(false);
        if (specifier.startsWith('./')) visit(specifier.slice(2).replace(/\.js$/, '.ts'));
      }
    };
    visit('compile.ts');
    expect(seen).toEqual(new Set(['compile.ts', 'in-memory-files.ts', 'diagnostics.ts', 'parse-cache.ts']));
  });
});
