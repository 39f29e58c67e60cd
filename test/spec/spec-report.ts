/**
 * @fileoverview Sums the checks of each .wast file and prints the conformance report: one line per
 * file, the first failures, and the closing `spec: N passed, M failed, K skipped` line; also builds
 * the JSON report with every failure.
 *
 * Pipeline place: the end of `run-spec.ts`, after `spec-verdict.ts` has judged every job.
 */
import type { SkippedCheck, SkipReason } from './spec-plan.js';
import type { CheckResult } from './spec-verdict.js';

export interface FileSummary {
  file: string;
  passed: number;
  failed: number;
  skipped: Record<SkipReason, number>;
  /** Engine time summed over the file's jobs (boots run in parallel, so this is not wall time). */
  engineMs: number;
  failures: CheckResult[];
  /** Lines of the checks skipped because they need cross-module linking. */
  linkingLines: number[];
}

export function summariseFile(file: string, results: CheckResult[], skipped: SkippedCheck[], engineMs: number): FileSummary {
  const count = (reason: SkipReason): number => skipped.filter((check) => check.reason === reason).length;
  const failures = results.filter((result) => !result.passed && !result.skipped);
  return {
    file,
    passed: results.filter((result) => result.passed).length,
    failed: failures.length,
    skipped: {
      float: count('float'),
      'float-inside': results.filter((result) => result.skipped === 'float-inside').length,
      linking: count('linking'),
      unbuildable: count('unbuildable'),
    },
    engineMs,
    failures,
    linkingLines: skipped.filter((check) => check.reason === 'linking').map((check) => check.line),
  };
}

function skippedTotal(summary: FileSummary): number {
  return Object.values(summary.skipped).reduce((total, n) => total + n, 0);
}

/** `i32.wast  374/0/0  (812 ms)`, with the skip reasons when there are skips. */
export function fileLine(summary: FileSummary): string {
  const counts = `${summary.passed}/${summary.failed}/${skippedTotal(summary)}`;
  const reasons = Object.entries(summary.skipped).filter(([, n]) => n > 0).map(([reason, n]) => `${reason} ${n}`);
  const detail = reasons.length > 0 ? `  skipped: ${reasons.join(', ')}` : '';
  return `${summary.file.padEnd(20)}  ${counts.padStart(13)}  (${Math.round(summary.engineMs)} ms)${detail}`;
}

export function failureLines(summaries: FileSummary[], limit: number): string[] {
  const failures = summaries.flatMap((summary) => summary.failures);
  const lines = failures.slice(0, limit).map((f) => `  ${f.file}:${f.line}  ${f.action}  expected ${f.expected}  got ${f.got}`);
  if (failures.length > limit) lines.push(`  ... and ${failures.length - limit} more (see the JSON report)`);
  return lines;
}

export function totalsLine(summaries: FileSummary[]): string {
  const sum = (pick: (summary: FileSummary) => number): number => summaries.reduce((total, s) => total + pick(s), 0);
  return `spec: ${sum((s) => s.passed)} passed, ${sum((s) => s.failed)} failed, ${sum(skippedTotal)} skipped`;
}

export function jsonReport(engine: string, wallMs: number, summaries: FileSummary[]): object {
  return {
    engine,
    date: new Date().toISOString(),
    wallMs: Math.round(wallMs),
    totals: totalsLine(summaries),
    files: summaries.map(({ failures, ...summary }) => ({ ...summary, engineMs: Math.round(summary.engineMs) })),
    failures: summaries.flatMap((summary) => summary.failures).map(({ passed, ...failure }) => failure),
  };
}
