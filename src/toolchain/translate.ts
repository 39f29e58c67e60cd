/**
 * @fileoverview The translator's front door: a wasm module in, a bootable
 * Multiboot ELF and its debug information out. Runs unchanged in Node and in a
 * browser Web Worker.
 *
 *   wasm bytes ─ reader ─▶ WasmModule ─ FunctionCompiler (one pass per function)
 *     ─▶ x86 Assembler ─▶ .text + .data ─ image writer ─▶ ELF + debug JSON
 *
 * `translateProgram` does the same for several modules linked into one image
 * (`compiler/linker.ts`): they are compiled one after the other into the same
 * .text, and instantiated in order at boot.
 *
 * Pipeline place: called by the CLIs (`cli/`), the kernel build, the tests,
 * the benchmarks and the playground's build worker.
 */
import { readModule } from './wasm/reader.js';
import { Import, WasmError, WasmModule } from './wasm/types.js';
import { ModuleContext } from './compiler/module-context.js';
import { FunctionCompiler } from './compiler/function-compiler.js';
import { resolveOptions, STACK_BASE, TranslateOptions } from './compiler/options.js';
import { parseSourceMap } from './compiler/source-locations.js';
import { buildDataSection } from './compiler/data-section.js';
import { buildDebugInfo, DebugInfo, mergeDebugInfo } from './compiler/debug-info.js';
import { isKnownImport } from './compiler/intrinsics.js';
import { linkModules, providerOf } from './compiler/linker.js';
import { emitEntry, emitProgramEntry, EntryHooks, ProgramHooks } from './runtime/entry.js';
import { emitRequestedRoutines } from './runtime/index.js';
import { emitTrapRecords, emitTrapStubs } from './runtime/traps.js';
import { emitImportThunk } from './runtime/thunks.js';
import { writeMultibootElf, ImageSymbol } from './image/elf.js';
import { Label } from './x86/assembler.js';

export type { TranslateOptions } from './compiler/options.js';
export type { DebugInfo } from './compiler/debug-info.js';
export type { EntryHooks, ProgramEntry, ProgramHooks } from './runtime/entry.js';
export { WasmError } from './wasm/types.js';

/** One module of a program (`translateProgram`). */
export interface ProgramModule {
  /** Other modules of the program import from this one by this name; it also prefixes its function names. */
  name: string;
  wasm: Uint8Array;
  /** asc's source map (JSON text) of this module. */
  sourceMap?: string;
}

export interface TranslateResult {
  elf: Uint8Array;
  debug: DebugInfo;
  stats: { functions: number; codeBytes: number; wasmBytes: number; ms: number };
}

export function translate(wasm: Uint8Array, options: TranslateOptions = {}, hooks: EntryHooks = {}): TranslateResult {
  const started = performance.now();
  const module = readChecked(wasm, () => false);
  const ctx = new ModuleContext(module, resolveOptions(options), parseSourceMap(options.sourceMap));
  return buildImage([ctx], () => emitEntry(ctx, hooks), started);
}

/**
 * Link several modules into one image: a module's imports from an earlier module (by its `name`) are
 * resolved to that module's exports (`compiler/linker.ts`); at boot the modules are instantiated in
 * order (or as `hooks.main` says), then the first `_start` export runs. `options.sourceMap` is unused:
 * each module brings its own.
 */
export function translateProgram(modules: ProgramModule[], options: TranslateOptions = {}, hooks: ProgramHooks = {}): TranslateResult {
  const started = performance.now();
  if (modules.length === 0) throw new WasmError('a program needs at least one module', 0);
  const read = modules.map((m, k) => ({
    name: m.name,
    module: readChecked(m.wasm, (imp) => providerOf(modules, k, imp.module) !== undefined),
    sourceMap: parseSourceMap(m.sourceMap),
  }));
  const contexts = linkModules(read, resolveOptions(options));
  return buildImage(contexts, () => emitProgramEntry(contexts, hooks), started);
}

function readChecked(wasm: Uint8Array, isLinked: (imp: Import) => boolean): WasmModule {
  validate(wasm);
  const module = readModule(wasm);
  checkImports(module, isLinked);
  return module;
}

