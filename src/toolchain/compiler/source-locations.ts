/**
 * @fileoverview Source locations for wasm byte offsets: how a trap message or
 * the debug info names a TypeScript file and line.
 *
 * Pipeline place: `translate.ts` builds a locator from asc's source map (via
 * `../asc/source-map.ts`); the compiler calls it for trap sites and diagnostics.
 */
import { SourceMapLookup } from '../asc/source-map.js';

export interface SourceLocation {
  file: string;
  line: number;
  column: number;
}

export type Locator = (wasmOffset: number) => SourceLocation | undefined;

export function parseSourceMap(sourceMap: string | undefined): SourceMapLookup | undefined {
  return sourceMap ? SourceMapLookup.parse(sourceMap) : undefined;
}

export function locatorFor(map: SourceMapLookup | undefined): Locator {
  return map ? (offset) => map.lookup(offset) : () => undefined;
}

/** "file.ts:12", or undefined when unknown. */
export function formatLocation(location: SourceLocation | undefined): string | undefined {
  return location ? `${location.file}:${location.line}` : undefined;
}
