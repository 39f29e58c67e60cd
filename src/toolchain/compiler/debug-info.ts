/**
 * @fileoverview The image's debug information, as JSON for the playground and
 * tools: every function's x86 address range, an x86 address → wasm offset →
 * TypeScript file:line table, the globals', tables' and linear memory's
 * addresses. The playground turns EIP into a source line with it.
 *
 * A linked program's debug information is its modules' merged (`mergeDebugInfo`).
 *
 * Pipeline place: built by `translate.ts` next to the ELF image.
 */
import type { ModuleContext } from './module-context.js';
import { walkLineTable } from './line-walk.js';

export interface DebugInfo {
  version: 1;
  entry: number;
  textStart: number;
  textEnd: number;
  dataStart: number;
  /** Source files referenced by `functions[].file` and `lines`. */
  files: string[];
  functions: { index: number; name: string; start: number; end: number; file?: number; line?: number }[];
  /**
   * Flat quadruples (x86 address, wasm offset, file index or -1, line or 0), sorted by address: the code
   * from one address up to the next comes from that wasm instruction and source line.
   */
  lines: number[];
  globals: { index: number; name?: string; address: number; type: number }[];
  tables: { index: number; sizeAddress: number; entriesAddress: number; capacity: number }[];
  memory: { base: number; initialPages: number; maxPages: number; sizeVariable: number };
  /** Active data segments: where their bytes land (physical address = memory.base + wasm address). */
  data: { index: number; address: number; size: number }[];
  runtime: Record<string, number>;
}

export function buildDebugInfo(ctx: ModuleContext, textEnd: number, labelAddress: (l: import('../x86/assembler.js').Label) => number): DebugInfo {
  const files: string[] = [];
  const indexes = new Map<string, number>();
  const fileIndex = (file: string) => {
    let i = indexes.get(file);
    if (i === undefined) indexes.set(file, (i = files.push(file) - 1));
    return i;
  };
  // Filled in place: a plain array of small integers, created at its final size (growing it, or copying a
  // typed array with Array.from, costs several times the walk itself).
  const lines: number[] = new Array<number>(ctx.lineTable.length * 4).fill(0);
  const fileOfSource = ctx.sourceMap ? ctx.sourceMap.sourceFiles.map(() => -1) : [];
  let j = 0;
  walkLineTable(ctx, (address, wasmOffset, source, line) => {
    if (source >= 0 && fileOfSource[source] < 0) fileOfSource[source] = fileIndex(ctx.sourceMap!.sourceFiles[source]);
    lines[j++] = address;
    lines[j++] = wasmOffset;
    lines[j++] = source >= 0 ? fileOfSource[source] : -1;
    lines[j++] = line;
  });
  const functions = ctx.functionRanges.map((f) => {
    const body = ctx.module.functions[f.index - ctx.module.importedFuncCount];
    const where = body ? ctx.locate(body.codeStart) : undefined;
    // Fields listed, not spread: spreading the range object is several times slower.
    return { index: f.index, name: f.name, start: f.start, end: f.end, file: where ? fileIndex(where.file) : undefined, line: where?.line };
  });
  const globalNames = new Map(ctx.module.exports.filter((e) => e.kind === 'global').map((e) => [e.index, e.name]));
  return {
    version: 1,
    entry: ctx.asm.origin,
    textStart: ctx.asm.origin,
    textEnd,
    dataStart: ctx.dataBase,
    files,
    functions,
    lines,
    globals: ctx.globalAddresses.map((address, index) => ({ index, name: globalNames.get(index), address, type: ctx.globalTypes[index] })),
    tables: ctx.tables.map((t, index) => ({ index, sizeAddress: t.sizeAddress, entriesAddress: t.entriesAddress, capacity: t.capacity })),
    memory: {
      base: ctx.options.memoryBase,
      initialPages: ctx.initialMemoryPages,
      maxPages: ctx.maxMemoryPages,
      sizeVariable: ctx.dataBase,
    },
    data: ctx.module.data.flatMap((segment, index) =>
      segment.mode === 'active'
        ? [{ index, address: ctx.options.memoryBase + (Number(ctx.evalConst(segment.offset!)) >>> 0), size: segment.data.length }]
        : [],
    ),
    runtime: Object.fromEntries([...ctx.runtime].map(([name, label]) => [name, labelAddress(label)])),
  };
}

/** One program's debug information from its modules' (in code order): functions, lines, globals, tables and
 *  data of all, one file list; the image-wide fields (entry, text and data bounds, memory, runtime) are the same in each. */
export function mergeDebugInfo(parts: DebugInfo[]): DebugInfo {
  if (parts.length === 1) return parts[0];
  const files = [...new Set(parts.flatMap((part) => part.files))];
  const merged: DebugInfo = { ...parts[0], files, functions: [], lines: [], globals: [], tables: [], data: [] };
  for (const part of parts) {
    const fileIndex = (i: number | undefined) => (i === undefined || i < 0 ? i : files.indexOf(part.files[i]));
    merged.functions.push(...part.functions.map((f) => ({ ...f, file: fileIndex(f.file) })));
    for (let j = 0; j < part.lines.length; j += 4) {
      merged.lines.push(part.lines[j], part.lines[j + 1], fileIndex(part.lines[j + 2])!, part.lines[j + 3]);
    }
    merged.globals.push(...part.globals);
    merged.tables.push(...part.tables);
    merged.data.push(...part.data);
  }
  return merged;
}
