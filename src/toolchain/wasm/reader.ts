/**
 * @fileoverview The WebAssembly binary reader: .wasm bytes → `WasmModule`.
 *
 * Pipeline place: first stage of the wasm → i686 translator. It decodes every
 * section (MVP + multi-value + sign-extension + bulk memory + reference types
 * + extended-const constant expressions) and rejects what a decoder must
 * reject (the spec's `assert_malformed`), plus the module-level facts the
 * compiler relies on (indices in range, constant expressions well typed, at
 * most one memory, limits in order). Function bodies are only framed
 * (locals expanded, `codeStart`/`codeEnd` recorded): the compiler
 * (`../compiler/`) decodes and type-checks their instructions in one pass.
 *
 * Every error is a `WasmError` whose message names the offset (and, inside a
 * code body, the function index).
 */
import { Cursor } from './cursor.js';
import { Op } from './opcodes.js';
import {
  ValType, WasmError,
  type ConstExpr, type DataSegment, type ElementItem, type ElementSegment, type Export, type FuncType, type FunctionBody,
  type Global, type GlobalType, type Import, type ImportDesc, type Limits, type TableType, type WasmModule,
} from './types.js';

/** Same bound as V8 and SpiderMonkey: parameters plus declared locals of one function. */
const MAX_LOCALS = 50_000;
/** 4 GiB of 64 KiB pages. */
const MAX_MEMORY_PAGES = 65_536;
const WASM_MAGIC = 0x6d736100; // "\0asm" read little-endian
const WASM_VERSION = 1;

const enum SectionId {
  Custom = 0, Type = 1, Import = 2, Function = 3, Table = 4, Memory = 5, Global = 6,
  Export = 7, Start = 8, Element = 9, Code = 10, Data = 11, DataCount = 12,
}

/** Where each known section must appear: the data count section sits between element and code. */
const SECTION_ORDER: readonly SectionId[] = [
  SectionId.Type, SectionId.Import, SectionId.Function, SectionId.Table, SectionId.Memory,
  SectionId.Global, SectionId.Export, SectionId.Start, SectionId.Element, SectionId.DataCount,
  SectionId.Code, SectionId.Data,
];

const EXPORT_KINDS = ['func', 'table', 'memory', 'global'] as const;

/** Decoding state that does not end up in the module. */
interface Reader {
  module: WasmModule;
  /** The function section's type indices; the code section pairs bodies with them. */
  functionTypes: number[];
  sawCode: boolean;
}

/** Decode a whole module. Throws WasmError for anything malformed. */
export function readModule(bytes: Uint8Array): WasmModule {
  const cursor = new Cursor(bytes);
  readHeader(cursor);
  const reader: Reader = { module: emptyModule(bytes), functionTypes: [], sawCode: false };
  let lastOrder = -1;
  while (!cursor.atEnd) {
    const idOffset = cursor.pos;
    const id = cursor.u8();
    const section = sizedCursor(cursor, 'section');
    if (id !== SectionId.Custom) {
      const order = SECTION_ORDER.indexOf(id);
      if (order < 0) cursor.fail(`malformed section id ${id}`, idOffset);
      if (order === lastOrder) cursor.fail(`duplicate section ${id}`, idOffset);
      if (order < lastOrder) cursor.fail(`section ${id} out of order`, idOffset);
      lastOrder = order;
    }
    readSection(reader, id, section);
    if (!section.atEnd) section.fail(`section size mismatch (section ${id} ends at 0x${section.end.toString(16)})`);
  }
  checkSectionCounts(reader, cursor);
  return reader.module;
}

function readHeader(cursor: Cursor): void {
  if (cursor.u32Fixed() !== WASM_MAGIC) cursor.fail('magic header not detected', 0);
  if (cursor.u32Fixed() !== WASM_VERSION) cursor.fail('unknown binary version', 4);
}

function emptyModule(bytes: Uint8Array): WasmModule {
  return {
    bytes, types: [], imports: [],
    importedFuncCount: 0, importedTableCount: 0, importedMemoryCount: 0, importedGlobalCount: 0,
    functions: [], tables: [], memories: [], globals: [], exports: [], elements: [], data: [],
    functionNames: new Map(), localNames: new Map(),
  };
}

/** Reads a u32 size and returns a cursor bounded to the `size` bytes after it; moves `cursor` past them. */
function sizedCursor(cursor: Cursor, what: string): Cursor {
  const sizeOffset = cursor.pos;
  const size = cursor.u32();
  const start = cursor.pos;
  if (size > cursor.end - start) cursor.fail(`${what} size ${size} out of bounds`, sizeOffset);
  cursor.pos = start + size;
  return new Cursor(cursor.bytes, start, start + size);
}

