/**
 * @fileoverview The unsafe panel's data, from the kernel's unsafe report:
 * the paper's Table 2 for eduOS-ts (lines of code, lines of unsafe code and
 * share per module, and in total) with the paper's figure for the matching
 * crate beside each row, and Table 1 (each module's reasons, beside the
 * paper's reasons for the matching part of RustyHermit). Every row knows
 * where its code is, so a click can open it. Pure.
 *
 * Pipeline place: `unsafe-panel.tsx` reads it from the snapshot source's
 * report (the build's, or public/images/eduos.unsafe.json for the prebuilt
 * image); `window.playground.panel('unsafe')` returns it.
 */
import {
  paperCrateOf, paperReasonsOf, paperRow, UNSAFE_SHARE_TARGET_PCT, type PaperTable1Row, type PaperTable2Row,
} from '../../toolchain/unsafe/paper-figures.js';
import { TOP_LEVEL_MODULE, type FileReport, type LineCounts, type ModuleReport, type UnsafeReport } from '../../toolchain/unsafe/report-format.js';

/** A line to open in the editor; `file` relative to src/kernel/. */
export interface CodeLocation {
  readonly file: string;
  readonly line: number;
}

export interface RegionRow {
  readonly file: string;
  /** 'vgaPutc', 'Spinlock.acquire'; the path for a whole `@unsafe-file`. */
  readonly name: string;
  readonly reason: string;
  readonly startLine: number;
  readonly endLine: number;
  readonly unsafeLoc: number;
  /** 'load ×2, port I/O ×1'. */
  readonly operations: string;
}

export interface ReasonRow {
  readonly reason: string;
  readonly regions: number;
  readonly unsafeLoc: number;
  /** The first region that gives this reason. */
  readonly open: CodeLocation;
}

export interface ModuleRow extends LineCounts {
  /** As in the report: the directory under src/kernel/, '.' for the top-level files. */
  readonly module: string;
  /** What the panel calls it: the directory, or 'top-level files' for '.'. */
  readonly label: string;
  readonly files: number;
  /** The paper's Table 2 row of the crate that does this module's job (x86_64, spin, else RustyHermit). */
  readonly paper: PaperTable2Row;
  /** The module's file with the most unsafe lines at its first region; else its first file. */
  readonly open: CodeLocation | null;
  /** Table 1 for this module, most unsafe lines first. */
  readonly reasons: readonly ReasonRow[];
  /** The paper's Table 1 rows for the matching part of RustyHermit (empty when nothing matches). */
  readonly paperReasons: readonly PaperTable1Row[];
  readonly regions: readonly RegionRow[];
}

export interface UnsafeTables {
  readonly total: LineCounts;
  /** The paper's total over RustyHermit and the crates it uses (3.27 %). */
  readonly paperTotal: PaperTable2Row;
  readonly targetPct: number;
  readonly withinTarget: boolean;
  /** Unsafe operations outside `@unsafe` regions in the sources the report was made of (0 for a booted image). */
  readonly violations: number;
  /** Sorted by module name, like the report. */
  readonly modules: readonly ModuleRow[];
}

export function unsafeTables(report: UnsafeReport): UnsafeTables {
  return {
    total: report.total,
    paperTotal: paperRow('Total')!,
    targetPct: UNSAFE_SHARE_TARGET_PCT,
    withinTarget: report.total.sharePct <= UNSAFE_SHARE_TARGET_PCT,
    violations: report.violations,
    modules: report.modules.map((module) => moduleRow(module, report.files.filter((file) => file.module === module.module))),
  };
}

/** A module's name for people: the report's '.' (the files directly in src/kernel/) reads as nothing. */
export function moduleLabel(module: string): string {
  return module === TOP_LEVEL_MODULE ? 'top-level files' : module;
}

function moduleRow(module: ModuleReport, files: readonly FileReport[]): ModuleRow {
  const regions = files.flatMap((file) => file.regions.map((region): RegionRow => ({
    file: file.path,
    name: region.name,
    reason: region.reason,
    startLine: region.startLine,
    endLine: region.endLine,
    unsafeLoc: region.unsafeLoc,
    operations: region.operations.map((operation) => `${operation.kind} ×${operation.count}`).join(', '),
  })));
  return {
    module: module.module,
    label: moduleLabel(module.module),
    files: module.files,
    loc: module.loc,
    unsafeLoc: module.unsafeLoc,
    sharePct: module.sharePct,
    paper: paperCrateOf(module.module),
    open: moduleLocation(files),
    reasons: module.reasons.map((reason) => {
      const first = regions.find((region) => region.reason === reason.reason)!;
      return { ...reason, open: { file: first.file, line: first.startLine } };
    }),
    paperReasons: paperReasonsOf(module.module),
    regions,
  };
}

function moduleLocation(files: readonly FileReport[]): CodeLocation | null {
  if (files.length === 0) return null;
  const mostUnsafe = files.reduce((best, file) => (file.unsafeLoc > best.unsafeLoc ? file : best));
  const region = mostUnsafe.regions[0];
  return { file: mostUnsafe.path, line: region?.startLine ?? 1 };
}
