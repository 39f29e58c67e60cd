/**
 * @fileoverview Where one module's state lives in the image's .data section: a cell of 8 bytes per
 * global, each table's size word and entries, a descriptor {code address, signature id} per
 * function, the data and element segments' "dropped" flags and the element segments' items.
 *
 * A global or table that the module imports from another module of a linked program (`linker.ts`)
 * gets no storage of its own: the layout records the exporter's cell or table instead, so both
 * modules' code reads and writes the same memory.
 *
 * Pipeline place: computed before any code is emitted (the single pass uses absolute addresses) —
 * by `ModuleContext` for a lone module, by `linker.ts` for each module of a program in turn.
 */
import type { TableType, ValType, WasmModule } from '../wasm/types.js';
import { ResolvedOptions, alignUp } from './options.js';

export interface TableLayout {
  elemType: ValType;
  /** Address of the current size (u32); the entries follow it. */
  sizeAddress: number;
  entriesAddress: number;
  initialSize: number;
  capacity: number;
}

/** Storage another module of the program provides for an import, by index in the global / table index space. */
export interface SharedStorage {
  globals: ReadonlyMap<number, number>;
  tables: ReadonlyMap<number, TableLayout>;
}

export interface DataLayout {
  globalAddresses: number[];
  globalTypes: ValType[];
  tables: TableLayout[];
  descriptorBase: number;
  dataDroppedBase: number;
  elemDroppedBase: number;
  /** Address of each element segment's items (4 bytes each). */
  elemSegmentAddresses: number[];
  /** First address after this module's data. */
  end: number;
}

const NOTHING_SHARED: SharedStorage = { globals: new Map(), tables: new Map() };

/** Lays out `module`'s data from address `start` on. */
export function layoutModuleData(
  module: WasmModule, options: ResolvedOptions, start: number, shared: SharedStorage = NOTHING_SHARED,
): DataLayout {
  let cursor = start;
  const globalAddresses: number[] = [];
  const globalTypes: ValType[] = [];
  allGlobalTypes(module).forEach((type, i) => {
    globalTypes.push(type);
    const address = shared.globals.get(i);
    if (address !== undefined) globalAddresses.push(address);
    else {
      globalAddresses.push(cursor);
      cursor += 8;
    }
  });
  const tables = allTables(module).map((table, i) => {
    const own = shared.tables.get(i);
    if (own) return own;
    const capacity = Math.max(table.limits.min, Math.min(table.limits.max ?? options.maxTableSize, options.maxTableSize));
    const layout = { elemType: table.elemType, sizeAddress: cursor, entriesAddress: cursor + 4, initialSize: table.limits.min, capacity };
    cursor += 4 + 4 * capacity;
    return layout;
  });
  const descriptorBase = cursor;
  cursor += 8 * (module.importedFuncCount + module.functions.length);
  const dataDroppedBase = cursor;
  cursor += module.data.length;
  const elemDroppedBase = cursor;
  cursor += module.elements.length;
  cursor = alignUp(cursor, 4);
  const elemSegmentAddresses: number[] = [];
  for (const segment of module.elements) {
    elemSegmentAddresses.push(cursor);
    cursor += 4 * segment.items.length;
  }
  return { globalAddresses, globalTypes, tables, descriptorBase, dataDroppedBase, elemDroppedBase, elemSegmentAddresses, end: cursor };
}

function allGlobalTypes(module: WasmModule): ValType[] {
  const types: ValType[] = [];
  for (const imp of module.imports) if (imp.desc.kind === 'global') types.push(imp.desc.type.type);
  for (const g of module.globals) types.push(g.type.type);
  return types;
}

function allTables(module: WasmModule): TableType[] {
  const tables: TableType[] = [];
  for (const imp of module.imports) if (imp.desc.kind === 'table') tables.push(imp.desc.type);
  return tables.concat(module.tables);
}
