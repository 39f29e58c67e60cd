/**
 * @fileoverview Everything the function compiler needs to know about the
 * module as a whole: where globals, tables, function descriptors and the
 * runtime's variables live; labels of every function and runtime routine;
 * canonical signature ids for call_indirect; trap sites and their source
 * locations; the x86 ↔ wasm offset table for the debug info.
 *
 * In a program of several linked modules (`linker.ts`) there is one context
 * per module; they share the assembler, the runtime routines, the runtime's
 * variables and the signature ids, and a module's imports of another
 * module's functions, globals and tables resolve to that module's labels,
 * descriptors, cells and tables (`linked`).
 *
 * Pipeline place: built by `translate.ts` (or `linker.ts`) after reading the
 * module and before compiling any function; the runtime (`../runtime/`) and
 * the function compiler read it; `data-section.ts` turns it into the .data
 * bytes at the end.
 */
import { Assembler, Label } from '../x86/assembler.js';
import { ConstExpr, ElementItem, FuncType, Import, ValType, WasmModule, WasmError } from '../wasm/types.js';
import { ResolvedOptions, STACK_BASE, alignUp } from './options.js';
import { DataLayout, TableLayout, layoutModuleData } from './data-layout.js';
import { locatorFor, Locator } from './source-locations.js';
import type { SourceMapLookup } from '../asc/source-map.js';
import { LineTable } from './line-table.js';

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
export const RUNTIME_VARS_SIZE = 32 + 8 * MAX_MULTI_RETURN;

export type { TableLayout } from './data-layout.js';

/** An import satisfied by another module of the program: that module's context and its index there. */
export interface LinkTarget {
  ctx: ModuleContext;
  index: number;
}

/** Imports resolved to other modules, by index in the function / global / table index space. */
export interface LinkedImports {
  functions: ReadonlyMap<number, LinkTarget>;
  globals: ReadonlyMap<number, LinkTarget>;
  tables: ReadonlyMap<number, LinkTarget>;
}

/** What `linker.ts` gives each module of a program; a lone module's context makes its own. */
export interface ModuleLink {
  /** Prefixed to the module's function names (`name.function`); empty for none. */
  name: string;
  asm: Assembler;
  runtime: Map<string, Label>;
  /** Signature key → id, shared so that call_indirect compares signatures across modules. */
  signatures: Map<string, number>;
  dataBase: number;
  dataEnd: number;
  layout: DataLayout;
  linked: LinkedImports;
}

