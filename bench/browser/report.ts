/**
 * @fileoverview Formats the figures of `npm run bench:browser` (toolchain-figures.ts, measured once in Node and
 * once in Chromium's Web Worker) as a Markdown table with the two engines side by side, and the one-line summary
 * of the Chromium side. The same text goes to the terminal and into docs/performance.md.
 */
import { KERNEL_LEVELS, MEASUREMENT_COUNTS, type ImageFingerprint, type ToolchainFigures } from './toolchain-figures.js';

export interface EngineFigures {
  /** e.g. 'Node v20.20.2' or 'Chromium 156.0.8078.108'. */
  engine: string;
  figures: ToolchainFigures;
}

/** Same length and same SHA-256: the two engines built the same kernel image. */
export function sameImage(a: ImageFingerprint, b: ImageFingerprint): boolean {
  return a.bytes === b.bytes && a.sha256 === b.sha256;
}

const ms = (value: number): string => `${value.toFixed(0)} ms`;
const rate = (mbPerSecond: number): string => `${mbPerSecond.toFixed(2)} MB/s`;
const kib = (bytes: number): string => `${(bytes / 1024).toFixed(0)} KiB`;
const image = (fingerprint: ImageFingerprint): string =>
  `${fingerprint.bytes} bytes, ${fingerprint.elfMagic ? 'ELF' : 'NOT ELF'}, SHA-256 ${fingerprint.sha256.slice(0, 12)}…`;

/** One row per measurement, one column per engine. */
export function formatFiguresTable(engines: readonly EngineFigures[]): string {
  const counts = MEASUREMENT_COUNTS;
  const corpus = engines[0].figures;
  const rows: [string, (figures: ToolchainFigures) => string][] = [
    ...KERNEL_LEVELS.map((level, i): [string, (f: ToolchainFigures) => string] => [
      `asc compile of src/kernel -O${level} (median of ${counts.compile})`,
      (f) => ms(f.kernelCompileMs[i]),
    ]),
    [
      `translation throughput (median of ${counts.translation} passes over ${corpus.corpusModules} modules, ${kib(corpus.corpusBytes)})`,
      (f) => rate(f.translationMBps),
    ],
    ['first kernel rebuild in a fresh engine: asc -O3 + translate (cold, once)', (f) => ms(f.coldRebuildMs)],
    [`kernel rebuild: asc -O3 + translate (warm, median of ${counts.rebuild})`, (f) => ms(f.rebuildMs)],
    ['kernel image', (f) => image(f.image)],
  ];
  const header = `| measurement | ${engines.map((e) => e.engine).join(' | ')} |`;
  const rule = `|---|${engines.map(() => '---:|').join('')}`;
  const body = rows.map(([name, cell]) => `| ${name} | ${engines.map((e) => cell(e.figures)).join(' | ')} |`);
  return [header, rule, ...body].join('\n');
}

/** e.g. "Chromium 156…: asc kernel -O0 300 ms, …; translation 1.10 MB/s (corpus 150 KiB); kernel rebuild 400 ms; image identical to Node's: yes". */
export function formatSummaryLine(browser: EngineFigures, node: EngineFigures): string {
  const f = browser.figures;
  const compile = KERNEL_LEVELS.map((level, i) => `-O${level} ${ms(f.kernelCompileMs[i])}`).join(', ');
  const identical = sameImage(f.image, node.figures.image) && f.image.elfMagic ? 'yes' : 'NO';
  return (
    `${browser.engine}: asc kernel ${compile}; translation ${rate(f.translationMBps)} (corpus ${kib(f.corpusBytes)}); ` +
    `kernel rebuild ${ms(f.rebuildMs)} (first one ${ms(f.coldRebuildMs)}); image identical to Node's: ${identical}`
  );
}
