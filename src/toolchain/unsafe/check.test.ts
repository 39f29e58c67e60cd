import { describe, expect, it } from 'vitest';
import { checkUnsafe, formatUnsafeDiagnostic, hasUnsafeErrors } from './check.js';

const source = (...lines: string[]) => lines.join('\n');

/** Like arch/x86/intrinsics.ts: the translator's `@external("x86", …)` declarations. */
const INTRINSICS = source(
  '@external("x86", "inb") export declare function inb(port: u16): u8;',
  '@external("x86", "outb") export declare function outb(port: u16, value: u8): void;',
  '@external("x86", "cli") export declare function cli(): void;',
  '@external("x86", "write_cr3") export declare function loadCr3(value: u32): void;',
);

/** Re-exports, so that an intrinsic can arrive under another name through another file. */
const ARCH_INDEX = source('export { cli as disableInterruptsNow } from "./intrinsics";');

const CLEAN = source(
  '/** Port wrappers. */', //                         1 comment
  'import { inb } from "./intrinsics";', //             2
  '', //                                                 3
  '@unsafe("reads a device register")', //              4 unsafe (decorator)
  'export function readPort(port: u16): u8 {', //      5 unsafe (signature)
  '  // the one unsafe operation', //                   6 comment
  '  return inb(port);', //                             7 unsafe
  '}', //                                                8 unsafe
  '', //                                                 9
  'export function readTwice(port: u16): u8 {', //     10
  '  return readPort(port) + readPort(port);', //       11 calling a wrapper is safe
  '}', //                                               12
);

const VIOLATIONS = source(
  'import { outb as portOut, loadCr3 } from "../arch/x86/intrinsics";',
  'import * as cpu from "../arch/x86/intrinsics";',
  'import { disableInterruptsNow } from "../arch/x86";',
  'class Task { id: i32 = 0; }',
  'export function bad(address: usize, task: Task): void {',
  '  const byte = load<u8>(address);',
  '  store<u32>(address, 1);',
  '  const t = changetype<Task>(address);',
  '  const a = changetype<usize>(task);',
  '  memory.copy(address, address + 4, 4);',
  '  const size = memory.size();',
  '  i32.store8(address, 0);',
  '  atomic.add<i32>(address, 1);',
  '  const block = __alloc(16);',
  '  heap.free(block);',
  '  const sp = __stack_pointer;',
  '  __stack_pointer = sp;',
  '  portOut(0x3f8, byte);',
  '  cpu.inb(0x60);',
  '  disableInterruptsNow();',
  '  const f = loadCr3;',
  '}',
);

const DECORATORS = source(
  '@unsafe',
  'function a(): void { store<u8>(0, 0); }',
  '@unsafe()',
  'function b(): void { store<u8>(0, 0); }',
  '@unsafe("")',
  'function c(): void { store<u8>(0, 0); }',
  '@unsafe(42)',
  'function d(): void { store<u8>(0, 0); }',
  '@unsafe("not a function")',
  'class E {}',
  'class Lock {',
  '  @unsafe("reads the lock word")',
  '  get word(): u32 { return load<u32>(0); }',
  '  @unsafe("calls only a wrapper")',
  '  relock(): void { this.word; }',
  '}',
);

const COPIED_GC = source(
  "// @unsafe-file: copied from asc's TCMS collector; works on raw object headers",
  '',
  'export function collect(): void {',
  '  __free(changetype<usize>(0));',
  '  store<u32>(0, 0);',
  '}',
);

/** file:line:column, severity and message, cut before " outside an @unsafe function (why…)" to keep expectations short. */
function positions(files: Record<string, string>): string[] {
  return checkUnsafe(files).diagnostics.map((d) => {
    const outside = d.message.indexOf(' outside an @unsafe function');
    return `${d.file}:${d.line}:${d.column}: ${d.severity}: ${outside === -1 ? d.message : d.message.slice(0, outside)}`;
  });
}

