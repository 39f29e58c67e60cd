/**
 * @fileoverview Everything the function compiler needs to know about the
 * module as a whole: where globals, tables, function descriptors and the
 * runtime's variables live; labels of every function and runtime routine;
 * canonical signature ids for call_indirect; trap sites and their source
 * locations; the x86 ↔ wasm offset table for the debug info.
 *
 * Pipeline place: built by `translate.ts` after reading the module and before
 * compiling any function; the runtime (`../runtime/`) and the function
 * compiler read it; `data-section.ts` turns it into the .data bytes at the end.
 */
import { Assembler, Label } from '../x86/assembler.js';
import { ConstExpr, FuncType, Import, ValType, WasmModule, WasmError } from '../wasm/types.js';
import { ResolvedOptions, STACK_BASE, alignUp } from './options.js';
import { locatorFor, Locator } from './source-locations.js';
import type { SourceMapLookup } from '../asc/source-map.js';

/** Trap kinds; the numbers index the runtime's message table. */
export const enum TrapKind {
  Unreachable = 0,
  DivideByZero = 1,
  IntegerOverflow = 2,
  UndefinedElement = 3,
  UninitializedElement = 4,
  IndirectCallTypeMismatch = 5,
  CallStackExhausted = 6,
  OutOfBoundsMemory = 7,
  OutOfBoundsTable = 8,
  FloatUnsupported = 9,
  Abort = 10,
}

export const TRAP_MESSAGES = [
  'unreachable',
  'integer divide by zero',
  'integer overflow',
  'undefined element',
  'uninitialized element',
  'indirect call type mismatch',
  'call stack exhausted',
  'out of bounds memory access',
  'out of bounds table access',
  'float instruction not supported',
  'abort',
];

/** Offsets of the runtime's variables at the start of the .data section. */
export const enum RuntimeVar {
  MemorySizeBytes = 0,
  StackLimit = 4,
  TrapRecoverEsp = 8,
  TrapRecoverEip = 12,
  MultibootInfo = 16,
  MultiReturn = 32, // MAX_MULTI_RETURN × 8 bytes
}
export const MAX_MULTI_RETURN = 32;
const RUNTIME_VARS_SIZE = 32 + 8 * MAX_MULTI_RETURN;

export interface TableLayout {
  elemType: ValType;
  /** Address of the current size (u32); the entries follow it. */
  sizeAddress: number;
  entriesAddress: number;
  initialSize: number;
  capacity: number;
}

export interface TrapSite {
  label: Label;
  kind: TrapKind;
  funcIndex: number;
  wasmOffset: number;
}

export interface FunctionRange {
  index: number;
  name: string;
  start: number;
  end: number;
}

export class ModuleContext {
  readonly funcLabels: Label[] = [];
  readonly funcTypes: FuncType[] = [];
  /** Canonical signature id per type index (structurally equal types share one id). */
  readonly sigIds: number[] = [];
  readonly globalAddresses: number[] = [];
  readonly globalTypes: ValType[] = [];
  readonly tables: TableLayout[] = [];
  readonly dataBase: number;
  /** Address of function i's descriptor {code address, signature id} (for tables and ref.func). */
  readonly descriptorBase: number;
  readonly dataDroppedBase: number;
  readonly elemDroppedBase: number;
  /** Address of each element segment's items (descriptor addresses, 0 for null). */
  readonly elemSegmentAddresses: number[] = [];
  readonly dataSegmentLabels: Label[] = [];
  readonly dataEnd: number;
  readonly asm: Assembler;
  /** Source location of a wasm offset (undefined without a source map). */
  readonly locate: Locator;
  readonly initialMemoryPages: number;
  readonly maxMemoryPages: number;
  readonly hasMemory: boolean;
  /** Labels of runtime routines, created on first use and emitted by `../runtime/`. */
  readonly runtime = new Map<string, Label>();
  readonly trapSites: TrapSite[] = [];
  /** Flat pairs (x86 address, wasm offset), in code order; one pair per address that starts an instruction's code. */
  readonly lineTable: number[] = [];
  readonly functionRanges: FunctionRange[] = [];

