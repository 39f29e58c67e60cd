/**
 * @fileoverview `npm run test:spec`: runs the WebAssembly spec scripts in ../shared/wasm-spec against
 * our translator booted in v86 (or, with `--engine v8`, against Node's WebAssembly as a check of the
 * harness), prints one line per file and ends with `spec: N passed, M failed, K skipped`.
 *
 * Pipeline: wast.ts (commands) → spec-plan.ts (one job per module) → engine (v86-engine.ts in
 * worker threads, or v8-reference.ts) → spec-verdict.ts (pass/fail per check) → spec-report.ts.
 * Options: --file <name> (repeatable, `.wast` optional), --engine v86|v8, --timeout-ms <per boot>,
 * --workers <n>, --spec-dir <dir>, --report <json path> (default test-results/spec-report.json).
 * Exit code: 0 when nothing failed, 1 when a check failed, 2 when the run itself could not proceed.
 */
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { planScript, type ModuleJob, type SpecPlan } from './spec-plan.js';
import { failureLines, fileLine, jsonReport, summariseFile, totalsLine, type FileSummary } from './spec-report.js';
import { judgeJob, type BootResult } from './spec-verdict.js';
import { runInV8 } from './v8-reference.js';
import { parseWast } from './wast.js';
import { WorkerPool } from './worker-pool.js';

interface Options {
  files: string[];
  engine: 'v86' | 'v8';
  timeoutMs: number;
  workers: number;
  specDir: string;
  reportPath: string;
}

interface Engine {
  run(job: ModuleJob): Promise<BootResult>;
  close(): Promise<void>;
}

const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
const failuresShown = 30;

function readOptions(argv: string[]): Options {
  const { values } = parseArgs({
    args: argv,
    options: {
      file: { type: 'string', multiple: true, default: [] },
      engine: { type: 'string', default: 'v86' },
      'timeout-ms': { type: 'string', default: '20000' },
      workers: { type: 'string', default: String(Math.min(2, availableParallelism())) },
      'spec-dir': { type: 'string', default: join(projectRoot, '..', 'shared', 'wasm-spec') },
      report: { type: 'string', default: join(projectRoot, 'test-results', 'spec-report.json') },
    },
  });
  if (values.engine !== 'v86' && values.engine !== 'v8') throw new Error(`unknown engine '${values.engine}' (v86 or v8)`);
  return {
    files: values.file.map((name) => (name.endsWith('.wast') ? name : `${name}.wast`)),
    engine: values.engine,
    timeoutMs: Number(values['timeout-ms']),
    workers: Math.max(1, Number(values.workers)),
    specDir: values['spec-dir'],
    reportPath: values.report,
  };
}

function createEngine(options: Options): Engine {
  if (options.engine === 'v8') return { run: runInV8, close: async () => {} };
  const pool = new WorkerPool(options.workers, options.timeoutMs);
  return { run: (job) => pool.run(job), close: () => pool.close() };
}

function scriptFiles(options: Options): string[] {
  const all = readdirSync(options.specDir).filter((name) => name.endsWith('.wast')).sort();
  const missing = options.files.filter((name) => !all.includes(name));
  if (missing.length > 0) throw new Error(`no such spec file: ${missing.join(', ')}`);
  return options.files.length > 0 ? options.files : all;
}

async function planFile(specDir: string, file: string): Promise<SpecPlan> {
  const source = readFileSync(join(specDir, file), 'utf8');
  return planScript(file, await parseWast(source, file));
}

/** Queues every job of every file first, so the workers stay busy, then judges file by file. */
async function runAll(options: Options, engine: Engine): Promise<FileSummary[]> {
  const queued: { plan: SpecPlan; boots: Promise<BootResult>[] }[] = [];
  for (const file of scriptFiles(options)) {
    const plan = await planFile(options.specDir, file);
    queued.push({ plan, boots: plan.jobs.map((job) => engine.run(job)) });
  }
  const summaries: FileSummary[] = [];
  for (const { plan, boots } of queued) {
    const results = await Promise.all(boots);
    const checks = plan.jobs.flatMap((job, index) => judgeJob(job, results[index]));
    const engineMs = results.reduce((total, result) => total + result.wallMs, 0);
    const summary = summariseFile(plan.file, checks, plan.skipped, engineMs);
    console.log(fileLine(summary));
    summaries.push(summary);
  }
  return summaries;
}

async function main(): Promise<void> {
  const options = readOptions(process.argv.slice(2));
  const started = performance.now();
  const engine = createEngine(options);
  const summaries = await runAll(options, engine).finally(() => engine.close());
  const wallMs = performance.now() - started;
  mkdirSync(dirname(options.reportPath), { recursive: true });
  writeFileSync(options.reportPath, JSON.stringify(jsonReport(options.engine, wallMs, summaries), null, 2));
  const failures = failureLines(summaries, failuresShown);
  if (failures.length > 0) console.log(`\nfirst failures:\n${failures.join('\n')}`);
  console.log(`\nengine ${options.engine}, ${(wallMs / 1000).toFixed(1)} s, report in ${options.reportPath}`);
  console.log(totalsLine(summaries));
  process.exitCode = summaries.some((summary) => summary.failed > 0) ? 1 : 0;
}

await main().catch((error: Error) => {
  console.error(`run-spec: ${error.message}`);
  process.exitCode = 2;
});
