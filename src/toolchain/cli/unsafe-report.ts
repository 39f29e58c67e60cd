/**
 * @fileoverview `npm run unsafe-report -- [--reasons] [--json] [--dir DIR]`:
 * runs the unsafe checker over the kernel (src/kernel/, or DIR) and prints
 * its violations first (file:line:column, as the build does), then the
 * paper's Table 2 for this kernel — lines of code, lines of unsafe code and
 * share per module, beside the paper's figures — and Table 1 (what the
 * unsafe code does per module; with --reasons every `@unsafe` reason). The
 * last line is always `Total <LOC> <LOUC> <share>%`. With --json it prints
 * the report (report-format.ts) instead. Exit status 1 when there are
 * violations.
 *
 * Pipeline place: a reading tool beside the build; `npm run kernel` runs the
 * same check and fails on the same violations.
 */
import { relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { readAscSources, KERNEL_DIRECTORY } from '../asc/kernel-sources-node.js';
import { checkUnsafe, formatUnsafeDiagnostic, hasUnsafeErrors } from '../unsafe/check.js';
import { PAPER_CRATE_BY_MODULE, paperRow, type PaperTable2Row } from '../unsafe/paper-figures.js';
import type { LineCounts, ModuleReport, UnsafeReport } from '../unsafe/report-format.js';

const USAGE = 'usage: npm run unsafe-report -- [--reasons] [--json] [--dir DIR]';

interface Command {
  directory: string;
  json: boolean;
  reasons: boolean;
}

function parseCommand(args: string[]): Command {
  const { values } = parseArgs({
    args,
    options: { dir: { type: 'string' }, json: { type: 'boolean' }, reasons: { type: 'boolean' } },
  });
  return { directory: values.dir ?? KERNEL_DIRECTORY, json: values.json ?? false, reasons: values.reasons ?? false };
}

function main(command: Command): number {
  const sources = readAscSources(resolve(command.directory));
  const result = checkUnsafe(new Map(sources.map((source) => [source.path, source.text])));
  const shownDirectory = relative(process.cwd(), resolve(command.directory)) || '.';
  const violations = result.diagnostics.map((diagnostic) => formatUnsafeDiagnostic(diagnostic, shownDirectory));
  if (command.json) {
    for (const line of violations) process.stderr.write(`${line}\n`);
    process.stdout.write(`${JSON.stringify(result.report, null, 2)}\n`);
  } else {
    const table = reportTable(result.report, shownDirectory, command.reasons);
    const separator = violations.length > 0 ? [''] : [];
    process.stdout.write(`${[...violations, ...separator, ...table].join('\n')}\n`);
  }
  return hasUnsafeErrors(result) ? 1 : 0;
}

const COLUMNS = ['module', 'files', 'LOC', 'unsafe', 'share', 'paper (Table 2)'];

/** Table 2 for this kernel, Table 1 in short, the paper's totals, and the Total line last. */
function reportTable(report: UnsafeReport, directory: string, allReasons: boolean): string[] {
  const width = Math.max(COLUMNS[0].length, ...report.modules.map((module) => module.module.length));
  const row = (cells: string[]) =>
    [cells[0].padEnd(width), ...cells.slice(1, 5).map((cell, index) => cell.padStart(index === 0 ? 5 : 7)), cells[5]]
      .join('  ')
      .trimEnd();
  const lines = [`Unsafe code in ${directory}/ (lines of code, non-blank and non-comment)`, row(COLUMNS)];
  for (const module of report.modules) lines.push(row([module.module, String(module.files), ...counts(module), paperCell(module)]));
  lines.push('', 'What the unsafe code does (Table 1 style; operations inside @unsafe regions)');
  for (const module of report.modules.filter((candidate) => candidate.unsafeLoc > 0)) {
    lines.push(...moduleReasons(module, width, allReasons));
  }
  const kernel = paperRow('RustyHermit')!;
  const total = paperRow('Total')!;
  lines.push('', `paper (PLOS'19 Table 2): RustyHermit kernel ${paperCounts(kernel)}; with the crates it uses ${paperCounts(total)}`);
  lines.push(`Total ${report.total.loc} ${report.total.unsafeLoc} ${report.total.sharePct.toFixed(2)}%`);
  return lines;
}

function counts(lineCounts: LineCounts): string[] {
  return [String(lineCounts.loc), String(lineCounts.unsafeLoc), `${lineCounts.sharePct.toFixed(2)}%`];
}

function paperCell(module: ModuleReport): string {
  const crate = PAPER_CRATE_BY_MODULE[module.module];
  const row = crate === undefined ? undefined : paperRow(crate);
  return row ? `${row.crate} crate ${paperCounts(row)}` : '';
}

function paperCounts(row: PaperTable2Row): string {
  return `${row.loc} LOC, ${row.louc} unsafe, ${row.sharePct.toFixed(2)}%`;
}

function moduleReasons(module: ModuleReport, width: number, allReasons: boolean): string[] {
  const operations = module.operations.map((operation) => `${operation.kind} ×${operation.count}`).join(', ');
  const regions = module.reasons.reduce((total, reason) => total + reason.regions, 0);
  const lines = [`${module.module.padEnd(width)}  ${plural(regions, 'unsafe region')}: ${operations || 'no unsafe operation'}`];
  if (!allReasons) return lines;
  for (const reason of module.reasons) {
    lines.push(`${''.padEnd(width)}    "${reason.reason}" ×${reason.regions}, ${plural(reason.unsafeLoc, 'line')}`);
  }
  return lines;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

try {
  process.exitCode = main(parseCommand(process.argv.slice(2)));
} catch (error) {
  process.stderr.write(`unsafe-report: ${(error as Error).message}\n${USAGE}\n`);
  process.exitCode = 2;
}
