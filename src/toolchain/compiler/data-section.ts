/**
 * @fileoverview The initial contents of the image's .data section: the
 * runtime's variables, every global's initial value, each table's size and
 * entries (active element segments applied at build time), the function
 * descriptors {code address, signature id}, the segments' "dropped" flags and
 * the element segments' items.
 *
 * Pipeline place: built by `translate.ts` after the code is assembled (the
 * descriptors need the functions' final addresses).
 */
import { ValType } from '../wasm/types.js';
import { ModuleContext, RuntimeVar } from './module-context.js';
import { PAGE_SIZE, STACK_BASE, STACK_GUARD } from './options.js';

/** Index of the first active element segment that does not fit its table (instantiation then traps). */
export function firstOutOfBoundsElementSegment(ctx: ModuleContext): number | undefined {
  for (let i = 0; i < ctx.module.elements.length; i++) {
    const segment = ctx.module.elements[i];
    if (segment.mode !== 'active') continue;
    const offset = Number(ctx.evalConst(segment.offset!)) >>> 0;
    if (offset + segment.items.length > ctx.tables[segment.tableIndex].initialSize) return i;
  }
  return undefined;
}

export function buildDataSection(ctx: ModuleContext, labelAddress: (funcIndex: number) => number): Uint8Array {
  const bytes = new Uint8Array(ctx.dataEnd - ctx.dataBase);
  const view = new DataView(bytes.buffer);
  const put32 = (address: number, value: number) => view.setUint32(address - ctx.dataBase, value >>> 0, true);

  put32(ctx.var(RuntimeVar.MemorySizeBytes), ctx.initialMemoryPages * PAGE_SIZE);
  put32(ctx.var(RuntimeVar.StackLimit), STACK_BASE + STACK_GUARD);

  ctx.globalAddresses.forEach((address, i) => {
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
    put32(ctx.descriptorAddress(i), labelAddress(i));
    put32(ctx.descriptorAddress(i) + 4, ctx.sigIds[functionTypeIndex(ctx, i)]);
  });

  const item = (index: number | null) => (index === null ? 0 : ctx.descriptorAddress(index));
  ctx.tables.forEach((table) => put32(table.sizeAddress, table.initialSize));
  const stop = firstOutOfBoundsElementSegment(ctx) ?? ctx.module.elements.length;
  ctx.module.elements.forEach((segment, i) => {
    segment.items.forEach((f, k) => put32(ctx.elemSegmentAddress(i) + 4 * k, item(f)));
    if (segment.mode !== 'passive') bytes[ctx.elemDroppedBase + i - ctx.dataBase] = 1;
    if (segment.mode !== 'active' || i >= stop) return;
    const table = ctx.tables[segment.tableIndex];
    const offset = Number(ctx.evalConst(segment.offset!)) >>> 0;
    segment.items.forEach((f, k) => put32(table.entriesAddress + 4 * (offset + k), item(f)));
  });
  ctx.module.data.forEach((segment, i) => {
    if (segment.mode === 'active') bytes[ctx.dataDroppedBase + i - ctx.dataBase] = 1;
  });
  return bytes;
}

function functionTypeIndex(ctx: ModuleContext, funcIndex: number): number {
  const m = ctx.module;
  const imp = ctx.importOf(funcIndex);
  if (imp) return imp.desc.kind === 'func' ? imp.desc.typeIndex : 0;
  return m.functions[funcIndex - m.importedFuncCount].typeIndex;
}