const MISSING_REASON =
  'error: @unsafe needs a reason string, e.g. @unsafe("reads the boot loader\'s memory map"): ' +
  "the reasons are what the unsafe report lists (the paper's Table 1)";

describe('checkUnsafe: the rule', () => {
  it('accepts intrinsics inside @unsafe functions and calls to those wrappers from safe code', () => {
    const result = checkUnsafe({ 'arch/x86/intrinsics.ts': INTRINSICS, 'arch/x86/port.ts': CLEAN });
    expect(result.diagnostics).toEqual([]);
    expect(hasUnsafeErrors(result)).toBe(false);
  });

  it('reports every unsafe operation outside @unsafe functions at its line and column', () => {
    const files = { 'arch/x86/intrinsics.ts': INTRINSICS, 'arch/x86/index.ts': ARCH_INDEX, 'mm/bad.ts': VIOLATIONS };
    expect(positions(files)).toEqual([
      'mm/bad.ts:6:16: error: load<u8>() reads raw memory',
      'mm/bad.ts:7:3: error: store<u32>() writes raw memory',
      'mm/bad.ts:8:13: error: changetype<Task>() turns a number into a reference',
      'mm/bad.ts:10:3: error: memory.copy() works on raw addresses',
      'mm/bad.ts:12:3: error: i32.store8() accesses raw memory',
      'mm/bad.ts:13:3: error: atomic.add<i32>() accesses raw memory',
      'mm/bad.ts:14:17: error: __alloc() manages raw heap blocks',
      'mm/bad.ts:15:3: error: heap.free() manages raw heap blocks',
      'mm/bad.ts:16:14: error: __stack_pointer touches the shadow-stack pointer',
      'mm/bad.ts:17:3: error: __stack_pointer touches the shadow-stack pointer',
      'mm/bad.ts:18:3: error: portOut() does port I/O (x86 intrinsic "outb")',
      'mm/bad.ts:19:3: error: cpu.inb() does port I/O (x86 intrinsic "inb")',
      'mm/bad.ts:20:3: error: disableInterruptsNow() changes the interrupt flag (x86 intrinsic "cli")',
      'mm/bad.ts:21:13: error: loadCr3 uses a control register (x86 intrinsic "write_cr3")',
    ]);
  });

  it('says what, why and how to fix, in the compiler format with the repository path', () => {
    const [first] = checkUnsafe({ 'mm/bad.ts': 'export function f(a: usize): u8 { return load<u8>(a); }' }).diagnostics;
    expect(formatUnsafeDiagnostic(first)).toBe(
      'src/kernel/mm/bad.ts:1:42: error: load<u8>() reads raw memory outside an @unsafe function (an address is only a number: ' +
        'nothing checks that it points at memory this code owns, or at a value of that type; ' +
        'move it into a small @unsafe("reason") function and call that)',
    );
  });

  it('wants a reason string, accepts @unsafe only on functions and methods, and warns about idle ones', () => {
    expect(positions({ 'synch/lock.ts': DECORATORS })).toEqual([
      `synch/lock.ts:1:1: ${MISSING_REASON}`,
      `synch/lock.ts:3:1: ${MISSING_REASON}`,
      `synch/lock.ts:5:1: ${MISSING_REASON}`,
      `synch/lock.ts:7:1: ${MISSING_REASON}`,
      'synch/lock.ts:9:1: error: @unsafe marks functions and methods only: ' +
        'put the raw access in a small @unsafe("reason") function and call it from here',
      'synch/lock.ts:14:3: warning: @unsafe function Lock.relock performs no unsafe operation itself ' +
        '(calling an @unsafe function is safe): drop the decorator so the unsafe count stays honest',
    ]);
  });

  it('exempts a file marked // @unsafe-file: reason, and wants the reason there too', () => {
    expect(positions({ 'mm/gc.ts': COPIED_GC })).toEqual([]);
    expect(positions({ 'mm/bare.ts': '// @unsafe-file\nexport const x: i32 = load<i32>(0);' })).toEqual([
      'mm/bare.ts:1:1: error: // @unsafe-file needs a reason after a colon ' +
        '(// @unsafe-file: why all of this file must be unsafe); the reasons are what the unsafe report lists',
    ]);
  });

  it("leaves a file's own function named like a builtin alone", () => {
    const ownLoad = source('function load(name: string): i32 { return name.length; }', 'export function run(): i32 { return load("x"); }');
    expect(positions({ 'shell/settings.ts': ownLoad })).toEqual([]);
  });

  it('reports syntax errors, since a file it cannot parse is a file it cannot vouch for', () => {
    const [error] = checkUnsafe({ 'broken.ts': 'export function (' }).diagnostics;
    expect(error).toMatchObject({ file: 'broken.ts', line: 1, severity: 'error' });
    expect(error.code).toBeGreaterThan(0);
  });
});

