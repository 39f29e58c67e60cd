/**
 * @fileoverview Formats the code-speed comparison (bench/compare.ts) as a Markdown table, one row per kernel with
 * medians of the C and the AssemblyScript→x86 runs, and the target line: AS/C ≤ 1.5× on every kernel. The same
 * text goes to the terminal and into docs/performance.md.
 */
import type { KernelComparison, SideMeasurement } from './compare.js';
import { median } from './stats.js';

/** The translator's goal: translated AssemblyScript at most this many times slower than gcc -O2. */
export const TARGET_RATIO = 1.5;

const HEADER = [
  '| kernel | C cycles | C wall ms | C instructions | AS→x86 cycles | AS wall ms | AS instructions | AS/C | AS/C instructions | checksums equal |',
  '|---|---:|---:|---:|---:|---:|---:|---:|---:|---|',
];

function millions(value: number): string {
  return Number.isNaN(value) ? '—' : `${(value / 1e6).toFixed(1)} M`;
}

/** A failure message fit for one table cell: its first line, without the column separator, at most 60 chars. */
function failureCell(failure: string): string {
  const firstLine = failure.split('\n')[0].replaceAll('|', '/');
  return firstLine.length > 60 ? `${firstLine.slice(0, 57)}...` : firstLine;
}

/** Median cycles, wall ms and instructions of one side, or its failure in the first column. */
function sideCells(side: SideMeasurement): string[] {
  if (side.samples.length === 0) return [failureCell(side.failure ?? 'no runs'), '—', '—'];
  const instructions = side.samples.flatMap((sample) => sample.instructions ?? []);
  return [
    millions(median(side.samples.map((sample) => sample.cycles))),
    median(side.samples.map((sample) => sample.wallMs)).toFixed(0),
    millions(median(instructions)),
  ];
}

/** AS median cycles over C median cycles; NaN when a side has no runs. */
export function speedRatio(comparison: KernelComparison): number {
  return median(comparison.as.samples.map((s) => s.cycles)) / median(comparison.c.samples.map((s) => s.cycles));
}

/**
 * AS over C guest instructions (median): unlike cycles, independent of the host's load, though v86 does not
 * spend the same time on every instruction.
 */
function instructionRatio(comparison: KernelComparison): number {
  const instructions = (side: SideMeasurement): number => median(side.samples.flatMap((s) => s.instructions ?? []));
  return instructions(comparison.as) / instructions(comparison.c);
}

function ratioCell(ratio: number): string {
  return Number.isNaN(ratio) ? '—' : `${ratio.toFixed(2)}×`;
}

/** The distinct checksums printed by all runs of both images (one when C and AS agree). */
function distinctChecksums(comparison: KernelComparison): string[] {
  return [...new Set([...comparison.c.samples, ...comparison.as.samples].map((sample) => sample.check))];
}

/** True when both images ran and every run printed the same checksum: the two did the same work. */
export function isSoundComparison(comparison: KernelComparison): boolean {
  const bothRan = comparison.c.failure === undefined && comparison.as.failure === undefined;
  return bothRan && comparison.c.samples.length > 0 && distinctChecksums(comparison).length === 1;
}

/** 'yes' when every run of both images printed the same checksum; '—' when a side has no runs. */
function checksumsEqual(comparison: KernelComparison): string {
  if (comparison.c.samples.length === 0 || comparison.as.samples.length === 0) return '—';
  const checks = distinctChecksums(comparison);
  return checks.length === 1 ? 'yes' : `no (${checks.join(', ')})`;
}

function row(comparison: KernelComparison): string {
  const cells = [
    comparison.name,
    ...sideCells(comparison.c),
    ...sideCells(comparison.as),
    ratioCell(speedRatio(comparison)),
    ratioCell(instructionRatio(comparison)),
    checksumsEqual(comparison),
  ];
  return `| ${cells.join(' | ')} |`;
}

export function formatSpeedTable(comparisons: readonly KernelComparison[]): string {
  return [...HEADER, ...comparisons.map(row)].join('\n');
}

/** "target AS/C ≤ 1.5×: met on 5/5 kernels", naming the kernels that miss it or are not measured. */
export function formatTargetLine(comparisons: readonly KernelComparison[]): string {
  const measured = comparisons.filter((comparison) => !Number.isNaN(speedRatio(comparison)));
  const missed = measured.filter((comparison) => speedRatio(comparison) > TARGET_RATIO);
  const unmeasured = comparisons.filter((comparison) => !measured.includes(comparison));
  const parts = [`target AS/C ≤ ${TARGET_RATIO}×: met on ${measured.length - missed.length}/${comparisons.length} kernels`];
  if (missed.length > 0) parts.push(`missed: ${missed.map((c) => `${c.name} ${speedRatio(c).toFixed(2)}×`).join(', ')}`);
  if (unmeasured.length > 0) parts.push(`not measured: ${unmeasured.map((c) => c.name).join(', ')}`);
  return parts.join('; ');
}