function readSection(reader: Reader, id: SectionId, c: Cursor): void {
  const m = reader.module;
  switch (id) {
    case SectionId.Custom: return readCustomSection(m, c);
    case SectionId.Type: m.types = readVector(c, readFuncType); return;
    case SectionId.Import: m.imports = readVector(c, () => readImport(m, c)); return;
    case SectionId.Function: reader.functionTypes = readVector(c, () => readIndex(c, m.types.length, 'type')); return;
    case SectionId.Table: m.tables = readVector(c, readTableType); return;
    case SectionId.Memory: return readMemorySection(m, c);
    case SectionId.Global: return readGlobalSection(reader, c);
    case SectionId.Export: m.exports = readExports(reader, c); return;
    case SectionId.Start: return readStart(reader, c);
    case SectionId.Element: m.elements = readVector(c, () => readElement(reader, c)); return;
    case SectionId.DataCount: m.dataCount = c.u32(); return;
    case SectionId.Code: return readCodeSection(reader, c);
    case SectionId.Data: m.data = readVector(c, () => readDataSegment(reader, c)); return;
  }
}

/** A vector: u32 count, then `count` items. Items consume at least one byte each, so garbage counts end in 'unexpected end'. */
function readVector<T>(c: Cursor, readItem: (c: Cursor, index: number) => T): T[] {
  const count = c.u32();
  const items: T[] = [];
  for (let i = 0; i < count; i++) items.push(readItem(c, i));
  return items;
}

// ---- types ---------------------------------------------------------------

function readValType(c: Cursor): ValType {
  const at = c.pos;
  const byte = c.u8();
  switch (byte) {
    case ValType.I32: case ValType.I64: case ValType.F32: case ValType.F64: case ValType.V128:
    case ValType.FuncRef: case ValType.ExternRef:
      return byte;
  }
  return c.fail(`malformed value type 0x${byte.toString(16)}`, at);
}

function readRefType(c: Cursor): ValType {
  const at = c.pos;
  const byte = c.u8();
  if (byte !== ValType.FuncRef && byte !== ValType.ExternRef) c.fail(`malformed reference type 0x${byte.toString(16)}`, at);
  return byte;
}

function readFuncType(c: Cursor): FuncType {
  const at = c.pos;
  const form = c.u8();
  if (form !== 0x60) c.fail(`malformed function type form 0x${form.toString(16)}`, at);
  return { params: readVector(c, readValType), results: readVector(c, readValType) };
}

function readLimits(c: Cursor, maxAllowed: number, what: string): Limits {
  const at = c.pos;
  const flags = c.u32();
  if (flags > 1) c.fail(`malformed ${what} limits flags 0x${flags.toString(16)}`, at);
  const min = c.u32();
  const limits: Limits = flags === 1 ? { min, max: c.u32() } : { min };
  if (min > maxAllowed || (limits.max ?? 0) > maxAllowed) c.fail(`${what} size must be at most ${maxAllowed}`, at);
  if (limits.max !== undefined && min > limits.max) c.fail(`${what} size minimum must not be greater than maximum`, at);
  return limits;
}

function readTableType(c: Cursor): TableType {
  const elemType = readRefType(c);
  return { elemType, limits: readLimits(c, 0xffff_ffff, 'table') };
}

function readMemoryType(c: Cursor): Limits {
  return readLimits(c, MAX_MEMORY_PAGES, 'memory');
}

function readGlobalType(c: Cursor): GlobalType {
  const type = readValType(c);
  const at = c.pos;
  const mutability = c.u8();
  if (mutability > 1) c.fail('malformed mutability', at);
  return { type, mutable: mutability === 1 };
}

/** An index into a space of `count` entries (types, functions, tables, ...). */
function readIndex(c: Cursor, count: number, what: string): number {
  const at = c.pos;
  const index = c.u32();
  if (index >= count) c.fail(`unknown ${what} ${index}`, at);
  return index;
}

// ---- imports, memories, globals, exports, start --------------------------

