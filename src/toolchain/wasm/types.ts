/**
 * @fileoverview The in-memory shape of a decoded WebAssembly module.
 *
 * Pipeline place: `reader.ts` fills these structures from a .wasm binary; the
 * compiler (`../compiler/`) reads them and decodes each function body itself,
 * in one pass, with a `Cursor` over `WasmModule.bytes`.
 */

/** Value types, numbered by their binary encoding. */
export const enum ValType {
  I32 = 0x7f,
  I64 = 0x7e,
  F32 = 0x7d,
  F64 = 0x7c,
  V128 = 0x7b,
  FuncRef = 0x70,
  ExternRef = 0x6f,
}

export interface FuncType {
  params: ValType[];
  results: ValType[];
}

export interface Limits {
  min: number;
  /** undefined when the module declares no maximum. */
  max?: number;
}

export interface TableType {
  elemType: ValType;
  limits: Limits;
}

export interface GlobalType {
  type: ValType;
  mutable: boolean;
}

/**
 * A constant expression (global initialiser, segment offset, element item).
 * Only the forms the MVP + reference-types + extended-const proposals allow.
 */
export type ConstExpr =
  | { kind: 'i32.const'; value: number }
  | { kind: 'i64.const'; value: bigint }
  | { kind: 'f32.const'; bits: number }
  | { kind: 'f64.const'; bits: bigint }
  | { kind: 'global.get'; index: number }
  | { kind: 'ref.null'; type: ValType }
  | { kind: 'ref.func'; index: number }
  /** extended-const: i32/i64 add, sub, mul over the forms above. */
  | { kind: 'binary'; op: 'i32.add' | 'i32.sub' | 'i32.mul' | 'i64.add' | 'i64.sub' | 'i64.mul'; lhs: ConstExpr; rhs: ConstExpr };

export type ImportDesc =
  | { kind: 'func'; typeIndex: number }
  | { kind: 'table'; type: TableType }
  | { kind: 'memory'; limits: Limits }
  | { kind: 'global'; type: GlobalType };

export interface Import {
  module: string;
  name: string;
  desc: ImportDesc;
}

export interface Export {
  name: string;
  kind: 'func' | 'table' | 'memory' | 'global';
  index: number;
}

export interface Global {
  type: GlobalType;
  init: ConstExpr;
}

/** A function defined in this module (imports are not in this list). */
export interface FunctionBody {
  /** Index into WasmModule.types. */
  typeIndex: number;
  /** Declared locals, expanded: one entry per local, after the parameters. */
  locals: ValType[];
  /** Byte offset in WasmModule.bytes of the first instruction of the body. */
  codeStart: number;
  /** Byte offset just past the body's final `end` opcode. */
  codeEnd: number;
  /** Byte offset of the body's size field (the function's start in the code section). */
  bodyStart: number;
}

export interface ElementSegment {
  mode: 'active' | 'passive' | 'declarative';
  /** Only for active segments. */
  tableIndex: number;
  offset?: ConstExpr;
  elemType: ValType;
  /** Items given as expressions are folded here (see `ElementItem`). */
  items: ElementItem[];
}

/**
 * An element segment's item: a function index (`ref.func`), null (`ref.null`), or a `global.get` of an
 * immutable reference global, whose value is only known at instantiation (it may be another module's).
 */
export type ElementItem = number | null | Extract<ConstExpr, { kind: 'global.get' }>;

export interface DataSegment {
  mode: 'active' | 'passive';
  memoryIndex: number;
  offset?: ConstExpr;
  /** The segment's bytes (a view into WasmModule.bytes). */
  data: Uint8Array;
}

export interface WasmModule {
  /** The whole binary; function bodies are decoded lazily from it. */
  bytes: Uint8Array;
  types: FuncType[];
  imports: Import[];
  /** Function index space = imported functions first, then `functions`. */
  importedFuncCount: number;
  importedTableCount: number;
  importedMemoryCount: number;
  importedGlobalCount: number;
  /** typeIndex of each defined function, in order (the function section). */
  functions: FunctionBody[];
  /** Defined tables (after imported ones). */
  tables: TableType[];
  /** Defined memories (after imported ones); at most one memory in total. */
  memories: Limits[];
  /** Defined globals (after imported ones). */
  globals: Global[];
  exports: Export[];
  start?: number;
  elements: ElementSegment[];
  data: DataSegment[];
  /** From the data count section, when present. */
  dataCount?: number;
  /** From the "name" custom section: function index → name. */
  functionNames: Map<number, string>;
  /** From the "name" custom section (subsection 2): function index → (local index → name). */
  localNames: Map<number, Map<number, string>>;
  /** "sourceMappingURL" custom section, when present. */
  sourceMappingURL?: string;
}

/** Error in a malformed or unsupported module: always names where it happened. */
export class WasmError extends Error {
  constructor(
    message: string,
    /** Byte offset in the module binary. */
    public readonly offset: number,
    /** Function index (whole index space), when inside a function body. */
    public readonly funcIndex?: number,
    /** The opcode being decoded, when the error is about one. */
    public readonly opcode?: number,
  ) {
    super(message);
    this.name = 'WasmError';
  }
}
