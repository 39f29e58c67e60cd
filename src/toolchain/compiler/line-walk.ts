/**
 * @fileoverview Walks the translator's line table (x86 address → wasm offset)
 * in address order and resolves each entry's TypeScript source through asc's
 * source map, sequentially (each lookup starts from the previous answer).
 *
 * Pipeline place: used after all code is emitted by `debug-info.ts` (the JSON
 * line table) and `../runtime/source-table.ts` (the in-image table the kernel
 * reads to name the source line of an EIP).
 */
import type { ModuleContext } from './module-context.js';

/** `source` indexes `ctx.sourceMap.sourceFiles`, or is -1 (with line 0) when the offset has no source. */
export type LineVisitor = (address: number, wasmOffset: number, source: number, line: number) => void;

export function walkLineTable(ctx: ModuleContext, visit: LineVisitor): void {
  const table = ctx.lineTable;
  const map = ctx.sourceMap;
  let mapping = -1;
  for (let i = 0; i < table.length; i++) {
    const wasmOffset = table.wasmOffset(i);
    let source = -1;
    let line = 0;
    if (map) {
      mapping = map.mappingAt(wasmOffset, mapping);
      if (map.hasSource(mapping)) {
        source = map.sourceOf(mapping);
        line = map.lineOf(mapping);
      }
    }
    visit(table.address(i), wasmOffset, source, line);
  }
}
