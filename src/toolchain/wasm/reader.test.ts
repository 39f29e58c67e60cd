/**
 * @fileoverview Tests for the module reader, against real parts:
 * - modules written in WAT and assembled by wabt, every decoded field checked;
 * - hand-assembled binaries for each element/data segment encoding and each
 *   rule the reader enforces, with Node's WebAssembly as the referee;
 * - every module of the spec test suite (../shared/wasm-spec), its imports,
 *   exports and definitions compared with Node and wabt, and the `(module
 *   binary …)` forms of its assertions;
 * - truncated and byte-mutated spec modules: always a WasmError, never a JS
 *   crash, and never accepted when Node rejects the module itself.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import wabtInit from 'wabt';
import { readModule } from './reader.js';
import { ValType, WasmError, type WasmModule } from './types.js';

const wabt = await wabtInit();
/** A module binary that owns its buffer (what WebAssembly.Module accepts). */
type Binary = Uint8Array<ArrayBuffer>;
const FEATURES = { multi_value: true, bulk_memory: true, reference_types: true, sign_extension: true };
const SPEC_DIR = fileURLToPath(new URL('../../../../shared/wasm-spec/', import.meta.url));

function watToBinary(name: string, text: string): Binary {
  const module = wabt.parseWat(name, text, FEATURES);
  try {
    module.resolveNames();
    module.validate();
    // A fresh copy: wabt's buffer lives in its own heap.
    return new Uint8Array(module.toBinary({ write_debug_names: true }).buffer);
  } finally {
    module.destroy();
  }
}

// ---- a tiny binary assembler for hand-made modules ------------------------

type Bytes = number[];
const HEADER = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];

function u32(value: number): Bytes {
  const out: Bytes = [];
  do {
    const byte = value & 0x7f;
    value = Math.floor(value / 128);
    out.push(value === 0 ? byte : byte | 0x80);
  } while (value !== 0);
  return out;
}

const str = (text: string): Bytes => {
  const utf8 = [...new TextEncoder().encode(text)];
  return [...u32(utf8.length), ...utf8];
};
const vec = (items: Bytes[]): Bytes => [...u32(items.length), ...items.flat()];
const section = (id: number, ...parts: Bytes[]): Bytes => {
  const content = parts.flat();
  return [id, ...u32(content.length), ...content];
};
const wasm = (...sections: Bytes[]): Binary => Uint8Array.from([...HEADER, ...sections.flat()]);
/** A code-section entry: `locals` runs, then the instruction bytes (which must include the final end). */
const body = (locals: Bytes[], ...code: number[]): Bytes => {
  const content = [...vec(locals), ...code];
  return [...u32(content.length), ...content];
};

const END = 0x0b;
const I32 = ValType.I32;
const typeSection = (...types: Bytes[]) => section(1, vec(types));
const VOID_TYPE = [0x60, 0x00, 0x00];
const oneVoidFunction = [typeSection(VOID_TYPE), section(3, vec([[0]])), section(10, vec([body([], END)]))];

// ---- Node as referee ------------------------------------------------------

interface Verdict {
  ok: boolean;
  message: string;
  /** Node rejected an instruction inside a function body: the compiler's job, not the reader's. */
  inFunctionBody: boolean;
}