describe('checkUnsafe: the report', () => {
  const files = {
    'arch/x86/intrinsics.ts': INTRINSICS,
    'arch/x86/port.ts': CLEAN,
    'mm/gc.ts': COPIED_GC,
    'synch/lock.ts': DECORATORS,
    'main.ts': source('// entry', 'export function _start(): void {}'),
  };
  const { report } = checkUnsafe(files);

  it('counts lines of code and lines of unsafe code per file, decorator and signature included', () => {
    const byPath = Object.fromEntries(report.files.map((file) => [file.path, file]));
    expect(byPath['arch/x86/port.ts']).toMatchObject({ loc: 8, unsafeLoc: 4, sharePct: 50, violations: 0 });
    expect(byPath['arch/x86/port.ts'].regions).toEqual([
      {
        kind: 'function',
        name: 'readPort',
        reason: 'reads a device register',
        startLine: 4,
        endLine: 8,
        unsafeLoc: 4,
        operations: [{ kind: 'port I/O', count: 1 }],
      },
    ]);
    expect(byPath['arch/x86/intrinsics.ts']).toMatchObject({ loc: 4, unsafeLoc: 0 });
    expect(byPath['mm/gc.ts']).toMatchObject({ loc: 4, unsafeLoc: 4, sharePct: 100 });
    expect(byPath['mm/gc.ts'].regions[0]).toMatchObject({ kind: 'file', startLine: 1, endLine: 6, unsafeLoc: 4 });
    expect(byPath['synch/lock.ts']).toMatchObject({ loc: 16, unsafeLoc: 12, violations: 5 });
  });

  it('sums modules and the total, and groups the reasons per module (Table 1)', () => {
    expect(report.modules.map(({ module, files: count, loc, unsafeLoc, sharePct }) => ({ module, count, loc, unsafeLoc, sharePct }))).toEqual([
      { module: '.', count: 1, loc: 1, unsafeLoc: 0, sharePct: 0 },
      { module: 'arch/x86', count: 2, loc: 12, unsafeLoc: 4, sharePct: 33.33 },
      { module: 'mm', count: 1, loc: 4, unsafeLoc: 4, sharePct: 100 },
      { module: 'synch', count: 1, loc: 16, unsafeLoc: 12, sharePct: 75 },
    ]);
    expect(report.total).toEqual({ loc: 33, unsafeLoc: 20, sharePct: 60.61 });
    expect(report.violations).toBe(5);
    const synch = report.modules.find((module) => module.module === 'synch')!;
    expect(synch.reasons).toEqual([
      { reason: '(missing reason)', regions: 4, unsafeLoc: 8 },
      { reason: 'calls only a wrapper', regions: 1, unsafeLoc: 2 },
      { reason: 'reads the lock word', regions: 1, unsafeLoc: 2 },
    ]);
    expect(synch.operations).toEqual([{ kind: 'raw memory', count: 5 }]);
    const mm = report.modules.find((module) => module.module === 'mm')!;
    expect(mm.operations).toEqual([
      { kind: 'raw allocation', count: 1 },
      { kind: 'raw memory', count: 1 },
    ]);
  });

  it('is plain JSON', () => {
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
  });
});