  constructor(
    readonly module: WasmModule,
    readonly options: ResolvedOptions,
    /** asc's source map, when given: wasm offsets → TypeScript lines. */
    readonly sourceMap: SourceMapLookup | undefined,
  ) {
    this.locate = locatorFor(sourceMap);
    this.functionImports = module.imports.filter((i) => i.desc.kind === 'func');
    this.exportedFunctionNames = new Map(module.exports.filter((e) => e.kind === 'func').map((e) => [e.index, e.name]));
    this.collectFunctionTypes();
    this.collectSignatureIds();
    let cursor = STACK_BASE + options.stackSize;
    this.dataBase = cursor;
    cursor += RUNTIME_VARS_SIZE;
    for (const type of this.allGlobalTypes()) {
      this.globalAddresses.push(cursor);
      this.globalTypes.push(type);
      cursor += 8;
    }
    for (const table of this.allTables()) {
      const capacity = Math.max(table.limits.min, Math.min(table.limits.max ?? options.maxTableSize, options.maxTableSize));
      this.tables.push({
        elemType: table.elemType,
        sizeAddress: cursor,
        entriesAddress: cursor + 4,
        initialSize: table.limits.min,
        capacity,
      });
      cursor += 4 + 4 * capacity;
    }
    this.descriptorBase = cursor;
    cursor += 8 * this.funcTypes.length;
    this.dataDroppedBase = cursor;
    cursor += module.data.length;
    this.elemDroppedBase = cursor;
    cursor += module.elements.length;
    cursor = alignUp(cursor, 4);
    for (const segment of module.elements) {
      this.elemSegmentAddresses.push(cursor);
      cursor += 4 * segment.items.length;
    }
    this.dataEnd = alignUp(cursor, 0x1000);
    this.asm = new Assembler(this.dataEnd);
    for (let i = 0; i < module.data.length; i++) this.dataSegmentLabels.push(this.asm.newLabel(`data[${i}]`));

    const memory = this.memoryLimits();
    this.hasMemory = memory !== undefined;
    this.initialMemoryPages = memory?.min ?? 0;
    this.maxMemoryPages = Math.min(memory?.max ?? options.maxMemoryPages, options.maxMemoryPages);
    if (this.initialMemoryPages > options.maxMemoryPages) {
      throw new WasmError(
        `memory of ${this.initialMemoryPages} pages exceeds the image's limit of ${options.maxMemoryPages} pages`,
        0,
      );
    }
    for (let i = 0; i < this.funcTypes.length; i++) this.funcLabels.push(this.asm.newLabel(this.functionName(i)));
  }

  var(offset: RuntimeVar | number): number {
    return this.dataBase + offset;
  }

  descriptorAddress(funcIndex: number): number {
    return this.descriptorBase + 8 * funcIndex;
  }

  elemSegmentAddress(seg: number): number {
    return this.elemSegmentAddresses[seg];
  }

  dataSegmentLabel(seg: number): Label {
    return this.dataSegmentLabels[seg];
  }

  /** The value of a constant expression: a number for i32/refs, a bigint for i64. */
  evalConst(expr: ConstExpr): number | bigint {
    switch (expr.kind) {
      case 'i32.const': return expr.value | 0;
      case 'i64.const': return expr.value;
      case 'f32.const': return expr.bits | 0;
      case 'f64.const': return expr.bits;
      case 'ref.null': return 0;
      case 'ref.func': return this.descriptorAddress(expr.index);
      case 'global.get': return this.globalValue(expr.index);
      case 'binary': {
        const a = this.evalConst(expr.lhs);
        const b = this.evalConst(expr.rhs);
        if (typeof a === 'bigint' || typeof b === 'bigint') {
          const x = BigInt(a), y = BigInt(b);
          const r = expr.op.endsWith('add') ? x + y : expr.op.endsWith('sub') ? x - y : x * y;
          return BigInt.asIntN(64, r);
        }
        const r = expr.op.endsWith('add') ? a + b : expr.op.endsWith('sub') ? a - b : Math.imul(a, b);
        return r | 0;
      }
    }
  }