function nodeVerdict(bytes: Binary): Verdict {
  try {
    new WebAssembly.Module(bytes);
    return { ok: true, message: '', inFunctionBody: false };
  } catch (error) {
    const message = (error as Error).message;
    return { ok: false, message, inFunctionBody: /Compiling function #\d+/.test(message) };
  }
}

/** Our verdict: the module, or the WasmError. Any other exception fails the test. */
function ourVerdict(bytes: Binary): WasmModule | WasmError {
  try {
    return readModule(bytes);
  } catch (error) {
    if (error instanceof WasmError) return error;
    throw new Error(`readModule crashed instead of throwing WasmError: ${String(error)}`, { cause: error });
  }
}

function expectWasmError(bytes: Binary, pattern: RegExp): WasmError {
  const result = ourVerdict(bytes);
  expect(result).toBeInstanceOf(WasmError);
  const error = result as WasmError;
  expect(error.message).toMatch(pattern);
  expect(error.message).toContain(`at offset 0x${error.offset.toString(16)}`);
  return error;
}

// ---- decoding every field -------------------------------------------------

const FIELDS_WAT = `(module
  (type $pair (func (param f64) (result i32 i64)))
  (import "env" "fn" (func $imported (param i32) (result i32)))
  (import "env" "tab" (table 2 10 funcref))
  (import "env" "mem" (memory 1 4))
  (import "env" "g" (global $g i32))
  (import "env" "gm" (global $gm (mut i64)))
  (table $ext 3 externref)
  (global $i32 i32 (i32.const -7))
  (global $i64 (mut i64) (i64.const 0x1_0000_0000))
  (global $f32 f32 (f32.const 1.5))
  (global $f64 f64 (f64.const -2.25))
  (global $get i32 (global.get $g))
  (global $null funcref (ref.null func))
  (global $fref funcref (ref.func $add))
  (global $ext externref (ref.null extern))
  (func $add (export "add") (param $a i32) (param $b i32) (result i32) (local $x i64) (local $y i64) (local f32)
    local.get $a
    local.get $b
    i32.add)
  (func $start)
  (func $pair (type $pair) f64.const 1 drop i32.const 1 i64.const 2)
  (start $start)
  (export "tab" (table 0))
  (export "mem" (memory 0))
  (export "g" (global $get))
  (export "ext" (table $ext))
  (elem (i32.const 1) $add $start)
  (data (i32.const 16) "\\01\\02\\03")
  (data "passive"))`;

describe('readModule: every field of a module assembled by wabt', () => {
  const bytes = watToBinary('fields.wat', FIELDS_WAT);
  const m = readModule(bytes);

  it('keeps the input bytes', () => {
    expect(m.bytes).toBe(bytes);
  });

  it('decodes types, including multi-value results', () => {
    expect(m.types).toContainEqual({ params: [ValType.F64], results: [ValType.I32, ValType.I64] });
    expect(m.types).toContainEqual({ params: [ValType.I32, ValType.I32], results: [ValType.I32] });
    expect(m.types).toContainEqual({ params: [], results: [] });
  });

  it('decodes imports of all four kinds and counts them per index space', () => {
    const fnType = m.types[(m.imports[0].desc as { typeIndex: number }).typeIndex];
    expect(fnType).toEqual({ params: [I32], results: [I32] });
    expect(m.imports.slice(1)).toEqual([
      { module: 'env', name: 'tab', desc: { kind: 'table', type: { elemType: ValType.FuncRef, limits: { min: 2, max: 10 } } } },
      { module: 'env', name: 'mem', desc: { kind: 'memory', limits: { min: 1, max: 4 } } },
      { module: 'env', name: 'g', desc: { kind: 'global', type: { type: I32, mutable: false } } },
      { module: 'env', name: 'gm', desc: { kind: 'global', type: { type: ValType.I64, mutable: true } } },
    ]);
    expect([m.importedFuncCount, m.importedTableCount, m.importedMemoryCount, m.importedGlobalCount]).toEqual([1, 1, 1, 2]);
  });

  it('decodes defined tables, memories and globals with each initialiser form', () => {
    expect(m.tables).toEqual([{ elemType: ValType.ExternRef, limits: { min: 3 } }]);
    expect(m.memories).toEqual([]);
    expect(m.globals).toEqual([
      { type: { type: I32, mutable: false }, init: { kind: 'i32.const', value: -7 } },
      { type: { type: ValType.I64, mutable: true }, init: { kind: 'i64.const', value: 0x1_0000_0000n } },
      { type: { type: ValType.F32, mutable: false }, init: { kind: 'f32.const', bits: 0x3fc0_0000 } },
      { type: { type: ValType.F64, mutable: false }, init: { kind: 'f64.const', bits: 0xc002_0000_0000_0000n } },
      { type: { type: I32, mutable: false }, init: { kind: 'global.get', index: 0 } },
      { type: { type: ValType.FuncRef, mutable: false }, init: { kind: 'ref.null', type: ValType.FuncRef } },
      { type: { type: ValType.FuncRef, mutable: false }, init: { kind: 'ref.func', index: 1 } },
      { type: { type: ValType.ExternRef, mutable: false }, init: { kind: 'ref.null', type: ValType.ExternRef } },
    ]);
  });

  it('decodes exports of all four kinds, start, element and data segments', () => {
    expect(m.exports).toEqual([
      { name: 'add', kind: 'func', index: 1 },
      { name: 'tab', kind: 'table', index: 0 },
      { name: 'mem', kind: 'memory', index: 0 },
      { name: 'g', kind: 'global', index: 6 },
      { name: 'ext', kind: 'table', index: 1 },
    ]);
    expect(m.start).toBe(2);
    expect(m.elements).toEqual([
      { mode: 'active', tableIndex: 0, offset: { kind: 'i32.const', value: 1 }, elemType: ValType.FuncRef, items: [1, 2] },
    ]);
    expect(m.data).toEqual([
      { mode: 'active', memoryIndex: 0, offset: { kind: 'i32.const', value: 16 }, data: Uint8Array.from([1, 2, 3]) },
      { mode: 'passive', memoryIndex: 0, data: new TextEncoder().encode('passive') },
    ]);
    expect(m.data[0].data.buffer).toBe(bytes.buffer);
    expect(m.dataCount).toBeUndefined();
  });

  it('expands locals and frames each body: codeStart at the first instruction, codeEnd past the final end', () => {
    const [add, start, pair] = m.functions;
    expect(add.locals).toEqual([ValType.I64, ValType.I64, ValType.F32]);
    expect(m.types[add.typeIndex]).toEqual({ params: [I32, I32], results: [I32] });
    expect([...bytes.subarray(add.codeStart, add.codeEnd)]).toEqual([0x20, 0x00, 0x20, 0x01, 0x6a, END]);
    expect(start.locals).toEqual([]);
    expect([...bytes.subarray(start.codeStart, start.codeEnd)]).toEqual([END]);
    expect(bytes[pair.codeStart]).toBe(0x44); // f64.const
    expect(bytes[pair.codeEnd - 1]).toBe(END);
    for (const [index, fn] of m.functions.entries()) {
      // The size field at bodyStart covers everything up to codeEnd; bodies are contiguous.
      expect(bytes[fn.bodyStart]).toBe(fn.codeEnd - fn.bodyStart - 1);
      if (index > 0) expect(fn.bodyStart).toBe(m.functions[index - 1].codeEnd);
    }
  });

  it('reads function and local names from the "name" section', () => {
    expect(m.functionNames).toEqual(new Map([[0, 'imported'], [1, 'add'], [2, 'start'], [3, 'pair']]));
    expect(m.localNames.get(1)).toEqual(new Map([[0, 'a'], [1, 'b'], [2, 'x'], [3, 'y']]));
    expect(m.sourceMappingURL).toBeUndefined();
  });

  it('reads a sourceMappingURL custom section, wherever it is', () => {
    const url = section(0, str('sourceMappingURL'), str('kernel.wasm.map'));
    expect(readModule(Uint8Array.from([...bytes, ...url])).sourceMappingURL).toBe('kernel.wasm.map');
    expect(readModule(Uint8Array.from([...HEADER, ...url, ...bytes.subarray(8)])).sourceMappingURL).toBe('kernel.wasm.map');
  });
});

describe('readModule: segment encodings', () => {
  const refFunc = (index: number) => [0xd2, ...u32(index), END];
  const refNull = (type: number) => [0xd0, type, END];
  const i32Const = (value: number) => [0x41, value, END];
  const tables = section(4, vec([[0x70, 0x00, 4], [0x70, 0x00, 4], [0x6f, 0x00, 1]]));

  it('decodes all 8 element segment encodings (Node accepts the same binary)', () => {
    const elements = section(9, vec([
      [0x00, ...i32Const(0), ...vec([[0]])],
      [0x01, 0x00, ...vec([[1]])],
      [0x02, 0x01, ...i32Const(2), 0x00, ...vec([[0], [1]])],
      [0x03, 0x00, ...vec([[1]])],
      [0x04, ...i32Const(1), ...vec([refFunc(0), refNull(0x70)])],
      [0x05, 0x6f, ...vec([refNull(0x6f)])],
      [0x06, 0x01, ...i32Const(0), 0x70, ...vec([refFunc(1)])],
      [0x07, 0x70, ...vec([refFunc(0), refNull(0x70)])],
    ]));
    const bytes = wasm(typeSection(VOID_TYPE), section(3, vec([[0], [0]])), tables, elements,
      section(10, vec([body([], END), body([], END)])));
    expect(nodeVerdict(bytes).ok).toBe(true);
    const funcref = ValType.FuncRef;
    expect(readModule(bytes).elements).toEqual([
      { mode: 'active', tableIndex: 0, offset: { kind: 'i32.const', value: 0 }, elemType: funcref, items: [0] },
      { mode: 'passive', tableIndex: 0, elemType: funcref, items: [1] },
      { mode: 'active', tableIndex: 1, offset: { kind: 'i32.const', value: 2 }, elemType: funcref, items: [0, 1] },
      { mode: 'declarative', tableIndex: 0, elemType: funcref, items: [1] },
      { mode: 'active', tableIndex: 0, offset: { kind: 'i32.const', value: 1 }, elemType: funcref, items: [0, null] },
      { mode: 'passive', tableIndex: 0, elemType: ValType.ExternRef, items: [null] },
      { mode: 'active', tableIndex: 1, offset: { kind: 'i32.const', value: 0 }, elemType: funcref, items: [1] },
      { mode: 'declarative', tableIndex: 0, elemType: funcref, items: [0, null] },
    ]);
  });

  it('decodes the 3 data segment encodings and the data count (Node accepts the same binary)', () => {
    const data = section(11, vec([
      [0x00, ...i32Const(8), ...vec([[0xaa], [0xbb]])],
      [0x01, ...vec([[0xcc]])],
      [0x02, 0x00, ...i32Const(16), ...vec([])],
    ]));
    const bytes = wasm(section(5, vec([[0x00, 1]])), section(12, [3]), data);
    expect(nodeVerdict(bytes).ok).toBe(true);
    const m = readModule(bytes);
    expect(m.dataCount).toBe(3);
    expect(m.data).toEqual([
      { mode: 'active', memoryIndex: 0, offset: { kind: 'i32.const', value: 8 }, data: Uint8Array.from([0xaa, 0xbb]) },
      { mode: 'passive', memoryIndex: 0, data: Uint8Array.from([0xcc]) },
      { mode: 'active', memoryIndex: 0, offset: { kind: 'i32.const', value: 16 }, data: new Uint8Array(0) },
    ]);
  });

  it('decodes extended-const expressions into trees', () => {
    // Node 20 ships extended-const behind a flag, so this one has no referee.
    const imported = section(2, vec([[...str('env'), ...str('base'), 0x03, 0x7f, 0x00]]));
    const globals = section(6, vec([
      [0x7f, 0x00, 0x23, 0x00, 0x41, 0x10, 0x6a, 0x41, 0x03, 0x6c, END], // (base + 16) * 3
      [0x7e, 0x00, 0x42, 0x05, 0x42, 0x07, 0x7d, END], // 5 - 7
    ]));
    const m = readModule(wasm(imported, globals));
    expect(m.globals.map((g) => g.init)).toEqual([
      {
        kind: 'binary', op: 'i32.mul',
        lhs: { kind: 'binary', op: 'i32.add', lhs: { kind: 'global.get', index: 0 }, rhs: { kind: 'i32.const', value: 16 } },
        rhs: { kind: 'i32.const', value: 3 },
      },
      { kind: 'binary', op: 'i64.sub', lhs: { kind: 'i64.const', value: 5n }, rhs: { kind: 'i64.const', value: 7n } },
    ]);
  });
});

// ---- what the reader must reject, with Node as referee --------------------

const importGlobal = (mutable: boolean) => section(2, vec([[...str('env'), ...str('g'), 0x03, 0x7f, mutable ? 1 : 0]]));
const importMemory = section(2, vec([[...str('env'), ...str('m'), 0x02, 0x00, 0x01]]));
const globalSection = (...globals: Bytes[]) => section(6, vec(globals));
const codeWithLocals = (paramCount: number, locals: Bytes[]) => [
  typeSection([0x60, ...vec(Array(paramCount).fill([0x7f])), 0x00]),
  section(3, vec([[0]])),
  section(10, vec([body(locals, END)])),
];

const MALFORMED: { name: string; bytes: Binary; error: RegExp; funcIndex?: number }[] = [
  { name: 'empty input', bytes: new Uint8Array(0), error: /unexpected end/ },
  { name: 'truncated header', bytes: Uint8Array.from(HEADER.slice(0, 6)), error: /unexpected end/ },
  { name: 'wrong magic', bytes: Uint8Array.from([0x00, 0x61, 0x73, 0x6e, 1, 0, 0, 0]), error: /magic header not detected/ },
  { name: 'version 2', bytes: Uint8Array.from([...HEADER.slice(0, 4), 2, 0, 0, 0]), error: /unknown binary version/ },
  { name: 'unknown section id', bytes: wasm([0x20, 0x00]), error: /malformed section id 32/ },
  { name: 'section size past the end', bytes: wasm([0x01, 0x05, 0x00]), error: /section size 5 out of bounds/ },
  { name: 'section longer than its contents', bytes: wasm(section(1, vec([VOID_TYPE]), [0x00])), error: /section size mismatch/ },
  { name: 'vector count larger than the section', bytes: wasm(section(1, [0x02, ...VOID_TYPE])), error: /unexpected end/ },
  { name: 'duplicate section', bytes: wasm(typeSection(VOID_TYPE), typeSection(VOID_TYPE)), error: /duplicate section 1/ },
  { name: 'function section before type section', bytes: wasm(section(3, vec([])), typeSection()), error: /section 1 out of order/ },
  { name: 'data count section after code', bytes: wasm(section(10, vec([])), section(12, [0])), error: /section 12 out of order/ },
  { name: 'functions without code', bytes: wasm(typeSection(VOID_TYPE), section(3, vec([[0]]))), error: /function and code section have inconsistent lengths/ },
  { name: 'code without functions', bytes: wasm(section(10, vec([body([], END)]))), error: /function and code section have inconsistent lengths/ },
  { name: 'two functions, one body', bytes: wasm(typeSection(VOID_TYPE), section(3, vec([[0], [0]])), section(10, vec([body([], END)]))), error: /inconsistent lengths/ },
  { name: 'data count above the data segments', bytes: wasm(section(12, [2]), section(11, vec([[0x01, 0x00]]))), error: /data count and data section have inconsistent lengths/ },
  { name: 'data count without a data section', bytes: wasm(section(12, [1])), error: /data count and data section have inconsistent lengths/ },
  { name: '50,001 locals', bytes: wasm(...codeWithLocals(0, [[...u32(50_001), 0x7f]])), error: /function 0: too many locals/, funcIndex: 0 },
  { name: '49,999 locals and 2 parameters', bytes: wasm(...codeWithLocals(2, [[...u32(49_999), 0x7f]])), error: /too many locals/, funcIndex: 0 },
  { name: 'local counts summing past 2^32', bytes: wasm(...codeWithLocals(0, [[...u32(0xffff_ffff), 0x7f], [0x02, 0x7e]])), error: /too many locals/, funcIndex: 0 },
  { name: 'u32 LEB with a sixth byte', bytes: wasm(section(1, [0x81, 0x80, 0x80, 0x80, 0x80, 0x00, ...VOID_TYPE])), error: /integer representation too long/ },
  { name: 'u32 LEB with unused bits set', bytes: wasm(section(5, vec([[0x00, 0x82, 0x80, 0x80, 0x80, 0x70]]))), error: /integer too large/ },
  { name: 's32 LEB with a sixth byte', bytes: wasm(globalSection([0x7f, 0x00, 0x41, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00, END])), error: /integer representation too long/ },
  { name: 's64 LEB not sign-extended', bytes: wasm(globalSection([0x7e, 0x00, 0x42, ...Array(9).fill(0x80), 0x7e, END])), error: /integer too large/ },
  { name: 'invalid UTF-8 in an import module name', bytes: wasm(section(2, vec([[0x01, 0xff, ...str('g'), 0x03, 0x7f, 0x00]]))), error: /malformed UTF-8/ },
  { name: 'overlong UTF-8 in an export name', bytes: wasm(...oneVoidFunction.slice(0, 2), section(7, vec([[0x02, 0xc0, 0x80, 0x00, 0x00]])), oneVoidFunction[2]), error: /malformed UTF-8/ },
  { name: 'surrogate in a custom section name', bytes: wasm(section(0, [0x03, 0xed, 0xa0, 0x80])), error: /malformed UTF-8/ },
  { name: 'unknown value type in a function type', bytes: wasm(typeSection([0x60, 0x01, 0x7a, 0x00])), error: /malformed value type 0x7a/ },
  { name: 'unknown value type in a global', bytes: wasm(globalSection([0x40, 0x00, 0x41, 0x00, END])), error: /malformed value type 0x40/ },
  { name: 'unknown value type in locals', bytes: wasm(...codeWithLocals(0, [[0x01, 0x40]])), error: /function 0: malformed value type 0x40/, funcIndex: 0 },
  { name: 'function type form 0x61', bytes: wasm(typeSection([0x61, 0x00, 0x00])), error: /malformed function type/ },
  { name: 'two defined memories', bytes: wasm(section(5, vec([[0x00, 0x01], [0x00, 0x01]]))), error: /multiple memories/ },
  { name: 'an imported and a defined memory', bytes: wasm(importMemory, section(5, vec([[0x00, 0x01]]))), error: /multiple memories/ },
  { name: 'memory minimum above maximum', bytes: wasm(section(5, vec([[0x01, 0x02, 0x01]]))), error: /minimum must not be greater than maximum/ },
  { name: 'table minimum above maximum', bytes: wasm(section(4, vec([[0x70, 0x01, 0x05, 0x04]]))), error: /minimum must not be greater than maximum/ },
  { name: 'memory above 65,536 pages', bytes: wasm(section(5, vec([[0x00, ...u32(65_537)]]))), error: /memory size must be at most 65536/ },
  { name: 'limits flags 0x08', bytes: wasm(section(5, vec([[0x08, 0x00]]))), error: /malformed memory limits flags/ },
  { name: 'import kind 5', bytes: wasm(section(2, vec([[...str('a'), ...str('b'), 0x05, 0x00]]))), error: /malformed import kind 5/ },
  { name: 'export kind 5', bytes: wasm(section(7, vec([[...str('e'), 0x05, 0x00]]))), error: /malformed export kind/ },
  { name: 'mutability 2', bytes: wasm(globalSection([0x7f, 0x02, 0x41, 0x00, END])), error: /malformed mutability/ },
  { name: 'element segment kind 8', bytes: wasm(section(9, vec([[0x08, 0x00]]))), error: /malformed elements segment kind 8/ },
  { name: 'element kind 1', bytes: wasm(...oneVoidFunction.slice(0, 2), section(9, vec([[0x01, 0x01, ...vec([[0]])]])), oneVoidFunction[2]), error: /malformed element kind/ },
  { name: 'nop in an element expression', bytes: wasm(section(9, vec([[0x05, 0x70, ...vec([[0x01, END]])]]))), error: /illegal opcode 0x1 in constant expression/ },
  { name: 'i32 as an element reference type', bytes: wasm(section(9, vec([[0x05, 0x7f, ...vec([[0xd0, 0x70, END]])]]))), error: /malformed reference type 0x7f/ },
  { name: 'data segment kind 3', bytes: wasm(section(5, vec([[0x00, 0x01]])), section(11, vec([[0x03, 0x00]]))), error: /malformed data segment kind 3/ },
  { name: 'constant expression without end', bytes: wasm(globalSection([0x7f, 0x00, 0x41, 0x00])), error: /unexpected end/ },
  { name: 'constant expression with two values', bytes: wasm(globalSection([0x7f, 0x00, 0x41, 0x00, 0x41, 0x00, END])), error: /type mismatch in constant expression/ },
  { name: 'i64 initialiser for an i32 global', bytes: wasm(globalSection([0x7f, 0x00, 0x42, 0x00, END])), error: /type mismatch in constant expression/ },
  { name: 'global.get of a mutable global', bytes: wasm(importGlobal(true), globalSection([0x7f, 0x00, 0x23, 0x00, END])), error: /constant expression required/ },
  { name: 'global.get of a later global', bytes: wasm(globalSection([0x7f, 0x00, 0x23, 0x01, END], [0x7f, 0x00, 0x41, 0x00, END])), error: /unknown global 1/ },
  { name: 'ref.func of a missing function', bytes: wasm(globalSection([0x70, 0x00, 0xd2, 0x00, END])), error: /unknown function 0/ },
  { name: 'body not ending with end', bytes: wasm(typeSection(VOID_TYPE), section(3, vec([[0]])), section(10, vec([body([], 0x01)]))), error: /function 0: function body must end with the end opcode/, funcIndex: 0 },
  { name: 'body size past the code section', bytes: wasm(typeSection(VOID_TYPE), section(3, vec([[0]])), section(10, [0x01, 0x0a, 0x00, END])), error: /function 0: function body size 10 out of bounds/, funcIndex: 0 },
  { name: 'body with no instructions', bytes: wasm(typeSection(VOID_TYPE), section(3, vec([[0]])), section(10, vec([[0x01, 0x00]]))), error: /function 0: unexpected end of function body/, funcIndex: 0 },
  { name: 'unknown type in the function section', bytes: wasm(typeSection(VOID_TYPE), section(3, vec([[1]])), section(10, vec([body([], END)]))), error: /unknown type 1/ },
  { name: 'unknown type in a function import', bytes: wasm(section(2, vec([[...str('a'), ...str('b'), 0x00, 0x00]]))), error: /unknown type 0/ },
  { name: 'export of a missing function', bytes: wasm(...oneVoidFunction.slice(0, 2), section(7, vec([[...str('f'), 0x00, 0x01]])), oneVoidFunction[2]), error: /unknown func 1/ },
  { name: 'duplicate export name', bytes: wasm(...oneVoidFunction.slice(0, 2), section(7, vec([[...str('f'), 0x00, 0x00], [...str('f'), 0x00, 0x00]])), oneVoidFunction[2]), error: /duplicate export name "f"/ },
  { name: 'start function out of range', bytes: wasm(...oneVoidFunction.slice(0, 2), section(8, [0x01]), oneVoidFunction[2]), error: /unknown function 1/ },
  { name: 'start function with a parameter', bytes: wasm(typeSection([0x60, 0x01, 0x7f, 0x00]), section(3, vec([[0]])), section(8, [0x00]), section(10, vec([body([], END)]))), error: /start function must have type/ },
  { name: 'element segment for a missing table', bytes: wasm(...oneVoidFunction.slice(0, 2), section(9, vec([[0x00, 0x41, 0x00, END, ...vec([[0]])]])), oneVoidFunction[2]), error: /unknown table 0/ },
  { name: 'funcref segment for an externref table', bytes: wasm(section(4, vec([[0x6f, 0x00, 0x01]])), section(9, vec([[0x04, 0x41, 0x00, END, ...vec([[0xd0, 0x70, END]])]]))), error: /type mismatch: element segment and table/ },
  { name: 'data segment without a memory', bytes: wasm(section(11, vec([[0x00, 0x41, 0x00, END, 0x00]]))), error: /unknown memory 0/ },
];

describe('readModule rejects malformed modules, as Node does', () => {
  it.each(MALFORMED)('$name', ({ bytes, error: pattern, funcIndex }) => {
    const error = expectWasmError(bytes, pattern);
    expect(error.funcIndex).toBe(funcIndex);
    const node = nodeVerdict(bytes);
    expect(node.ok, 'Node accepts this module').toBe(false);
  });

  it('names the function index in the whole index space, after imports', () => {
    const bytes = wasm(
      typeSection(VOID_TYPE),
      section(2, vec([[...str('env'), ...str('f'), 0x00, 0x00]])),
      section(3, vec([[0], [0]])),
      section(10, vec([body([], END), body([[0x01, 0x00]], END)])),
    );
    const error = expectWasmError(bytes, /^function 2: malformed value type 0x0 at offset 0x/);
    expect(error.funcIndex).toBe(2);
    expect(error.offset).toBe(bytes.length - 2);
  });
});

describe('readModule accepts the edge cases Node accepts', () => {
  const VALID: { name: string; bytes: Binary; check?: (m: WasmModule) => void; nodeRejectsBody?: boolean }[] = [
    { name: 'the empty module', bytes: wasm() },
    {
      name: 'custom sections before, between and after the others',
      bytes: wasm(section(0, str('a')), typeSection(VOID_TYPE), section(0, str('b'), [1, 2, 3]), section(3, vec([[0]])),
        section(10, vec([body([], END)])), section(0, str('c'))),
      check: (m) => expect(m.functions).toHaveLength(1),
    },
    { name: 'a padded section size', bytes: wasm([0x01, 0x84, 0x80, 0x80, 0x80, 0x00, 0x01, ...VOID_TYPE]), check: (m) => expect(m.types).toHaveLength(1) },
    { name: 'an empty function section and no code section', bytes: wasm(section(3, vec([]))) },
    { name: 'an empty code section and no function section', bytes: wasm(section(10, vec([]))) },
    { name: 'exactly 50,000 locals', bytes: wasm(...codeWithLocals(0, [[...u32(30_000), 0x7f], [...u32(20_000), 0x7c]])), check: (m) => expect(m.functions[0].locals).toHaveLength(50_000) },
    { name: 'zero-length local runs', bytes: wasm(...codeWithLocals(0, [[0x00, 0x7f], [0x02, 0x7d]])), check: (m) => expect(m.functions[0].locals).toEqual([ValType.F32, ValType.F32]) },
    { name: 'a data count matching the data section', bytes: wasm(section(12, [1]), section(11, vec([[0x01, 0x00]]))), check: (m) => expect(m.dataCount).toBe(1) },
    {
      name: 'an export name starting with U+FEFF',
      bytes: wasm(...oneVoidFunction.slice(0, 2), section(7, vec([[...str('\ufeffrun'), 0x00, 0x00]])), oneVoidFunction[2]),
      check: (m) => expect(m.exports[0].name).toBe('\ufeffrun'),
    },
    {
      name: 'a damaged "name" section (ignored, as engines do)',
      bytes: wasm(...oneVoidFunction, section(0, str('name'), [0x01, 0x04, 0x01, 0x00, 0x01, 0xff])),
      check: (m) => expect(m.functionNames.size).toBe(0),
    },
    {
      name: 'function bodies with undecodable instructions (the compiler decodes them)',
      bytes: wasm(typeSection(VOID_TYPE), section(3, vec([[0]])), section(10, vec([body([], 0xff, 0xfe, END)]))),
      check: (m) => expect(m.functions[0].codeEnd - m.functions[0].codeStart).toBe(3),
      nodeRejectsBody: true,
    },
  ];

  it.each(VALID)('$name', ({ bytes, check, nodeRejectsBody }) => {
    const result = ourVerdict(bytes);
    if (result instanceof WasmError) throw result;
    check?.(result);
    const node = nodeVerdict(bytes);
    expect(nodeRejectsBody ? node.inFunctionBody : node.ok, node.message).toBe(true);
  });
});

// ---- the spec test suite --------------------------------------------------

/** Splits a .wast script (or the inside of one form) into top-level s-expressions, skipping comments and strings. */
function topLevelForms(script: string): string[] {
  const forms: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < script.length; i++) {
    if (script.startsWith(';;', i)) {
      i = script.indexOf('\n', i);
      if (i < 0) break;
    } else if (script.startsWith('(;', i)) {
      i = blockCommentEnd(script, i) - 1;
    } else if (script[i] === '"') {
      for (i++; i < script.length && script[i] !== '"'; i++) if (script[i] === '\\') i++;
    } else if (script[i] === '(') {
      if (depth++ === 0) start = i;
    } else if (script[i] === ')' && --depth === 0) {
      forms.push(script.slice(start, i + 1));
    }
  }
  return forms;
}