function readImport(m: WasmModule, c: Cursor): Import {
  const module = c.name();
  const name = c.name();
  const at = c.pos;
  const kind = c.u8();
  let desc: ImportDesc;
  switch (kind) {
    case 0: desc = { kind: 'func', typeIndex: readIndex(c, m.types.length, 'type') }; m.importedFuncCount++; break;
    case 1: desc = { kind: 'table', type: readTableType(c) }; m.importedTableCount++; break;
    case 2: desc = { kind: 'memory', limits: readMemoryType(c) }; m.importedMemoryCount++; break;
    case 3: desc = { kind: 'global', type: readGlobalType(c) }; m.importedGlobalCount++; break;
    default: return c.fail(`malformed import kind ${kind}`, at);
  }
  if (m.importedMemoryCount > 1) c.fail('multiple memories', at);
  return { module, name, desc };
}

function readMemorySection(m: WasmModule, c: Cursor): void {
  const at = c.pos;
  m.memories = readVector(c, readMemoryType);
  if (m.importedMemoryCount + m.memories.length > 1) c.fail('multiple memories', at);
}

/** Globals are appended one by one: an initialiser may read the globals before it. */
function readGlobalSection(reader: Reader, c: Cursor): void {
  readVector(c, () => reader.module.globals.push(readGlobal(reader, c)));
}

function readGlobal(reader: Reader, c: Cursor): Global {
  const type = readGlobalType(c);
  return { type, init: readConstExpr(reader, c, type.type) };
}

function readExports(reader: Reader, c: Cursor): Export[] {
  const names = new Set<string>();
  return readVector(c, () => {
    const at = c.pos;
    const name = c.name();
    if (names.has(name)) c.fail(`duplicate export name "${name}"`, at);
    names.add(name);
    const kindAt = c.pos;
    const kind = EXPORT_KINDS[c.u8()];
    if (kind === undefined) c.fail('malformed export kind', kindAt);
    const index = readIndex(c, indexSpaceSize(reader, kind), kind);
    return { name, kind, index };
  });
}

function readStart(reader: Reader, c: Cursor): void {
  const at = c.pos;
  const index = readIndex(c, indexSpaceSize(reader, 'func'), 'function');
  const type = reader.module.types[funcTypeIndex(reader, index)];
  if (type.params.length > 0 || type.results.length > 0) c.fail('start function must have type [] -> []', at);
  reader.module.start = index;
}

function indexSpaceSize(reader: Reader, kind: Export['kind']): number {
  const m = reader.module;
  switch (kind) {
    case 'func': return m.importedFuncCount + reader.functionTypes.length;
    case 'table': return m.importedTableCount + m.tables.length;
    case 'memory': return m.importedMemoryCount + m.memories.length;
    case 'global': return m.importedGlobalCount + m.globals.length;
  }
}

/** Imports of one kind, in index-space order. */
function importsOf<K extends ImportDesc['kind']>(m: WasmModule, kind: K): Extract<ImportDesc, { kind: K }>[] {
  return m.imports.map((i) => i.desc).filter((d): d is Extract<ImportDesc, { kind: K }> => d.kind === kind);
}

function funcTypeIndex(reader: Reader, funcIndex: number): number {
  const m = reader.module;
  if (funcIndex < m.importedFuncCount) return importsOf(m, 'func')[funcIndex].typeIndex;
  return reader.functionTypes[funcIndex - m.importedFuncCount];
}

function tableType(m: WasmModule, index: number): TableType {
  return index < m.importedTableCount ? importsOf(m, 'table')[index].type : m.tables[index - m.importedTableCount];
}

function globalType(m: WasmModule, index: number): GlobalType {
  return index < m.importedGlobalCount ? importsOf(m, 'global')[index].type : m.globals[index - m.importedGlobalCount].type;
}

// ---- constant expressions ------------------------------------------------

const BINARY_CONST_OPS: { readonly [op: number]: Extract<ConstExpr, { kind: 'binary' }>['op'] | undefined } = {
  [Op.I32Add]: 'i32.add', [Op.I32Sub]: 'i32.sub', [Op.I32Mul]: 'i32.mul',
  [Op.I64Add]: 'i64.add', [Op.I64Sub]: 'i64.sub', [Op.I64Mul]: 'i64.mul',
};

/**
 * A constant expression up to and including its `end`, checked to produce one
 * value of type `expected`. `global.get` may name any earlier immutable global.
 */
