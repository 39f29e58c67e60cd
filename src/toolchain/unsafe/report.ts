/**
 * @fileoverview Turns the checker's findings into the unsafe report
 * (report-format.ts): counts lines of code and lines of unsafe code per file,
 * then sums them per module (directory under src/kernel/) and for the whole
 * kernel, and groups the `@unsafe` reasons and operations per module.
 */
import type { FileFindings, RegionFinding } from './file-check.js';
import type { UnsafeOperationKind } from './operations.js';
import {
  TOP_LEVEL_MODULE,
  UNSAFE_REPORT_VERSION,
  type FileReport,
  type LineCounts,
  type ModuleReport,
  type OperationCount,
  type ReasonCount,
  type UnsafeRegion,
  type UnsafeReport,
} from './report-format.js';

export function buildReport(findings: readonly FileFindings[]): UnsafeReport {
  const files = findings.map(fileReport).sort((a, b) => a.path.localeCompare(b.path));
  const modules = [...groupBy(files, (file) => file.module)]
    .map(([module, moduleFiles]) => moduleReport(module, moduleFiles))
    .sort((a, b) => a.module.localeCompare(b.module));
  return {
    version: UNSAFE_REPORT_VERSION,
    total: lineCounts(sum(files, (file) => file.loc), sum(files, (file) => file.unsafeLoc)),
    violations: sum(files, (file) => file.violations),
    modules,
    files,
  };
}

/** The directory part of a path relative to src/kernel/, '.' for the top level. */
export function moduleOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash === -1 ? TOP_LEVEL_MODULE : path.slice(0, slash);
}

function fileReport({ file, regions, diagnostics }: FileFindings): FileReport {
  const unsafeLines = new Set<number>();
  const regionReports = regions.map((region) => regionReport(region, (line) => file.lines.isCodeLine(line), unsafeLines));
  return {
    path: file.path,
    module: moduleOf(file.path),
    ...lineCounts(file.lines.codeLineCount(), unsafeLines.size),
    violations: diagnostics.filter((diagnostic) => diagnostic.severity === 'error').length,
    regions: regionReports,
  };
}

/** Also adds the region's code lines to the file's `unsafeLines`, where nested regions count once. */
function regionReport(region: RegionFinding, isCodeLine: (line: number) => boolean, unsafeLines: Set<number>): UnsafeRegion {
  let unsafeLoc = 0;
  for (let line = region.startLine; line <= region.endLine; line++) {
    if (!isCodeLine(line)) continue;
    unsafeLoc++;
    unsafeLines.add(line);
  }
  const { kind, name, reason, startLine, endLine } = region;
  return { kind, name, reason, startLine, endLine, unsafeLoc, operations: operationList(region.operations) };
}

function moduleReport(module: string, files: readonly FileReport[]): ModuleReport {
  const regions = files.flatMap((file) => file.regions);
  return {
    module,
    files: files.length,
    ...lineCounts(sum(files, (file) => file.loc), sum(files, (file) => file.unsafeLoc)),
    reasons: reasonCounts(regions),
    operations: mergeOperations(regions.map((region) => region.operations)),
  };
}

function reasonCounts(regions: readonly UnsafeRegion[]): ReasonCount[] {
  return [...groupBy(regions, (region) => region.reason)]
    .map(([reason, group]) => ({ reason, regions: group.length, unsafeLoc: sum(group, (region) => region.unsafeLoc) }))
    .sort((a, b) => b.unsafeLoc - a.unsafeLoc || a.reason.localeCompare(b.reason));
}

function mergeOperations(lists: readonly OperationCount[][]): OperationCount[] {
  const totals = new Map<UnsafeOperationKind, number>();
  for (const { kind, count } of lists.flat()) totals.set(kind, (totals.get(kind) ?? 0) + count);
  return operationList(totals);
}

/** Most frequent first. */
function operationList(counts: ReadonlyMap<UnsafeOperationKind, number>): OperationCount[] {
  return [...counts]
    .map(([kind, count]) => ({ kind, count }))
    .sort((a, b) => b.count - a.count || a.kind.localeCompare(b.kind));
}

export function lineCounts(loc: number, unsafeLoc: number): LineCounts {
  return { loc, unsafeLoc, sharePct: loc === 0 ? 0 : Math.round((unsafeLoc / loc) * 10000) / 100 };
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}

function sum<T>(items: readonly T[], value: (item: T) => number): number {
  return items.reduce((total, item) => total + value(item), 0);
}