/** Index just past the nested block comment that opens at `i`. */
function blockCommentEnd(script: string, i: number): number {
  let nesting = 0;
  do {
    if (script.startsWith('(;', i)) (nesting++, (i += 2));
    else if (script.startsWith(';)', i)) (nesting--, (i += 2));
    else i++;
  } while (nesting > 0 && i < script.length);
  return i;
}

/** The bytes of the string literals in a `(module binary "…" …)` form. */
function binaryModuleBytes(form: string): Binary {
  const out: number[] = [];
  const body = form.slice(form.indexOf('binary') + 'binary'.length);
  const escapes: { [c: string]: number } = { n: 0x0a, t: 0x09, r: 0x0d, '\\': 0x5c, '"': 0x22, "'": 0x27 };
  for (const [, literal] of body.matchAll(/"((?:[^"\\]|\\.)*)"/gs)) {
    for (let i = 0; i < literal.length; i++) {
      if (literal[i] !== '\\') {
        out.push(...new TextEncoder().encode(literal[i]));
      } else if (/^[0-9a-fA-F]{2}$/.test(literal.slice(i + 1, i + 3))) {
        out.push(parseInt(literal.slice(i + 1, i + 3), 16));
        i += 2;
      } else {
        out.push(escapes[literal[++i]]);
      }
    }
  }
  return Uint8Array.from(out);
}

