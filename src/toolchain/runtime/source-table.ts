/**
 * @fileoverview The in-image source table behind the `x86.source_table()`
 * intrinsic: how a kernel names the function and TypeScript line of an EIP
 * (in an exception report) without the JSON debug information.
 *
 * Layout (read-only, 4-byte aligned; addresses are physical):
 *
 *   +0   u32 count
 *   +4   count × { u32 address, u32 function name, u32 file, u32 line }
 *
 * Entries are sorted by address; the entry with the greatest address ≤ EIP
 * describes it. Code without a source line inside a function is described by
 * the line before it. Names and files are NUL-terminated strings (file 0 and line 0
 * when the code has no source). One entry per change of function or line
 * keeps the table small.
 *
 * Pipeline place: emitted by `./index.ts` as a routine after all functions,
 * when the kernel uses `source_table()`.
 */
import type { ModuleContext } from '../compiler/module-context.js';
import { walkLineTable } from '../compiler/line-walk.js';

interface SourceEntry {
  address: number;
  name: string;
  file: string | undefined;
  line: number;
}

export function emitSourceTable(ctx: ModuleContext): void {
  const entries = sourceEntries(ctx);
  const a = ctx.asm;
  a.align(4, 0);
  a.u32(entries.length);
  for (const entry of entries) {
    a.u32(entry.address);
    a.addressOfLabel32(ctx.cstring(entry.name));
    if (entry.file) a.addressOfLabel32(ctx.cstring(entry.file));
    else a.u32(0);
    a.u32(entry.line);
  }
}

/** Line-table entries joined with the function they fall in, without repeats. */
function sourceEntries(ctx: ModuleContext): SourceEntry[] {
  const ranges = ctx.functionRanges;
  const files = ctx.sourceMap?.sourceFiles ?? [];
  const entries: SourceEntry[] = [];
  let f = 0;
  walkLineTable(ctx, (address, _wasmOffset, source, line) => {
    while (f < ranges.length && ranges[f].end <= address) f++;
    if (f >= ranges.length || address < ranges[f].start) return;
    const name = ranges[f].name;
    const file = source >= 0 ? files[source] : undefined;
    const last = entries[entries.length - 1];
    const sameFunction = last !== undefined && last.name === name;
    // Code without a source line (prologues, epilogues) belongs to the function's line before it.
    if (sameFunction && (file === undefined || (last.file === file && last.line === line))) return;
    entries.push({ address, name, file, line });
  });
  return entries;
}
