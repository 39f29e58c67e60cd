/**
 * @fileoverview The `@unsafe` regions of one kernel file as the editor marks
 * them: line ranges (decorator through closing brace, as the unsafe report
 * counts them) and the hover text that says why the region is unsafe. Pure,
 * so it is tested without a browser.
 *
 * Pipeline place: `unsafe-gutter.ts` turns these into Monaco decorations
 * from the running image's unsafe report.
 */
import type { UnsafeReport } from '../../toolchain/unsafe/report-format.js';

export interface UnsafeLineRange {
  /** 1-based, inclusive, as Monaco counts. */
  readonly startLine: number;
  readonly endLine: number;
  /** Markdown for the hover: the region's name, its reason, its size and what it does. */
  readonly hover: string;
}

/** The unsafe regions of `path` (relative to src/kernel/) in `report`, in file order; none for files it does not know. */
export function unsafeRegionsOf(report: UnsafeReport, path: string): UnsafeLineRange[] {
  const file = report.files.find((candidate) => candidate.path === path);
  if (!file) return [];
  return file.regions.map((region) => {
    const operations = region.operations.map((operation) => `${operation.kind} ×${operation.count}`).join(', ');
    const what = region.kind === 'file' ? 'the whole file' : `\`${region.name}\``;
    const size = `lines ${region.startLine}–${region.endLine}, ${region.unsafeLoc} of them code`;
    return {
      startLine: region.startLine,
      endLine: region.endLine,
      hover: `**unsafe** ${what}: ${region.reason}\n\n${size}${operations ? ` · ${operations}` : ''}`,
    };
  });
}