const isTextModule = (form: string) => /^\(module\b/.test(form) && !/^\(module(\s+\$\S+)?\s+(binary|quote)\b/.test(form);
const isBinaryModule = (form: string) => /^\(module(\s+\$\S+)?\s+binary\b/.test(form);

interface SpecModule { name: string; bytes: Binary }

/** Every text module of the suite (top level, or inside assertions that need a valid module), assembled by wabt. */
function loadSpecSuite() {
  const modules: SpecModule[] = [];
  const binaryForms: { name: string; kind: string; bytes: Binary }[] = [];
  let wabtRejected = 0;
  for (const file of readdirSync(SPEC_DIR).filter((f) => f.endsWith('.wast')).sort()) {
    topLevelForms(readFileSync(SPEC_DIR + file, 'utf8')).forEach((form, index) => {
      const name = `${file}:${index}`;
      const kind = /^\((\w+)/.exec(form)![1];
      const inner = kind === 'module' ? form : topLevelForms(form.slice(1, -1))[0] ?? '';
      if (isBinaryModule(inner)) binaryForms.push({ name, kind, bytes: binaryModuleBytes(inner) });
      if (!isTextModule(inner) || !['module', 'assert_trap', 'assert_unlinkable', 'assert_uninstantiable'].includes(kind)) return;
      try {
        modules.push({ name, bytes: watToBinary(name, inner) });
      } catch {
        wabtRejected++;
      }
    });
  }
  return { modules, binaryForms, wabtRejected };
}

const suite = loadSpecSuite();

const NODE_KIND = { func: 'function', table: 'table', memory: 'memory', global: 'global' } as const;

/** Counts of the definitions wabt prints (one line each, at the module's top level). */
function wabtDefinitionCounts(bytes: Binary): { [kind: string]: number } {
  const module = wabt.readWasm(bytes, { readDebugNames: false, ...FEATURES });
  try {
    const counts: { [kind: string]: number } = { func: 0, table: 0, memory: 0, global: 0, elem: 0, data: 0 };
    for (const [, kind] of module.toText({}).matchAll(/^ {2}\((func|table|memory|global|elem|data) \(;\d+;\)/gm)) counts[kind]++;
    return counts;
  } finally {
    module.destroy();
  }
}

describe('readModule on the spec test suite', () => {
  it('decodes every module; imports and exports match Node, definitions match wabt', () => {
    const problems: string[] = [];
    for (const { name, bytes } of suite.modules) {
      const m = ourVerdict(bytes);
      if (m instanceof WasmError) {
        problems.push(`${name}: ${m.message}`);
        continue;
      }
      const node = new WebAssembly.Module(bytes);
      const imports = m.imports.map((i) => ({ module: i.module, name: i.name, kind: NODE_KIND[i.desc.kind] }));
      const exports = m.exports.map((e) => ({ name: e.name, kind: NODE_KIND[e.kind] }));
      if (JSON.stringify(imports) !== JSON.stringify(WebAssembly.Module.imports(node))) problems.push(`${name}: imports differ`);
      if (JSON.stringify(exports) !== JSON.stringify(WebAssembly.Module.exports(node))) problems.push(`${name}: exports differ`);
      const ours = {
        func: m.functions.length, table: m.tables.length, memory: m.memories.length,
        global: m.globals.length, elem: m.elements.length, data: m.data.length,
      };
      const theirs = wabtDefinitionCounts(bytes);
      if (JSON.stringify(ours) !== JSON.stringify(theirs)) problems.push(`${name}: ${JSON.stringify(ours)} vs wabt ${JSON.stringify(theirs)}`);
      for (const fn of m.functions) if (bytes[fn.codeEnd - 1] !== END) problems.push(`${name}: body does not end with end`);
    }
    console.log(`spec suite: ${suite.modules.length} modules decoded and compared, ${suite.wabtRejected} skipped (wabt rejects)`);
    expect(problems).toEqual([]);
    expect(suite.modules.length).toBeGreaterThan(600);
  });

  it('agrees with Node on every (module binary …) of the suite', () => {
    const disagreements: string[] = [];
    const malformed = suite.binaryForms.filter((f) => f.kind === 'assert_malformed');
    for (const { name, kind, bytes } of suite.binaryForms) {
      const ours = ourVerdict(bytes);
      const node = nodeVerdict(bytes);
      if (kind === 'assert_malformed' && !(ours instanceof WasmError)) disagreements.push(`${name}: malformed, but we accept`);
      if ((ours instanceof WasmError) === node.ok) disagreements.push(`${name} (${kind}): ours ${ours instanceof WasmError ? ours.message : 'ok'}, Node ${node.message || 'ok'}`);
    }
    console.log(`spec binary modules: ${suite.binaryForms.length - disagreements.length}/${suite.binaryForms.length} agree with Node (${malformed.length} assert_malformed)`);
    expect(disagreements).toEqual([]);
    expect(malformed.length).toBeGreaterThan(0);
  });
});

// ---- robustness: damaged modules -----------------------------------------

/** Deterministic pseudo-random numbers, so a failure can be replayed. */
function randomSource(seed: number): (limit: number) => number {
  let state = seed;
  return (limit) => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return Math.floor((state / 2 ** 32) * limit);
  };
}

/**
 * Compares one damaged module with Node. We may accept what Node rejects only
 * when Node's complaint is inside a function body (the compiler's domain);
 * we never reject what Node accepts.
 */
function judge(bytes: Binary): 'agree' | 'body' | string {
  const ours = ourVerdict(bytes);
  const node = nodeVerdict(bytes);
  if (ours instanceof WasmError) return node.ok ? `we reject (${ours.message}), Node accepts` : 'agree';
  if (node.ok) return 'agree';
  return node.inFunctionBody ? 'body' : `we accept, Node rejects: ${node.message}`;
}

describe('readModule on damaged modules', () => {
  it('every prefix of the field module: WasmError exactly when Node rejects', () => {
    const bytes = watToBinary('fields.wat', FIELDS_WAT);
    const problems: string[] = [];
    for (let length = 0; length <= bytes.length; length++) {
      const verdict = judge(bytes.slice(0, length));
      if (verdict !== 'agree') problems.push(`prefix ${length}: ${verdict}`);
    }
    expect(problems).toEqual([]);
  });

  it('random truncations and byte changes of every spec module', () => {
    const random = randomSource(0x5eed);
    const tally: { [verdict: string]: number } = { agree: 0, body: 0 };
    const problems: string[] = [];
    for (const { name, bytes } of suite.modules) {
      for (let round = 0; round < 12; round++) {
        const damaged = round < 4 ? bytes.slice(0, random(bytes.length)) : bytes.slice();
        if (round >= 4) damaged[8 + random(bytes.length - 8)] = random(256);
        const verdict = judge(damaged);
        if (verdict === 'agree' || verdict === 'body') tally[verdict]++;
        else problems.push(`${name} round ${round}: ${verdict}`);
      }
    }
    console.log(`damaged spec modules: ${tally.agree} agree with Node, ${tally.body} rejected by Node inside a function body only, ${problems.length} disagree`);
    expect(problems).toEqual([]);
  });
});
