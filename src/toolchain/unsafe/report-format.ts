/**
 * @fileoverview The unsafe report's JSON shape: what `npm run kernel` writes
 * to public/images/eduos.unsafe.json, what `npm run unsafe-report -- --json`
 * prints and what the playground's unsafe panel reads. The paper's Table 2
 * (lines of code, lines of unsafe code, share) per module and per file, and
 * Table 1 (why each module needs unsafe code) as the reasons given in
 * `@unsafe("reason")`, grouped and counted.
 *
 * Counting: a line of code is a line with anything but white space and
 * comments on it. A line of unsafe code is a line of code inside an
 * `@unsafe` function, from its decorator through its closing brace (the
 * signature counts: it is part of what a reader must trust), or any line of
 * code in a file marked `// @unsafe-file: reason`. Each line counts once even
 * when unsafe functions nest.
 */
import type { UnsafeOperationKind } from './operations.js';

export type { UnsafeOperationKind } from './operations.js';

/** Bump when a field changes meaning or goes away; adding fields keeps the version. */
export const UNSAFE_REPORT_VERSION = 1;

/** The module of the kernel's top-level files (main.ts, config.ts, …): those directly in src/kernel/. */
export const TOP_LEVEL_MODULE = '.';

export interface LineCounts {
  /** Lines of code (non-blank, non-comment). */
  loc: number;
  /** Lines of code inside unsafe regions. */
  unsafeLoc: number;
  /** 100 · unsafeLoc / loc, rounded to two decimals; 0 when loc is 0. */
  sharePct: number;
}

export interface UnsafeReport {
  version: typeof UNSAFE_REPORT_VERSION;
  /** The whole kernel (the paper's "Total" row). */
  total: LineCounts;
  /** Unsafe operations outside unsafe regions, and `@unsafe` without a reason: each fails the build. */
  violations: number;
  /** One per directory under src/kernel/ ('.' for the top-level files), sorted by name. */
  modules: ModuleReport[];
  /** One per source file, sorted by path. */
  files: FileReport[];
}

export interface ModuleReport extends LineCounts {
  /** Directory relative to src/kernel/: 'arch/x86', 'mm', '.'. */
  module: string;
  /** Number of source files in the module. */
  files: number;
  /** Table 1 for this module: each distinct reason, most unsafe lines first. */
  reasons: ReasonCount[];
  /** The unsafe operations the module's regions perform, most frequent first. */
  operations: OperationCount[];
}

export interface ReasonCount {
  /** The string given to `@unsafe("…")` or `// @unsafe-file: …`; '(missing reason)' when there was none. */
  reason: string;
  /** How many unsafe functions (or whole files) give this reason. */
  regions: number;
  unsafeLoc: number;
}

export interface OperationCount {
  kind: UnsafeOperationKind;
  count: number;
}

export interface FileReport extends LineCounts {
  /** Relative to src/kernel/, e.g. 'arch/x86/vga.ts'. */
  path: string;
  module: string;
  /** Violations in this file. */
  violations: number;
  regions: UnsafeRegion[];
}

/** An `@unsafe` function or method, or a whole `// @unsafe-file:` file. */
export interface UnsafeRegion {
  kind: 'function' | 'file';
  /** 'vgaPutc', 'Spinlock.acquire'; the file's path for a whole file. */
  name: string;
  reason: string;
  /** 1-based, inclusive: the decorator's line through the closing brace. */
  startLine: number;
  endLine: number;
  unsafeLoc: number;
  operations: OperationCount[];
}