function readConstExpr(reader: Reader, c: Cursor, expected: ValType): ConstExpr {
  const start = c.pos;
  const stack: { expr: ConstExpr; type: ValType }[] = [];
  for (;;) {
    const at = c.pos;
    const op = c.u8();
    if (op === Op.End) break;
    const binaryOp = BINARY_CONST_OPS[op];
    if (binaryOp !== undefined) {
      const type = binaryOp.startsWith('i32') ? ValType.I32 : ValType.I64;
      const rhs = stack.pop();
      const lhs = stack.pop();
      if (lhs?.type !== type || rhs?.type !== type) c.fail(`type mismatch in constant expression (${binaryOp})`, at);
      stack.push({ expr: { kind: 'binary', op: binaryOp, lhs: lhs.expr, rhs: rhs.expr }, type });
    } else {
      stack.push(readConstOperand(reader, c, op, at));
    }
  }
  if (stack.length !== 1 || stack[0].type !== expected) c.fail('type mismatch in constant expression', start);
  return stack[0].expr;
}

function readConstOperand(reader: Reader, c: Cursor, op: number, at: number): { expr: ConstExpr; type: ValType } {
  switch (op) {
    case Op.I32Const: return { expr: { kind: 'i32.const', value: c.s32() }, type: ValType.I32 };
    case Op.I64Const: return { expr: { kind: 'i64.const', value: c.s64() }, type: ValType.I64 };
    case Op.F32Const: return { expr: { kind: 'f32.const', bits: c.u32Fixed() }, type: ValType.F32 };
    case Op.F64Const: return { expr: { kind: 'f64.const', bits: c.u64Fixed() }, type: ValType.F64 };
    case Op.RefNull: {
      const type = readRefType(c);
      return { expr: { kind: 'ref.null', type }, type };
    }
    case Op.RefFunc: {
      const index = readIndex(c, indexSpaceSize(reader, 'func'), 'function');
      return { expr: { kind: 'ref.func', index }, type: ValType.FuncRef };
    }
    case Op.GlobalGet: {
      const index = readIndex(c, indexSpaceSize(reader, 'global'), 'global');
      const type = globalType(reader.module, index);
      if (type.mutable) c.fail(`constant expression required (global ${index} is mutable)`, at);
      return { expr: { kind: 'global.get', index }, type: type.type };
    }
  }
  return c.fail(`illegal opcode 0x${op.toString(16)} in constant expression`, at);
}

// ---- element segments ----------------------------------------------------

/**
 * One element segment. Flags bit 0: passive or declarative; bit 1: explicit
 * table index (active) or declarative (otherwise); bit 2: items are
 * expressions with a reference type, else function indices with an elemkind.
 */
function readElement(reader: Reader, c: Cursor): ElementSegment {
  const at = c.pos;
  const flags = c.u32();
  if (flags > 7) c.fail(`malformed elements segment kind ${flags}`, at);
  const active = (flags & 1) === 0;
  const mode = active ? 'active' : flags & 2 ? 'declarative' : 'passive';
  const tableIndex = active && flags & 2 ? c.u32() : 0;
  if (active && tableIndex >= indexSpaceSize(reader, 'table')) c.fail(`unknown table ${tableIndex}`, at);
  const offset = active ? readConstExpr(reader, c, ValType.I32) : undefined;
  const usesExpressions = (flags & 4) !== 0;
  // Flags 0 and 4 imply a funcref table 0 and have no type byte.
  const elemType = (flags & 3) === 0 ? ValType.FuncRef : usesExpressions ? readRefType(c) : readElemKind(c);
  const items = usesExpressions
    ? readVector(c, () => readElementItem(reader, c, elemType))
    : readVector(c, () => readIndex(c, indexSpaceSize(reader, 'func'), 'function'));
  if (active && tableType(reader.module, tableIndex).elemType !== elemType) {
    c.fail('type mismatch: element segment and table', at);
  }
  return { mode, tableIndex, offset, elemType, items };
}

function readElemKind(c: Cursor): ValType {
  const at = c.pos;
  if (c.u8() !== 0x00) c.fail('malformed element kind', at);
  return ValType.FuncRef;
}

/** `ref.func i` folds to i, `ref.null t` to null; `global.get` stays an expression (`ElementItem`). */
function readElementItem(reader: Reader, c: Cursor, elemType: ValType): ElementItem {
  const at = c.pos;
  const expr = readConstExpr(reader, c, elemType);
  if (expr.kind === 'ref.func') return expr.index;
  if (expr.kind === 'ref.null') return null;
  if (expr.kind === 'global.get') return expr;
  return c.fail(`unsupported element item: ${expr.kind} (only ref.func, ref.null and global.get)`, at);
}

// ---- code ----------------------------------------------------------------

