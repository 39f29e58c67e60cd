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
import { VlqReader } from './vlq.js';

/** A position in a source file, 1-based like editors and asc diagnostics. */
export interface SourcePosition {
  file: string;
  line: number;
  column: number;
}

/** The subset of the source map v3 JSON this reader needs. */
interface RawSourceMap {
  version: number;
  sources: string[];
  mappings: string;
}

/** No source for these bytes (a mapping with only a generated column). */
const NO_SOURCE = -1;

export class SourceMapLookup {
  private constructor(
    private readonly sources: readonly string[],
    /** Parallel arrays, sorted by wasm offset: from offsets[i] up to offsets[i+1] the bytes came from (source, line, column). */
    private readonly offsets: Int32Array,
    private readonly sourceIndexes: Int32Array,
    private readonly lines: Int32Array,
    private readonly columns: Int32Array,
  ) {}

  /** Parses the JSON text of a source map v3 as asc writes it for wasm. */
  static parse(json: string): SourceMapLookup {
    const raw = JSON.parse(json) as RawSourceMap;
    if (raw.version !== 3) throw new Error(`unsupported source map version ${raw.version}`);
    const m = decodeMappings(raw.mappings);
    return new SourceMapLookup(raw.sources, m.offsets, m.sourceIndexes, m.lines, m.columns);
  }

  /**
   * The source position of the nearest mapping at or before `wasmOffset`
   * (module-relative), or undefined when no mapping precedes it or the
   * nearest one marks bytes without a source.
   */
  lookup(wasmOffset: number): SourcePosition | undefined {
    const i = this.mappingAt(wasmOffset);
    if (!this.hasSource(i)) return undefined;
    return { file: this.sources[this.sourceIndexes[i]], line: this.lines[i], column: this.columns[i] };
  }

  /**
   * Like `lookup`, without allocating: the index of the mapping that covers
   * `wasmOffset` (-1 before the first), for `hasSource` / `sourceOf` /
   * `lineOf`. `hint`, the previous answer, makes ascending queries O(1).
   */
  mappingAt(wasmOffset: number, hint = -1): number {
    const offsets = this.offsets;
    for (let i = Math.max(hint, 0); i <= hint + 2 && i < offsets.length; i++) {
      if (offsets[i] <= wasmOffset && (i + 1 === offsets.length || offsets[i + 1] > wasmOffset)) return i;
    }
    return this.lastMappingAtOrBefore(wasmOffset);
  }

  /** Whether mapping `i` names a source (some mappings mark bytes that have none). */
  hasSource(i: number): boolean {
    return i >= 0 && this.sourceIndexes[i] !== NO_SOURCE;
  }

  /** Index into `sources` of mapping `i` (from `mappingAt`). */
  sourceOf(i: number): number {
    return this.sourceIndexes[i];
  }

  lineOf(i: number): number {
    return this.lines[i];
  }

  /** The source files, indexed by `sourceOf`. */
  get sourceFiles(): readonly string[] {
    return this.sources;
  }

  /** Binary search: index of the last mapping whose offset is <= wasmOffset, or -1. */
  private lastMappingAtOrBefore(wasmOffset: number): number {
    let low = 0;
    let high = this.offsets.length - 1;
    let found = -1;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      if (this.offsets[middle] <= wasmOffset) {
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
 * The result is sorted by offset (asc writes it sorted; otherwise it is sorted here).
 */
interface Mappings {
  offsets: Int32Array;
  sourceIndexes: Int32Array;
  lines: Int32Array;
  columns: Int32Array;
}

function decodeMappings(text: string): Mappings {
  // A ';' starts a new generated line; a wasm binary has only one.
  if (text.includes(';')) throw new Error('source map has several generated lines; a wasm map has one');
  let capacity = 1;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 44 /* , */) capacity++;
  const offsets = new Int32Array(capacity);
  const sourceIndexes = new Int32Array(capacity);
  const lines = new Int32Array(capacity);
  const columns = new Int32Array(capacity);
  const reader = new VlqReader(text);
  let count = 0;
  let wasmOffset = 0;
  let sourceIndex = 0;
  let line = 0;
  let column = 0;
  let sorted = true;
  while (reader.pos < text.length) {
    if (reader.peek() === ',') {
      reader.pos++;
      continue;
    }
    const previous = wasmOffset;
    wasmOffset += reader.next();
    if (wasmOffset < previous) sorted = false;
    offsets[count] = wasmOffset;
    if (reader.peek() === ',' || reader.peek() === '') {
      sourceIndexes[count++] = NO_SOURCE;
      continue;
    }
    sourceIndex += reader.next();
    line += reader.next();
    column += reader.next();
    while (reader.peek() !== ',' && reader.peek() !== '') reader.next(); // a name index, unused
    sourceIndexes[count] = sourceIndex;
    lines[count] = line + 1;
    columns[count] = column + 1;
    count++;
  }
  const result: Mappings = {
    offsets: offsets.subarray(0, count),
    sourceIndexes: sourceIndexes.subarray(0, count),
    lines: lines.subarray(0, count),
    columns: columns.subarray(0, count),
  };
  return sorted ? result : sortMappings(result);
}

function sortMappings(m: Mappings): Mappings {
  const order = [...m.offsets.keys()].sort((a, b) => m.offsets[a] - m.offsets[b]);
  const pick = (array: Int32Array) => Int32Array.from(order, (i) => array[i]);
  return { offsets: pick(m.offsets), sourceIndexes: pick(m.sourceIndexes), lines: pick(m.lines), columns: pick(m.columns) };
}
