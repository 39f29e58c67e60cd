// The parse cache against real asc: a compilation that reuses parsed files gives the very module and source
// map of a compilation from scratch, also when an edit reorders the imports (the order of asc's import queue
// decides the order of the module's functions), and it parses only the files that changed.
import { describe, expect, it } from 'vitest';
import { compileAssemblyScript, type AscOptions, type AscResult, type AscSource } from './compile.js';
import { AscParseCache } from './parse-cache.js';

const OPTIONS: AscOptions = { entry: 'main.ts', runtime: 'stub' };

/** main.ts imports `imports` (in that order) from b.ts and c.ts and adds up their functions. */
function program(imports: readonly ('b' | 'c')[], extra = ''): AscSource[] {
  const lines = imports.map((name) => `import { ${name}Value } from "./${name}";`);
  const sum = imports.map((name) => `${name}Value()`).join(' + ');
  return [
    { path: 'main.ts', text: `${lines.join('\n')}\nexport function run(): i32 { return ${sum}; }\n${extra}` },
    { path: 'b.ts', text: 'import { shared } from "./shared";\nexport function bValue(): i32 { return shared() + 1; }\n' },
    { path: 'c.ts', text: 'export { shared as sharedAgain } from "./shared";\nexport function cValue(): i32 { return [1, 2, 3].length; }\n' },
    { path: 'shared.ts', text: 'export function shared(): i32 { return 40; }\n' },
  ];
}

function expectSameOutput(actual: AscResult, expected: AscResult): void {
  expect(actual.diagnostics).toEqual(expected.diagnostics);
  expect(actual.wasm).toBeDefined();
  expect(Buffer.from(actual.wasm!).equals(Buffer.from(expected.wasm!))).toBe(true);
  expect(actual.sourceMap).toBe(expected.sourceMap);
}

describe('AscParseCache', () => {
  it('reuses every unchanged file, the standard library included, with the same output as from scratch', async () => {
    const cache = new AscParseCache();
    const first = await compileAssemblyScript(program(['b', 'c']), OPTIONS, cache);
    expect(first.parseCache).toEqual({ reused: 0, parsed: expect.any(Number) });
    expect(cache.size).toBe(first.parseCache!.parsed);

    const edited = program(['b', 'c'], 'export function more(): i32 { return 2; }\n');
    const warm = await compileAssemblyScript(edited, OPTIONS, cache);
    expect(warm.parseCache).toEqual({ reused: first.parseCache!.parsed - 1, parsed: 1 });
    expectSameOutput(warm, await compileAssemblyScript(edited, OPTIONS));
  });

  it('queues the imports of a reused file as the parser would', async () => {
    // The order in which asc parses files is the order of the collector's walk over managed globals
    // (`__visit_globals`): here b.ts is reused, and unless its imports are queued x before y, ys comes first.
    const files: AscSource[] = [
      { path: 'main.ts', text: 'import { both } from "./b";\nexport function run(): i32 { return both(); }\n' },
      { path: 'b.ts', text: 'import { xs } from "./x";\nimport { ys } from "./y";\nexport function both(): i32 { return xs.length + ys.length; }\n' },
      { path: 'x.ts', text: 'export let xs = new Array<i32>(2);\n' },
      { path: 'y.ts', text: 'export let ys = new Array<i32>(3);\n' },
    ];
    const options: AscOptions = { entry: 'main.ts', emitText: true };
    const cache = new AscParseCache();
    await compileAssemblyScript(files, options, cache);
    const edited = files.map((file) => (file.path === 'main.ts' ? { ...file, text: `${file.text}// edited\n` } : file));
    const warm = await compileAssemblyScript(edited, options, cache);
    const cold = await compileAssemblyScript(edited, options);
    expect(warm.parseCache).toMatchObject({ parsed: 1 });
    expectSameOutput(warm, cold);
    expect(cold.text!.indexOf('global.get $x/xs')).toBeLessThan(cold.text!.indexOf('global.get $y/ys'));
  });

  it('queues the imports of a file that an edit reorders, with the others reused', async () => {
    const cache = new AscParseCache();
    await compileAssemblyScript(program(['b', 'c']), OPTIONS, cache);
    const reordered = program(['c', 'b']);
    expectSameOutput(await compileAssemblyScript(reordered, OPTIONS, cache), await compileAssemblyScript(reordered, OPTIONS));
  });

  it('forgets files the last compilation did not use', async () => {
    const cache = new AscParseCache();
    await compileAssemblyScript(program(['b', 'c']), OPTIONS, cache);
    const withoutC = program(['b']).filter((file) => file.path !== 'c.ts');
    const size = cache.size;
    await compileAssemblyScript(withoutC, OPTIONS, cache);
    expect(cache.size).toBe(size - 1);
  });

  it('parses a file with a syntax error every time, and reports the error every time', async () => {
    const cache = new AscParseCache();
    const broken = program(['b', 'c'], 'export function oops(: i32 {}\n');
    for (let build = 0; build < 2; build++) {
      const result = await compileAssemblyScript(broken, OPTIONS, cache);
      expect(result.wasm).toBeUndefined();
      expect(result.diagnostics).toContainEqual(expect.objectContaining({ file: 'main.ts', line: 4, severity: 'error' }));
      if (build === 1) expect(result.parseCache!.parsed).toBe(1);
    }
  });

  it('lends a file to one compilation at a time', async () => {
    const cache = new AscParseCache();
    const sources = program(['b', 'c']);
    const cold = await compileAssemblyScript(sources, OPTIONS);
    const [a, b] = await Promise.all([compileAssemblyScript(sources, OPTIONS, cache), compileAssemblyScript(sources, OPTIONS, cache)]);
    expectSameOutput(a, cold);
    expectSameOutput(b, cold);
    const after = await compileAssemblyScript(sources, OPTIONS, cache);
    expect(after.parseCache!.parsed).toBe(0);
    expectSameOutput(after, cold);
  });
});
