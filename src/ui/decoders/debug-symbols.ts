/**
 * @fileoverview Address → symbol → source line, from the image's debug JSON
 * (`DebugInfo`, written next to the ELF by the translator). Answers for the
 * kernel's functions (with their TypeScript file and line) and for the
 * translator's runtime routines (interrupt entry stubs, traps…), which have
 * no source line of their own.
 *
 * Pipeline place: built once per kernel image by the panels' snapshot
 * source; the registers panel symbolizes EIP, the IDT panel each handler.
 */
import type { DebugInfo } from '../../toolchain/compiler/debug-info.js';

export type { DebugInfo };

export interface SourceSymbol {
  /** Function name (e.g. "arch/x86/interrupts/interrupt_handler") or runtime routine (e.g. "runtime:isr_stubs"). */
  readonly name: string;
  /** Bytes from the symbol's start. */
  readonly offset: number;
  readonly file?: string;
  readonly line?: number;
}

interface Region {
  readonly name: string;
  readonly start: number;
  readonly end: number;
}

/** Index of the last element of the ascending `starts` that is ≤ `value`, or −1. */
function lastAtOrBelow(count: number, startAt: (index: number) => number, value: number): number {
  let low = 0;
  let high = count - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (startAt(middle) <= value) {
      found = middle;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return found;
}

export class DebugSymbols {
  private readonly regions: Region[];
  /** Entries of `info.lines` (quadruples), kept as is; searched by address. */
  private readonly lineCount: number;

  constructor(private readonly info: DebugInfo) {
    const functions = info.functions.map((f) => ({ name: f.name, start: f.start, end: f.end }));
    const routineStarts = Object.entries(info.runtime)
      .map(([name, start]) => ({ name: `runtime:${name}`, start }))
      .sort((a, b) => a.start - b.start);
    // A routine runs up to the next routine or function (the debug info gives no end).
    const boundaries = [...functions.map((f) => f.start), ...routineStarts.map((r) => r.start), info.textEnd].sort((a, b) => a - b);
    const routines = routineStarts.map((r) => ({ ...r, end: boundaries.find((b) => b > r.start) ?? info.textEnd }));
    this.regions = [...functions, ...routines].sort((a, b) => a.start - b.start);
    this.lineCount = info.lines.length / 4;
  }

  /** The symbol whose code contains `address`, with its source line if the kernel's source map knows it. */
  symbolize(address: number): SourceSymbol | null {
    const at = address >>> 0;
    const index = lastAtOrBelow(this.regions.length, (i) => this.regions[i].start, at);
    const region = index >= 0 ? this.regions[index] : undefined;
    if (!region || at >= region.end) return null;
    return { name: region.name, offset: at - region.start, ...this.sourceLine(at, region) };
  }

  /**
   * The kernel function whose name ends with `suffix` (e.g. "interrupt_handler"), with its source line:
   * the function's own, else that of its first instruction from the file its name says it is declared in
   * (code inlined from other files may come first), else that of its first instruction with one.
   */
  functionNamed(suffix: string): SourceSymbol | null {
    const found = this.info.functions.find((f) => f.name === suffix || f.name.endsWith(`/${suffix}`) || f.name.endsWith(`.${suffix}`));
    if (!found) return null;
    if (found.file !== undefined) return { name: found.name, offset: 0, file: this.info.files[found.file], line: found.line };
    const declaredIn = this.info.files.indexOf(`${found.name.slice(0, found.name.lastIndexOf('/'))}.ts`);
    return { name: found.name, offset: 0, ...(this.firstSourceLine(found, declaredIn) ?? this.firstSourceLine(found) ?? {}) };
  }

  /** The source line of the region's first instruction that has one (from file index `file` only, if given and ≥ 0). */
  private firstSourceLine(region: Region, file = -1): { file: string; line: number } | null {
    const lines = this.info.lines;
    for (let i = Math.max(0, lastAtOrBelow(this.lineCount, (j) => lines[j * 4], region.start)); i < this.lineCount && lines[i * 4] < region.end; i++) {
      const lineFile = lines[i * 4 + 2];
      if (lines[i * 4] >= region.start && lineFile >= 0 && (file < 0 || lineFile === file)) return { file: this.info.files[lineFile], line: lines[i * 4 + 3] };
    }
    return null;
  }

  /** The source line of the code at `address`: its own entry's, else (code the compiler added) the nearest earlier one in the same region. */
  private sourceLine(address: number, region: Region): { file?: string; line?: number } {
    const lines = this.info.lines;
    for (let i = lastAtOrBelow(this.lineCount, (j) => lines[j * 4], address); i >= 0 && lines[i * 4] >= region.start; i--) {
      const file = lines[i * 4 + 2];
      if (file >= 0) return { file: this.info.files[file], line: lines[i * 4 + 3] };
    }
    return {};
  }
}

/** "name+0x1c (file.ts:12)", the form the panels show. */
export function formatSymbol(symbol: SourceSymbol | null): string {
  if (!symbol) return '';
  const offset = symbol.offset ? `+0x${symbol.offset.toString(16)}` : '';
  const where = symbol.file ? ` (${symbol.file}:${symbol.line})` : '';
  return `${symbol.name}${offset}${where}`;
}
