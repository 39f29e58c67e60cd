/**
 * @fileoverview Reads the source map v3 that asc writes beside a wasm binary
 * and answers "which .ts line produced the wasm byte at this offset?". The
 * translator and the trap reporter use it to print `file.ts:line` for a
 * machine-code address once they know the wasm offset behind it.
 *
 * For wasm, asc (through Binaryen) writes a single generated "line": the
 * generated column of each mapping is a byte offset from the **start of the
 * module** (the `\0asm` magic), not from the code section. `lookup` therefore
 * takes module-relative byte offsets, the same numbers a wasm reader sees as
 * positions in the file.
 */
import { decodeVlqSegment } from './vlq.js';

/** A position in a source file, 1-based like editors and asc diagnostics. */
export interface SourcePosition {
  file: string;
  line: number;
  column: number;
}

/**
 * One decoded mapping: from `wasmOffset` up to the next mapping, the bytes came
 * from `position`, or from no known source when `position` is undefined.
 */
interface Mapping {
  wasmOffset: number;
  position: SourcePosition | undefined;
}

/** The subset of the source map v3 JSON this reader needs. */
interface RawSourceMap {
  version: number;
  sources: string[];
  mappings: string;
}

export class SourceMapLookup {
  private constructor(
    /** Sorted by wasmOffset. */
    private readonly mappings: readonly Mapping[],
  ) {}

  /** Parses the JSON text of a source map v3 as asc writes it for wasm. */
  static parse(json: string): SourceMapLookup {
    const raw = JSON.parse(json) as RawSourceMap;
    if (raw.version !== 3) throw new Error(`unsupported source map version ${raw.version}`);
    const mappings = decodeMappings(raw.mappings, raw.sources);
    mappings.sort((a, b) => a.wasmOffset - b.wasmOffset);
    return new SourceMapLookup(mappings);
  }

  /**
   * The source position of the nearest mapping at or before `wasmOffset`
   * (module-relative), or undefined when no mapping precedes it or the
   * nearest one marks bytes without a source.
   */
  lookup(wasmOffset: number): SourcePosition | undefined {
    const index = this.lastMappingAtOrBefore(wasmOffset);
    return index < 0 ? undefined : this.mappings[index].position;
  }

  /** Binary search: index of the last mapping whose offset is <= wasmOffset, or -1. */
  private lastMappingAtOrBefore(wasmOffset: number): number {
    let low = 0;
    let high = this.mappings.length - 1;
    let found = -1;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      if (this.mappings[middle].wasmOffset <= wasmOffset) {
        found = middle;
        low = middle + 1;
      } else {
        high = middle - 1;
      }
    }
    return found;
  }
}

/**
 * Decodes a `mappings` string. All fields are deltas from the previous
 * segment; source line and column are 0-based in the format and become 1-based
 * here. A segment with only a generated column starts bytes without a source.
 */
function decodeMappings(text: string, sources: readonly string[]): Mapping[] {
  // A ';' starts a new generated line; a wasm binary has only one.
  if (text.includes(';')) throw new Error('source map has several generated lines; a wasm map has one');
  const mappings: Mapping[] = [];
  let wasmOffset = 0;
  let sourceIndex = 0;
  let line = 0;
  let column = 0;
  for (const segment of text.split(',')) {
    if (segment === '') continue;
    const fields = decodeVlqSegment(segment);
    wasmOffset += fields[0];
    if (fields.length < 4) {
      mappings.push({ wasmOffset, position: undefined });
      continue;
    }
    sourceIndex += fields[1];
    line += fields[2];
    column += fields[3];
    mappings.push({ wasmOffset, position: { file: sources[sourceIndex], line: line + 1, column: column + 1 } });
  }
  return mappings;
}
