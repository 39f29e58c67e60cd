/**
 * @fileoverview The initial contents of the image's .data section: the
 * runtime's variables, every global's initial value, each table's size and
 * entries (active element segments applied at build time), the function
 * descriptors {code address, signature id}, the segments' "dropped" flags and
 * the element segments' items — for every module of a linked program.
 *
 * Pipeline place: built by `translate.ts` after the code is assembled (the
 * descriptors need the functions' final addresses).
 */
import { ValType } from '../wasm/types.js';
import { ModuleContext, RuntimeVar } from './module-context.js';
import { PAGE_SIZE, STACK_BASE, STACK_GUARD } from './options.js';

/** Index of the first active element segment that does not fit its table (instantiation then traps). Segments
 *  into a table of another module are checked when they are applied, at run time (`../runtime/entry.ts`). */
export function firstOutOfBoundsElementSegment(ctx: ModuleContext): number | undefined {
  for (let i = 0; i < ctx.module.elements.length; i++) {
    const segment = ctx.module.elements[i];
    if (segment.mode !== 'active' || ctx.linked.tables.has(segment.tableIndex)) continue;
    const offset = Number(ctx.evalConst(segment.offset!)) >>> 0;
    if (offset + segment.items.length > ctx.tables[segment.tableIndex].initialSize) return i;
  }
  return undefined;
}

/** The .data bytes of a program: the runtime's variables (the first module's memory), then each module's data. */
export function buildDataSection(contexts: readonly ModuleContext[]): Uint8Array {
  const first = contexts[0];
  const bytes = new Uint8Array(first.dataEnd - first.dataBase);
  const view = new DataView(bytes.buffer);
  const put32 = (address: number, value: number) => view.setUint32(address - first.dataBase, value >>> 0, true);
  put32(first.var(RuntimeVar.MemorySizeBytes), first.initialMemoryPages * PAGE_SIZE);
  put32(first.var(RuntimeVar.StackLimit), STACK_BASE + STACK_GUARD);
  for (const ctx of contexts) writeModuleData(ctx, bytes, put32);
  return bytes;
}

/** A module's globals, descriptors, tables with its active element segments applied, and segment flags;
 *  storage it shares with an exporting module is that module's to write. */
function writeModuleData(ctx: ModuleContext, bytes: Uint8Array, put32: (address: number, value: number) => void): void {
  ctx.globalAddresses.forEach((address, i) => {
    if (ctx.linked.globals.has(i)) return;
    const value = ctx.globalValue(i);
    if (ctx.globalTypes[i] === ValType.I64 || ctx.globalTypes[i] === ValType.F64) {
      const v = BigInt.asUintN(64, BigInt(value));
      put32(address, Number(v & 0xffff_ffffn));
      put32(address + 4, Number(v >> 32n));
    } else {
      put32(address, Number(value));
    }
  });

  ctx.funcTypes.forEach((_, i) => {
    if (ctx.linked.functions.has(i)) return;
    put32(ctx.descriptorAddress(i), ctx.asm.addressOf(ctx.funcLabels[i]));
    put32(ctx.descriptorAddress(i) + 4, ctx.sigIds[functionTypeIndex(ctx, i)]);
  });

  ctx.tables.forEach((table, i) => {
    if (!ctx.linked.tables.has(i)) put32(table.sizeAddress, table.initialSize);
  });
  const stop = firstOutOfBoundsElementSegment(ctx) ?? ctx.module.elements.length;
  ctx.module.elements.forEach((segment, i) => {
    segment.items.forEach((item, k) => put32(ctx.elemSegmentAddress(i) + 4 * k, ctx.elementItemValue(item)));
    if (segment.mode !== 'passive') bytes[ctx.elemDroppedBase + i - ctx.dataBase] = 1;
    if (segment.mode !== 'active' || i >= stop || ctx.linked.tables.has(segment.tableIndex)) return;
    const table = ctx.tables[segment.tableIndex];
    const offset = Number(ctx.evalConst(segment.offset!)) >>> 0;
    segment.items.forEach((item, k) => put32(table.entriesAddress + 4 * (offset + k), ctx.elementItemValue(item)));
  });
  ctx.module.data.forEach((segment, i) => {
    if (segment.mode === 'active') bytes[ctx.dataDroppedBase + i - ctx.dataBase] = 1;
  });
}

function functionTypeIndex(ctx: ModuleContext, funcIndex: number): number {
  const m = ctx.module;
  const imp = ctx.importOf(funcIndex);
  if (imp) return imp.desc.kind === 'func' ? imp.desc.typeIndex : 0;
  return m.functions[funcIndex - m.importedFuncCount].typeIndex;
}