function readCodeSection(reader: Reader, c: Cursor): void {
  const at = c.pos;
  const count = c.u32();
  if (count !== reader.functionTypes.length) c.fail('function and code section have inconsistent lengths', at);
  reader.sawCode = true;
  const m = reader.module;
  for (let i = 0; i < count; i++) {
    const funcIndex = m.importedFuncCount + i;
    try {
      m.functions.push(readFunctionBody(m, c, reader.functionTypes[i]));
    } catch (error) {
      throw inFunction(error, funcIndex);
    }
  }
}

function readFunctionBody(m: WasmModule, c: Cursor, typeIndex: number): FunctionBody {
  const bodyStart = c.pos;
  const body = sizedCursor(c, 'function body');
  const locals = readLocals(body, m.types[typeIndex].params.length);
  const codeStart = body.pos;
  const codeEnd = body.end;
  if (codeStart === codeEnd) body.fail('unexpected end of function body (no instructions)');
  if (m.bytes[codeEnd - 1] !== Op.End) body.fail('function body must end with the end opcode', codeEnd - 1);
  return { typeIndex, locals, codeStart, codeEnd, bodyStart };
}

/** The locals declaration, expanded; run lengths are summed before expanding so a huge count fails fast. */
function readLocals(c: Cursor, paramCount: number): ValType[] {
  const at = c.pos;
  const runs = readVector(c, () => ({ count: c.u32(), type: readValType(c) }));
  const total = runs.reduce((sum, run) => sum + run.count, paramCount);
  if (total > MAX_LOCALS) c.fail(`too many locals (${total}, at most ${MAX_LOCALS} with parameters)`, at);
  const locals = new Array<ValType>(total - paramCount);
  let i = 0;
  for (const run of runs) locals.fill(run.type, i, (i += run.count));
  return locals;
}

/** Adds the function index to an error raised inside a code body. */
function inFunction(error: unknown, funcIndex: number): unknown {
  if (!(error instanceof WasmError)) return error;
  return new WasmError(`function ${funcIndex}: ${error.message}`, error.offset, funcIndex, error.opcode);
}

// ---- data ----------------------------------------------------------------

/** Flags 0: active in memory 0; 1: passive; 2: active with an explicit memory index. */
function readDataSegment(reader: Reader, c: Cursor): DataSegment {
  const at = c.pos;
  const flags = c.u32();
  if (flags > 2) c.fail(`malformed data segment kind ${flags}`, at);
  if (flags === 1) return { mode: 'passive', memoryIndex: 0, data: c.take(c.u32()) };
  const memoryIndex = flags === 2 ? c.u32() : 0;
  if (memoryIndex >= indexSpaceSize(reader, 'memory')) c.fail(`unknown memory ${memoryIndex}`, at);
  const offset = readConstExpr(reader, c, ValType.I32);
  return { mode: 'active', memoryIndex, offset, data: c.take(c.u32()) };
}

function checkSectionCounts(reader: Reader, cursor: Cursor): void {
  const m = reader.module;
  if (reader.functionTypes.length > 0 && !reader.sawCode) {
    cursor.fail('function and code section have inconsistent lengths (no code section)');
  }
  if (m.dataCount !== undefined && m.dataCount !== m.data.length) {
    cursor.fail(`data count and data section have inconsistent lengths (${m.dataCount} vs ${m.data.length})`);
  }
}

// ---- custom sections -----------------------------------------------------

/**
 * The custom section's name must be valid UTF-8; its contents are optional
 * metadata, so a damaged "name" or "sourceMappingURL" payload is ignored (as
 * engines do) instead of rejecting the module.
 */
function readCustomSection(m: WasmModule, c: Cursor): void {
  const name = c.name();
  try {
    if (name === 'name') readNameSection(m, c);
    if (name === 'sourceMappingURL') m.sourceMappingURL = c.name();
  } catch (error) {
    if (!(error instanceof WasmError)) throw error;
  }
  c.pos = c.end;
}

const enum NameSubsection { Function = 1, Local = 2 }

function readNameSection(m: WasmModule, c: Cursor): void {
  const functionNames = new Map<number, string>();
  const localNames = new Map<number, Map<number, string>>();
  while (!c.atEnd) {
    const id = c.u8();
    const sub = sizedCursor(c, 'name subsection');
    if (id === NameSubsection.Function) readNameMap(sub, functionNames);
    if (id === NameSubsection.Local) readVector(sub, () => localNames.set(sub.u32(), readNameMap(sub, new Map())));
  }
  m.functionNames = functionNames;
  m.localNames = localNames;
}

function readNameMap(c: Cursor, into: Map<number, string>): Map<number, string> {
  readVector(c, () => into.set(c.u32(), c.name()));
  return into;
}