/** Compile every module's functions after the entry code, then the runtime and read-only data; write the ELF. */
function buildImage(contexts: ModuleContext[], emitEntryCode: () => void, started: number): TranslateResult {
  const first = contexts[0];
  const asm = first.asm;
  emitEntryCode();
  for (const ctx of contexts) compileModule(ctx);
  const stubsDone = first.trapSites.length;
  emitRequestedRoutines(first);
  emitTrapStubs(first, stubsDone);
  for (const ctx of contexts) emitReadOnlyData(ctx);
  const text = asm.finish();

  const labelAddress = (label: Label) => asm.addressOf(label);
  const data = buildDataSection(contexts);
  const elf = writeMultibootElf({
    entry: asm.origin,
    sections: [
      { name: '.stack', address: STACK_BASE, kind: 'bss', size: first.options.stackSize },
      { name: '.data', address: first.dataBase, kind: 'data', bytes: data },
      { name: '.text', address: asm.origin, kind: 'text', bytes: text },
    ],
    symbols: contexts.flatMap((ctx, k) => symbols(ctx, labelAddress, k === 0)),
  });
  const debug = mergeDebugInfo(contexts.map((ctx) => buildDebugInfo(ctx, asm.origin + text.length, labelAddress)));
  const functions = contexts.reduce((n, ctx) => n + ctx.module.functions.length, 0);
  const wasmBytes = contexts.reduce((n, ctx) => n + ctx.module.bytes.length, 0);
  return { elf, debug, stats: { functions, codeBytes: text.length, wasmBytes, ms: performance.now() - started } };
}

/** Thunks for host imports, then the functions; each one's trap stubs follow it, keeping its hot path's jumps short. */
function compileModule(ctx: ModuleContext): void {
  let stubsDone = 0;
  const flushTrapStubs = () => {
    emitTrapStubs(ctx, stubsDone);
    stubsDone = ctx.trapSites.length;
  };
  for (let i = 0; i < ctx.module.importedFuncCount; i++) {
    if (ctx.importOf(i)) emitImportThunk(ctx, i);
  }
  flushTrapStubs();
  for (let i = ctx.module.importedFuncCount; i < ctx.funcTypes.length; i++) {
    new FunctionCompiler(ctx, i).compile();
    flushTrapStubs();
  }
}

/** Reject invalid modules with the engine's own message (names the function and offset). */
function validate(wasm: Uint8Array): void {
  if (typeof WebAssembly === 'undefined' || WebAssembly.validate(wasm as Uint8Array<ArrayBuffer>)) return;
  try {
    new WebAssembly.Module(wasm as Uint8Array<ArrayBuffer>);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const at = /@\+(\d+)/.exec(message);
    throw new WasmError(`invalid module: ${message.replace(/^WebAssembly\.Module\(\): /, '')}`, at ? Number(at[1]) : 0);
  }
}

/** Host imports must be known; imports that another module of the program provides (`isLinked`) are the linker's. */
function checkImports(module: WasmModule, isLinked: (imp: Import) => boolean): void {
  for (const imp of module.imports) {
    if (isLinked(imp)) continue;
    if (imp.desc.kind === 'func' && !isKnownImport(imp.module, imp.name)) {
      throw new WasmError(
        `unsupported import ${imp.module}.${imp.name}: a bare program may import env.putc, env.exit and env.abort; ` +
          `a kernel also the x86 intrinsics (docs/intrinsics.md)`,
        0,
      );
    }
    if (imp.desc.kind !== 'func' && imp.module !== 'spectest') {
      throw new WasmError(`unsupported ${imp.desc.kind} import ${imp.module}.${imp.name}: only functions can be imported`, 0);
    }
  }
}

function emitReadOnlyData(ctx: ModuleContext): void {
  const asm = ctx.asm;
  emitTrapRecords(ctx);
  ctx.module.data.forEach((segment, i) => {
    asm.bind(ctx.dataSegmentLabel(i));
    asm.bytes(segment.data);
  });
  for (const [text, label] of ctx.strings) {
    asm.bind(label);
    asm.cstring(text);
  }
}

/** A module's functions and globals; the runtime routines (shared by a program's modules) with the first's. */
function symbols(ctx: ModuleContext, labelAddress: (l: Label) => number, withRuntime: boolean): ImageSymbol[] {
  const result: ImageSymbol[] = ctx.functionRanges.map((f) => ({
    name: f.name, address: f.start, size: f.end - f.start, kind: 'func',
  }));
  if (withRuntime) {
    for (const [name, label] of ctx.runtime) result.push({ name: `__rt_${name}`, address: labelAddress(label), size: 0, kind: 'func' });
  }
  ctx.globalAddresses.forEach((address, i) => {
    if (!ctx.linked.globals.has(i)) result.push({ name: `${ctx.namePrefix}global[${i}]`, address, size: 8, kind: 'object' });
  });
  return result;
}