const NO_LINKS: LinkedImports = { functions: new Map(), globals: new Map(), tables: new Map() };

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
  /** Canonical signature id per type index (structurally equal types share one id, across linked modules too). */
  readonly sigIds: number[] = [];
  readonly globalAddresses: number[];
  readonly globalTypes: ValType[];
  readonly tables: TableLayout[];
  /** Start of .data: the runtime's variables (shared by every module of a program). */
  readonly dataBase: number;
  /** Address of function i's descriptor {code address, signature id} (for tables and ref.func). */
  readonly descriptorBase: number;
  readonly dataDroppedBase: number;
  readonly elemDroppedBase: number;
  /** Address of each element segment's items (descriptor addresses, 0 for null). */
  readonly elemSegmentAddresses: number[];
  readonly dataSegmentLabels: Label[] = [];
  readonly dataEnd: number;
  readonly asm: Assembler;
  /** Source location of a wasm offset (undefined without a source map). */
  readonly locate: Locator;
  readonly initialMemoryPages: number;
  readonly maxMemoryPages: number;
  readonly hasMemory: boolean;
  /** Labels of runtime routines, created on first use and emitted by `../runtime/`. */
  readonly runtime: Map<string, Label>;
  /** Imports that other modules of the program satisfy (none for a lone module). */
  readonly linked: LinkedImports;
  /** `name.` of a program's module, prefixed to its function and global names; empty for a lone module. */
  readonly namePrefix: string;
  readonly trapSites: TrapSite[] = [];
  /** (x86 address, wasm offset) pairs, in code order; one pair per address that starts an instruction's code. */
  readonly lineTable = new LineTable();
  readonly functionRanges: FunctionRange[] = [];

  constructor(
    readonly module: WasmModule,
    readonly options: ResolvedOptions,
    /** asc's source map, when given: wasm offsets → TypeScript lines. */
    readonly sourceMap: SourceMapLookup | undefined,
    link: ModuleLink = aloneLink(module, options),
  ) {
    this.locate = locatorFor(sourceMap);
    this.namePrefix = link.name ? `${link.name}.` : '';
    this.linked = link.linked;
    this.functionImports = module.imports.filter((i) => i.desc.kind === 'func');
    this.exportedFunctionNames = new Map(module.exports.filter((e) => e.kind === 'func').map((e) => [e.index, e.name]));
    this.collectFunctionTypes();
    this.collectSignatureIds(link.signatures);
    this.dataBase = link.dataBase;
    ({
      globalAddresses: this.globalAddresses, globalTypes: this.globalTypes, tables: this.tables,
      descriptorBase: this.descriptorBase, dataDroppedBase: this.dataDroppedBase,
      elemDroppedBase: this.elemDroppedBase, elemSegmentAddresses: this.elemSegmentAddresses,
    } = link.layout);
    this.dataEnd = link.dataEnd;
    this.asm = link.asm;
    this.runtime = link.runtime;
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
    for (let i = 0; i < this.funcTypes.length; i++) {
      const target = this.linked.functions.get(i);
      this.funcLabels.push(target ? target.ctx.funcLabels[target.index] : this.asm.newLabel(this.functionName(i)));
    }
  }

  var(offset: RuntimeVar | number): number {
    return this.dataBase + offset;
  }

  /** A function imported from another module of the program has that module's descriptor (one identity per function). */
  descriptorAddress(funcIndex: number): number {
    const target = this.linked.functions.get(funcIndex);
    return target ? target.ctx.descriptorAddress(target.index) : this.descriptorBase + 8 * funcIndex;
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

  /**
   * Initial value of global `index`: an import from another module of the program has that module's
   * value (constant expressions only read immutable globals); other imported globals take the host's
   * values (`importedGlobalValue`).
   */
  globalValue(index: number): number | bigint {
    const target = this.linked.globals.get(index);
    if (target) return target.ctx.globalValue(target.index);
    const imported = this.module.importedGlobalCount;
    if (index < imported) {
      const imp = this.module.imports.filter((i) => i.desc.kind === 'global')[index];
      return importedGlobalValue(imp.module, imp.name, this.globalTypes[index]);
    }
    return this.evalConst(this.module.globals[index - imported].init);
  }

  /** An element segment item's value: a descriptor address, 0 for null. */
  elementItemValue(item: ElementItem): number {
    if (item === null) return 0;
    return typeof item === 'number' ? this.descriptorAddress(item) : Number(this.globalValue(item.index));
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
    this.lineTable.mark(this.asm.address, wasmOffset);
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
    if (named) return this.namePrefix + named;
    const imp = this.functionImports[index];
    return this.namePrefix + (imp ? `${imp.module}.${imp.name}` : `func[${index}]`);
  }

  /** The host import behind function index `index` (an intrinsic or a runtime routine); undefined when the
   *  function is defined here or linked to another module of the program (then it is called like one). */
  importOf(index: number): Import | undefined {
    return this.linked.functions.has(index) ? undefined : this.functionImports[index];
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

  private collectSignatureIds(ids: Map<string, number>): void {
    for (const type of this.module.types) {
      const key = typeKey(type);
      if (!ids.has(key)) ids.set(key, ids.size + 1);
      this.sigIds.push(ids.get(key)!);
    }
  }

  private memoryLimits() {
    for (const imp of this.module.imports) if (imp.desc.kind === 'memory') return imp.desc.limits;
    return this.module.memories[0];
  }
}

/** The key under which structurally equal function types share a signature id (`ModuleContext.sigIds`). */
export function typeKey(type: FuncType): string {
  return `${type.params.join(',')}->${type.results.join(',')}`;
}

/** A lone module: its own assembler and runtime, its data right after the runtime's variables. */
function aloneLink(module: WasmModule, options: ResolvedOptions): ModuleLink {
  const dataBase = STACK_BASE + options.stackSize;
  const layout = layoutModuleData(module, options, dataBase + RUNTIME_VARS_SIZE);
  const dataEnd = alignUp(layout.end, 0x1000);
  return {
    name: '', asm: new Assembler(dataEnd), runtime: new Map(), signatures: new Map(), dataBase, dataEnd, layout, linked: NO_LINKS,
  };
}

/** Host values of imported globals: the spec tests' `spectest` module; anything else is 0. */
export function importedGlobalValue(module: string, name: string, type: ValType): number | bigint {
  if (module === 'spectest' && name.startsWith('global_')) return type === ValType.I64 ? 666n : 666;
  return type === ValType.I64 ? 0n : 0;
}
