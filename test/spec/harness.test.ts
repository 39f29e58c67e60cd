/**
 * @fileoverview Tests of the spec conformance harness itself: the s-expression reader, constant
 * parsing, script commands, planning, the verdict logic, and the whole suite against Node's own
 * WebAssembly (the V8 reference), where every non-float check must pass.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { readSExprs, type SList } from './sexpr.js';
import { parseF32Bits, parseF64Bits, parseI32, parseI64 } from './spec-constants.js';
import { planScript, type ModuleJob } from './spec-plan.js';
import { judgeJob, trapMessageMatches, type BootResult } from './spec-verdict.js';
import { runInV8 } from './v8-reference.js';
import { runInV86 } from './v86-engine.js';
import { parseWast } from './wast.js';

const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
const specDir = fileURLToPath(new URL('../../../shared/wasm-spec/', import.meta.url));

describe('readSExprs', () => {
  it('ignores parentheses inside strings, line comments and nested block comments', () => {
    const source = [
      '(a "x)(\\"y" b) ;; (not a list',
      '(; outer (; inner ;) still comment ( ;)',
      '(c (d))',
    ].join('\n');
    const lists = readSExprs(source);
    expect(lists.map((list) => source.slice(list.start, list.end))).toEqual(['(a "x)(\\"y" b)', '(c (d))']);
    expect(lists.map((list) => list.line)).toEqual([1, 3]);
    const str = lists[0].items[1];
    expect(str.kind === 'string' && new TextDecoder().decode(str.bytes)).toBe('x)("y');
    expect((lists[1].items[1] as SList).items).toEqual([{ kind: 'atom', text: 'd' }]);
  });

  it('decodes hex, unicode and named escapes to bytes', () => {
    const [list] = readSExprs('(s "\\00asm\\u{e9}\\t\\\\")');
    const str = list.items[1];
    expect(str.kind === 'string' && [...str.bytes]).toEqual([0, 0x61, 0x73, 0x6d, 0xc3, 0xa9, 9, 0x5c]);
  });

  it('reports an unclosed list with its line', () => {
    expect(() => readSExprs('\n(a (b)')).toThrow(/line 2/);
  });
});

describe('integer constants', () => {
  it('reads signs, hex, separators and the unsigned range', () => {
    expect(parseI32('0xffffffff')).toBe(-1);
    expect(parseI32('-0x80000000')).toBe(-2147483648);
    expect(parseI32('1_000_000')).toBe(1000000);
    expect(parseI32('+42')).toBe(42);
    expect(parseI64('0xffffffffffffffff')).toBe(-1n);
    expect(parseI64('-9223372036854775808')).toBe(-(2n ** 63n));
    expect(parseI64('0x7fff_ffff_ffff_ffff')).toBe(2n ** 63n - 1n);
  });

  it('rejects values outside both ranges', () => {
    expect(() => parseI32('0x100000000')).toThrow(/out of range/);
    expect(() => parseI32('-0x80000001')).toThrow(/out of range/);
    expect(() => parseI64('0x1_0000_0000_0000_0000')).toThrow(/out of range/);
  });
});

describe('float constants', () => {
  it('gives exact f32 bit patterns, rounding ties to even', () => {
    expect(parseF32Bits('1.1')).toBe(0x3f8ccccd);
    expect(parseF32Bits('0x1p-149')).toBe(1);
    expect(parseF32Bits('-0x1.fffffep127')).toBe(0xff7fffff);
    expect(parseF32Bits('0x1.000001p0')).toBe(0x3f800000);
    expect(parseF32Bits('0x1.000003p0')).toBe(0x3f800002);
    expect(parseF32Bits('1e-46')).toBe(0);
    expect(parseF32Bits('0x1.fffffefffp127')).toBe(0x7f7fffff);
  });

  it('gives exact f64 bit patterns', () => {
    expect(parseF64Bits('0.1')).toBe(0x3fb999999999999an);
    expect(parseF64Bits('0x1p-1074')).toBe(1n);
    expect(parseF64Bits('1_000.5')).toBe(0x408f440000000000n);
    expect(parseF64Bits('-inf')).toBe(0xfff0000000000000n);
  });

  it('reads NaNs with payloads and NaN result patterns', () => {
    expect(parseF32Bits('nan')).toBe(0x7fc00000);
    expect(parseF32Bits('-nan')).toBe(0xffc00000);
    expect(parseF32Bits('nan:0x200000')).toBe(0x7fa00000);
    expect(parseF64Bits('-nan:0x4_0000_0000_0000')).toBe(0xfff4000000000000n);
    expect(parseF32Bits('nan:canonical')).toBe('nan:canonical');
    expect(parseF64Bits('nan:arithmetic')).toBe('nan:arithmetic');
  });
});

const script = `
(module $A
  (func (export "add") (param i32 i32) (result i32) (i32.add (local.get 0) (local.get 1)))
  (func (export "div") (param i64 i64) (result i64) (i64.div_s (local.get 0) (local.get 1)))
  (func (export "fneg") (param f32) (result f32) (f32.neg (local.get 0))))
(register "a" $A)
(assert_return (invoke "add" (i32.const 0xffffffff) (i32.const 2)) (i32.const 1))
(assert_trap (invoke $A "div" (i64.const 1) (i64.const 0)) "integer divide by zero")
(assert_return (invoke "fneg" (f32.const 1)) (f32.const -1))
(module binary "\\00asm" "\\01\\00\\00\\00")
(module quote "(func)")
(assert_malformed (module quote "(func") "unexpected end")
(module (import "a" "add" (func (param i32 i32) (result i32))))
(assert_return (invoke $A "add" (i32.const 1) (i32.const 2)) (i32.const 3))
(assert_trap (module (memory 0) (data (i32.const 0) "x")) "out of bounds memory access")
(module $B (import "nowhere" "f" (func)) (func (export "g")))
(invoke $B "g")
`;

describe('parseWast and planScript', () => {
  it('turns a script into commands', async () => {
    const commands = await parseWast(script, 'inline.wast');
    expect(commands.map((command) => command.kind)).toEqual(
      ['module', 'register', 'action', 'action', 'action', 'module', 'module', 'module', 'action', 'module-trap', 'module', 'action']);
    const [module, register, add, div] = commands;
    expect(module.kind === 'module' && module.module.name).toBe('$A');
    expect(register).toEqual({ kind: 'register', line: 6, as: 'a', name: '$A' });
    expect(add.kind === 'action' && add.action).toEqual({
      line: 7, kind: 'invoke', field: 'add', args: [{ type: 'i32', value: -1 }, { type: 'i32', value: 2 }],
      expect: { kind: 'return', results: [{ type: 'i32', value: 1 }] },
    });
    expect(div.kind === 'action' && [div.moduleName, div.action.expect]).toEqual(
      ['$A', { kind: 'trap', message: 'integer divide by zero' }]);
    const binary = commands[5];
    expect(binary.kind === 'module' && [...binary.module.wasm!]).toEqual([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]);
    const quoted = commands[6];
    expect(quoted.kind === 'module' && quoted.module.error).toMatch(/quote/);
  });

  it('runs int checks, links an importer into its exporter\'s job, skips floats and unlinkable modules', async () => {
    const plan = planScript('inline.wast', await parseWast(script, 'inline.wast'));
    const modules = (job: ModuleJob) => job.modules.map((m) => [m.line, m.name, m.actionsBefore]);
    const actions = (job: ModuleJob) => job.actions.map((action) => [action.line, action.module]);
    expect(plan.jobs.map((job) => [modules(job), actions(job), job.expectInitTrap])).toEqual([
      [[[2, 'a', 0], [13, '', 2]], [[7, 0], [8, 0], [14, 0]], undefined],
      [[[15, '', 0]], [], 'out of bounds memory access'],
    ]);
    expect(plan.skipped.map(({ line, reason }) => [line, reason])).toEqual([[9, 'float'], [17, 'linking']]);
    expect(plan.skipped[1].detail).toMatch(/"nowhere", which no module is registered as/);
  });

  it('runs the linked job in V8 and in v86: the importer is instantiated between the actions', async () => {
    const [linked] = planScript('inline.wast', await parseWast(script, 'inline.wast')).jobs;
    for (const boot of [await runInV8(linked), await runInV86(linked, 20_000)]) {
      expect(boot.serial.replaceAll('\r', '').trim().split('\n')).toEqual(['#0 ok', '#1 trap integer divide by zero', '#2 ok', '#done']);
      expect(judgeJob(linked, boot).map((check) => check.passed)).toEqual([true, true, true]);
    }
  });
});

describe('trapMessageMatches', () => {
  it('accepts the message, a longer one, or one the expectation adds an index to', () => {
    expect(trapMessageMatches('out of bounds memory access', 'out of bounds memory access')).toBe(true);
    expect(trapMessageMatches('undefined element', 'undefined element 7')).toBe(true);
    expect(trapMessageMatches('uninitialized element 2', 'uninitialized element')).toBe(true);
  });

  it('rejects other messages and truncated ones', () => {
    expect(trapMessageMatches('integer overflow', 'integer divide by zero')).toBe(false);
    expect(trapMessageMatches('uninitialized element', 'undefined element')).toBe(false);
    expect(trapMessageMatches('out of bounds memory access', 'out of bounds')).toBe(false);
  });
});

describe('judgeJob', () => {
  const i32 = (value: number) => ({ type: 'i32' as const, value });
  const job: ModuleJob = {
    file: 'x.wast', line: 1, modules: [{ line: 1, wasm: new Uint8Array(), name: '', actionsBefore: 0 }], actions: [
      { line: 2, module: 0, kind: 'invoke', field: 'f', args: [], expect: { kind: 'return', results: [i32(1)] } },
      { line: 3, module: 0, kind: 'invoke', field: 'g', args: [], expect: { kind: 'trap', message: 'unreachable' } },
      { line: 4, module: 0, kind: 'invoke', field: 'h', args: [], expect: { kind: 'return', results: [i32(2)] } },
      { line: 5, module: 0, kind: 'invoke', field: 'k', args: [], expect: { kind: 'none' } },
    ],
  };
  const boot = (serial: string, more: Partial<BootResult> = {}): BootResult =>
    ({ serial, exitCode: 0, timedOut: false, wallMs: 5, ...more });

  it('passes ok lines and matching traps, fails differing results', () => {
    const results = judgeJob(job, boot('booting\r\n#0 ok\r\n#1 trap unreachable\r\n#2 fail i32:3\r\n#3 ok\r\n#done\r\n'));
    expect(results.map((result) => result.passed)).toEqual([true, true, false, true]);
    expect(results[2]).toMatchObject({ line: 4, expected: 'i32:2', got: 'fail i32:3' });
  });

  it('fails a wrong trap and a return where a trap was expected', () => {
    expect(judgeJob(job, boot('#1 trap integer overflow'))[1]).toMatchObject({ passed: false, got: 'trap integer overflow' });
    expect(judgeJob(job, boot('#1 returned'))[1]).toMatchObject({ passed: false, got: 'returned' });
  });

  it('fails every unreported action of a guest that timed out or could not be built', () => {
    const timedOut = judgeJob(job, boot('#0 ok\n', { timedOut: true, exitCode: null, wallMs: 2000 }));
    expect(timedOut.map((result) => result.passed)).toEqual([true, false, false, false]);
    expect(timedOut[3].got).toMatch(/timed out after 2000 ms/);
    const unbuilt = judgeJob(job, boot('', { error: 'builder: unsupported opcode 0xfc' }));
    expect(unbuilt.every((result) => !result.passed && result.got === 'builder: unsupported opcode 0xfc')).toBe(true);
  });

  it('judges an instantiation trap', () => {
    const trapJob = { ...job, actions: [], expectInitTrap: 'out of bounds memory access' };
    expect(judgeJob(trapJob, boot('#init trap out of bounds memory access'))[0].passed).toBe(true);
    expect(judgeJob(trapJob, boot('#done'))[0]).toMatchObject({ passed: false, got: 'instantiated without a trap' });
  });
});

describe('V8 reference', () => {
  async function planOf(file: string) {
    return planScript(file, await parseWast(readFileSync(specDir + file, 'utf8'), file));
  }

  it('passes every check of i32.wast and fails a falsified one', async () => {
    const [job] = (await planOf('i32.wast')).jobs;
    const results = judgeJob(job, await runInV8(job));
    expect(results).toHaveLength(374);
    expect(results.filter((result) => !result.passed)).toEqual([]);

    const falsified = structuredClone(job);
    const add = falsified.actions[0];
    expect(add.expect).toEqual({ kind: 'return', results: [{ type: 'i32', value: 2 }] });
    add.expect = { kind: 'return', results: [{ type: 'i32', value: 3 }] };
    falsified.actions[1].expect = { kind: 'trap', message: 'unreachable' };
    const [first, second] = judgeJob(falsified, await runInV8(falsified));
    expect(first).toMatchObject({ passed: false, got: 'fail i32:2' });
    expect(second).toMatchObject({ passed: false, got: 'returned' });
  });

  it('reports 0 failures for the whole suite through run-spec.ts', async () => {
    const report = join(mkdtempSync(join(tmpdir(), 'spec-')), 'report.json');
    const args = ['tsx', 'test/spec/run-spec.ts', '--engine', 'v8', '--report', report];
    const { stdout } = await promisify(execFile)('npx', args, { cwd: projectRoot });
    const last = stdout.trim().split('\n').at(-1)!;
    const [, passed, failed, skipped] = /^spec: (\d+) passed, (\d+) failed, (\d+) skipped$/.exec(last) ?? [];
    expect(Number(failed)).toBe(0);
    expect(Number(passed)).toBeGreaterThan(7000);
    expect(Number(skipped)).toBeGreaterThan(1000);
    expect(JSON.parse(readFileSync(report, 'utf8'))).toMatchObject({ engine: 'v8', failures: [] });
  });
});
