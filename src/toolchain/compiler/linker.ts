/**
 * @fileoverview Linking: several wasm modules become one program, translated into one image.
 *
 * A program is an ordered list of modules, each with a name. An import whose module name is the name
 * of an earlier module of the program is *linked* to that module's export of the same name:
 *   - a function: called directly (`call label`, no thunk); `ref.func` and tables see the exporter's
 *     descriptor, so a function has one identity in every module;
 *   - a global: the importer reads and writes the exporter's 8-byte cell;
 *   - a table: the importer uses the exporter's size word and entries; its active element segments
 *     into that table are applied when it is instantiated (`../runtime/entry.ts`), not at build time.
 * Signature ids are shared by all modules (structurally equal function types get one id), so
 * call_indirect through a table filled by several modules checks signatures correctly. Imports of
 * other module names are host imports, exactly as for a lone module (`env` intrinsics, `spectest`).
 *
 * The modules share one assembler (one .text), one set of runtime routines and the runtime's
 * variables; each module's globals, tables, descriptors and segments are laid out in .data after the
 * previous module's. Limits: only the first module may have a linear memory (defined or imported from
 * the host); memories are not linked.
 *
 * Pipeline place: called by `translateProgram` (`../translate.ts`) after reading the modules; the
 * contexts it returns are compiled one after the other like a lone module's.
 */
import { Assembler } from '../x86/assembler.js';
import { FuncType, Import, WasmError, WasmModule } from '../wasm/types.js';
import type { SourceMapLookup } from '../asc/source-map.js';
import { DataLayout, layoutModuleData } from './data-layout.js';
import { LinkTarget, ModuleContext, RUNTIME_VARS_SIZE, typeKey } from './module-context.js';
import { ResolvedOptions, STACK_BASE, alignUp } from './options.js';

export interface ReadModule {
  name: string;
  module: WasmModule;
  sourceMap?: SourceMapLookup;
}

/** An import linked to module `module`'s export `index` (in its index space of that kind). */
interface Resolved {
  module: number;
  index: number;
}

interface Resolution {
  functions: Map<number, Resolved>;
  globals: Map<number, Resolved>;
  tables: Map<number, Resolved>;
}

/** The index of the earlier module an import module name refers to (the latest of that name), if any. */
export function providerOf(modules: readonly { name: string }[], importer: number, moduleName: string): number | undefined {
  for (let j = importer - 1; j >= 0; j--) if (modules[j].name !== '' && modules[j].name === moduleName) return j;
  return undefined;
}

export function linkModules(modules: readonly ReadModule[], options: ResolvedOptions): ModuleContext[] {
  const resolutions = modules.map((_, k) => resolveImports(modules, k));
  const dataBase = STACK_BASE + options.stackSize;
  const layouts: DataLayout[] = [];
  let cursor = dataBase + RUNTIME_VARS_SIZE;
  modules.forEach(({ module }, k) => {
    const { globals, tables } = resolutions[k];
    const layout = layoutModuleData(module, options, cursor, {
      globals: mapValues(globals, (r) => layouts[r.module].globalAddresses[r.index]),
      tables: mapValues(tables, (r) => layouts[r.module].tables[r.index]),
    });
    layouts.push(layout);
    cursor = layout.end;
  });
  const dataEnd = alignUp(cursor, 0x1000);
  const shared = { asm: new Assembler(dataEnd), runtime: new Map(), signatures: new Map<string, number>(), dataBase, dataEnd };
  const contexts: ModuleContext[] = [];
  modules.forEach(({ name, module, sourceMap }, k) => {
    const target = (r: Resolved): LinkTarget => ({ ctx: contexts[r.module], index: r.index });
    const { functions, globals, tables } = resolutions[k];
    contexts.push(new ModuleContext(module, options, sourceMap, {
      ...shared,
      name,
      layout: layouts[k],
      linked: { functions: mapValues(functions, target), globals: mapValues(globals, target), tables: mapValues(tables, target) },
    }));
  });
  return contexts;
}

function resolveImports(modules: readonly ReadModule[], k: number): Resolution {
  const { module } = modules[k];
  const resolution: Resolution = { functions: new Map(), globals: new Map(), tables: new Map() };
  const counts = { func: 0, global: 0, table: 0, memory: 0 };
  for (const imp of module.imports) {
    const index = counts[imp.desc.kind]++;
    const provider = providerOf(modules, k, imp.module);
    if (provider === undefined) continue;
    const exporter = modules[provider].module;
    const exported = exporter.exports.find((e) => e.name === imp.name);
    if (!exported || exported.kind !== imp.desc.kind) {
      throw linkError(modules[k].name, imp, `module "${imp.module}" has no ${imp.desc.kind} export of that name`);
    }
    checkCompatible(modules[k], imp, exporter, exported.index);
    const resolved = { module: provider, index: exported.index };
    if (imp.desc.kind === 'func') resolution.functions.set(index, resolved);
    else if (imp.desc.kind === 'global') resolution.globals.set(index, resolved);
    else if (imp.desc.kind === 'table') resolution.tables.set(index, resolved);
  }
  if (k > 0 && (module.memories.length > 0 || counts.memory > 0)) {
    throw new WasmError(`module "${modules[k].name}": only the first module of a program may have a memory`, 0);
  }
  return resolution;
}

/** The parts of wasm's import matching that would otherwise go wrong silently: types and table sizes. */
function checkCompatible(importer: ReadModule, imp: Import, exporter: WasmModule, index: number): void {
  const desc = imp.desc;
  if (desc.kind === 'func') {
    if (typeKey(importer.module.types[desc.typeIndex]) !== typeKey(exporter.types[functionTypeIndex(exporter, index)])) {
      throw linkError(importer.name, imp, 'incompatible function type');
    }
  } else if (desc.kind === 'global') {
    const type = indexSpace(exporter, 'global', exporter.globals.map((g) => g.type))[index];
    if (type.type !== desc.type.type || type.mutable !== desc.type.mutable) throw linkError(importer.name, imp, 'incompatible global type');
  } else if (desc.kind === 'table') {
    const table = indexSpace(exporter, 'table', exporter.tables)[index];
    if (table.elemType !== desc.type.elemType || table.limits.min < desc.type.limits.min) {
      throw linkError(importer.name, imp, 'incompatible table type');
    }
  }
}

/** A kind's index space: the imports of that kind, then the definitions. */
function indexSpace<K extends 'global' | 'table', T>(module: WasmModule, kind: K, defined: T[]): T[] {
  const imported = module.imports.flatMap((imp) =>
    imp.desc.kind === 'global' && kind === 'global' ? [imp.desc.type as T]
      : imp.desc.kind === 'table' && kind === 'table' ? [imp.desc.type as T] : []);
  return imported.concat(defined);
}

function functionTypeIndex(module: WasmModule, funcIndex: number): number {
  const imports = module.imports.flatMap((imp) => (imp.desc.kind === 'func' ? [imp.desc.typeIndex] : []));
  return funcIndex < imports.length ? imports[funcIndex] : module.functions[funcIndex - imports.length].typeIndex;
}

function linkError(importer: string, imp: Import, why: string): WasmError {
  return new WasmError(`cannot link import ${imp.module}.${imp.name} of module "${importer}": ${why}`, 0);
}

function mapValues<K, V, W>(map: ReadonlyMap<K, V>, f: (value: V) => W): Map<K, W> {
  return new Map([...map].map(([key, value]) => [key, f(value)]));
}
