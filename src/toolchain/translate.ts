/**
 * @fileoverview The translator's front door: a wasm module in, a bootable
 * Multiboot ELF and its debug information out. Runs unchanged in Node and in a
 * browser Web Worker.
 *
 *   wasm bytes ─ reader ─▶ WasmModule ─ FunctionCompiler (one pass per function)
 *     ─▶ x86 Assembler ─▶ .text + .data ─ image writer ─▶ ELF + debug JSON
 *
 * Pipeline place: called by the CLIs (`cli/`), the kernel build, the tests,
 * the benchmarks and the playground's build worker.
 */
import { readModule } from './wasm/reader.js';
import { WasmError, WasmModule } from './wasm/types.js';
import { ModuleContext } from './compiler/module-context.js';
import { FunctionCompiler } from './compiler/function-compiler.js';
import { resolveOptions, STACK_BASE, TranslateOptions } from './compiler/options.js';
import { parseSourceMap } from './compiler/source-locations.js';
import { buildDataSection } from './compiler/data-section.js';
import { buildDebugInfo, DebugInfo } from './compiler/debug-info.js';
import { isKnownImport } from './compiler/intrinsics.js';
import { emitEntry, EntryHooks } from './runtime/entry.js';
import { emitRequestedRoutines } from './runtime/index.js';
import { emitTrapRecords, emitTrapStubs } from './runtime/traps.js';
import { emitImportThunk } from './runtime/thunks.js';
import { writeMultibootElf, ImageSymbol } from './image/elf.js';
import { Label } from './x86/assembler.js';

export type { TranslateOptions } from './compiler/options.js';
export type { DebugInfo } from './compiler/debug-info.js';
export { WasmError } from './wasm/types.js';

export interface TranslateResult {
  elf: Uint8Array;
  debug: DebugInfo;
  stats: { functions: number; codeBytes: number; wasmBytes: number; ms: number };
}

export function translate(wasm: Uint8Array, options: TranslateOptions = {}, hooks: EntryHooks = {}): TranslateResult {
  const started = performance.now();
  validate(wasm);
  const module = readModule(wasm);
  checkImports(module);
  const ctx = new ModuleContext(module, resolveOptions(options), parseSourceMap(options.sourceMap));
  const asm = ctx.asm;

  // Each function's trap stubs follow it, keeping its hot path's jumps short.
  let stubsDone = 0;
  const flushTrapStubs = () => {
    emitTrapStubs(ctx, stubsDone);
    stubsDone = ctx.trapSites.length;
  };
  emitEntry(ctx, hooks);
  for (let i = 0; i < module.importedFuncCount; i++) emitImportThunk(ctx, i);
  flushTrapStubs();
  for (let i = module.importedFuncCount; i < ctx.funcTypes.length; i++) {
    new FunctionCompiler(ctx, i).compile();
    flushTrapStubs();
  }
  emitRequestedRoutines(ctx);
  flushTrapStubs();
  emitReadOnlyData(ctx);
  const text = asm.finish();

  const labelAddress = (label: Label) => asm.addressOf(label);
  const data = buildDataSection(ctx, (i) => labelAddress(ctx.funcLabels[i]));
  const elf = writeMultibootElf({
    entry: asm.origin,
    sections: [
      { name: '.stack', address: STACK_BASE, kind: 'bss', size: ctx.options.stackSize },
      { name: '.data', address: ctx.dataBase, kind: 'data', bytes: data },
      { name: '.text', address: asm.origin, kind: 'text', bytes: text },
    ],
    symbols: symbols(ctx, labelAddress),
  });
  const debug = buildDebugInfo(ctx, asm.origin + text.length, labelAddress);
  return {
    elf,
    debug,
    stats: { functions: module.functions.length, codeBytes: text.length, wasmBytes: wasm.length, ms: performance.now() - started },
  };
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

function checkImports(module: WasmModule): void {
  for (const imp of module.imports) {
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

function symbols(ctx: ModuleContext, labelAddress: (l: Label) => number): ImageSymbol[] {
  const result: ImageSymbol[] = ctx.functionRanges.map((f) => ({
    name: f.name, address: f.start, size: f.end - f.start, kind: 'func',
  }));
  for (const [name, label] of ctx.runtime) result.push({ name: `__rt_${name}`, address: labelAddress(label), size: 0, kind: 'func' });
  ctx.globalAddresses.forEach((address, i) => result.push({ name: `global[${i}]`, address, size: 8, kind: 'object' }));
  return result;
}