  /** Initial value of global `index` (imported globals take the host's values, see `importedGlobalValue`). */
  globalValue(index: number): number | bigint {
    const imported = this.module.importedGlobalCount;
    if (index < imported) {
      const imp = this.module.imports.filter((i) => i.desc.kind === 'global')[index];
      return importedGlobalValue(imp.module, imp.name, this.globalTypes[index]);
    }
    return this.evalConst(this.module.globals[index - imported].init);
  }

  /** A NUL-terminated string in the read-only data (emitted at the end by `translate.ts`). */
  cstring(text: string): Label {
    let label = this.strings.get(text);
    if (!label) {
      label = this.asm.newLabel();
      this.strings.set(text, label);
    }
    return label;
  }
  readonly strings = new Map<string, Label>();
  /** Trap records by kind, function and source line (emitted by ../runtime/traps.ts). */
  readonly trapRecords = new Map<string, { label: Label; kind: TrapKind; name: string; source?: string }>();

  /** The label of a runtime routine; `../runtime/` emits every label requested here. */
  routine(name: string): Label {
    let label = this.runtime.get(name);
    if (!label) {
      label = this.asm.newLabel(`__rt_${name}`);
      this.runtime.set(name, label);
    }
    return label;
  }

  /** Note that the code emitted from here on comes from the wasm instruction at `wasmOffset`. */
  markLine(wasmOffset: number): void {
    const table = this.lineTable;
    const address = this.asm.address;
    if (table.length > 0 && table[table.length - 2] === address) table[table.length - 1] = wasmOffset;
    else table.push(address, wasmOffset);
  }

  /** An out-of-line trap stub for this site; emitted after the function's body. */
  trap(kind: TrapKind, funcIndex: number, wasmOffset: number): Label {
    const label = this.asm.newLabel();
    this.trapSites.push({ label, kind, funcIndex, wasmOffset });
    return label;
  }

  /** A function's name: from the name section, else its export, else `module.name` of its import, else `func[i]`. */
  functionName(index: number): string {
    if (index < 0) return '(module instantiation)';
    const named = this.module.functionNames.get(index) ?? this.exportedFunctionNames.get(index);
    if (named) return named;
    const imp = this.importOf(index);
    return imp ? `${imp.module}.${imp.name}` : `func[${index}]`;
  }

  /** The import behind function index `index`, if it is imported. */
  importOf(index: number): Import | undefined {
    return this.functionImports[index];
  }

  private readonly functionImports: Import[];
  private readonly exportedFunctionNames: Map<number, string>;

  private collectFunctionTypes(): void {
    const m = this.module;
    for (const imp of m.imports) {
      if (imp.desc.kind === 'func') this.funcTypes.push(m.types[imp.desc.typeIndex]);
    }
    for (const f of m.functions) this.funcTypes.push(m.types[f.typeIndex]);
  }

  private collectSignatureIds(): void {
    const ids = new Map<string, number>();
    for (const type of this.module.types) {
      const key = `${type.params.join(',')}->${type.results.join(',')}`;
      if (!ids.has(key)) ids.set(key, ids.size + 1);
      this.sigIds.push(ids.get(key)!);
    }
  }

  private *allGlobalTypes(): Iterable<ValType> {
    for (const imp of this.module.imports) if (imp.desc.kind === 'global') yield imp.desc.type.type;
    for (const g of this.module.globals) yield g.type.type;
  }

  private *allTables() {
    for (const imp of this.module.imports) if (imp.desc.kind === 'table') yield imp.desc.type;
    for (const t of this.module.tables) yield t;
  }

  private memoryLimits() {
    for (const imp of this.module.imports) if (imp.desc.kind === 'memory') return imp.desc.limits;
    return this.module.memories[0];
  }
}

/** Host values of imported globals: the spec tests' `spectest` module; anything else is 0. */
export function importedGlobalValue(module: string, name: string, type: ValType): number | bigint {
  if (module === 'spectest' && name.startsWith('global_')) return type === ValType.I64 ? 666n : 666;
  return type === ValType.I64 ? 0n : 0;
}
