/**
 * @fileoverview `npm run bench:browser`: the toolchain in real Chromium. Serves bench/browser/ with a Vite dev
 * server, opens it in Debian's Chromium (the browser and flags of the e2e tests) and has its Web Worker measure
 * asc's compile time of src/kernel, translation throughput over bench/throughput.ts's corpus and a kernel rebuild
 * (bench/browser/toolchain-figures.ts);
 * then runs the same module in Node and prints both sets of figures side by side. Checks on the way that the
 * browser's import graph reaches no Node built-in and that both engines build the same kernel image (exit code 1
 * otherwise). Bounded: the browser run times out after BROWSER_TIMEOUT_MS, the whole run after HARD_LIMIT_MS.
 */
import { isBuiltin } from 'node:module';
import { join, relative } from 'node:path';
import { chromium } from '@playwright/test';
import { createServer, type Plugin, type ViteDevServer } from 'vite';
import playwrightConfig from '../playwright.config.js';
import { freePort } from '../e2e/free-port.js';
import { readAscSources } from '../src/toolchain/asc/kernel-sources-node.js';
import type { BenchRequest } from './browser/protocol.js';
import { formatFiguresTable, formatSummaryLine, sameImage, type EngineFigures } from './browser/report.js';
import { measureToolchain, type ToolchainSources } from './browser/toolchain-figures.js';
import { OPTIMIZE_LEVELS, PROGRAM_RUNTIME, PROGRAMS, programSources } from '../test/differential/programs.js';
import { AS_KERNEL_DIR, BENCH_DIR, KERNEL_NAMES, REPOSITORY_DIR } from './kernels.js';
import { describeMachine } from './machine.js';

const BROWSER_TIMEOUT_MS = 300_000;
/** Backstop in case closing the browser or the server hangs: the process exits whatever state it is in. */
const HARD_LIMIT_MS = 480_000;

/** bench/kernels/as from the repository root, as bench/build-as.ts names the benchmark kernels' files. */
const BENCH_KERNEL_PATH = relative(REPOSITORY_DIR, AS_KERNEL_DIR).replaceAll('\\', '/');

/** An import of a Node built-in by code the browser loads (outside node_modules), with the importing file. */
interface BuiltinImport {
  builtin: string;
  importer: string;
}

/**
 * The corpus builds of bench/throughput.ts: the benchmark kernels at -O3 with the `stub` runtime (as
 * bench/build-as.ts builds them) and the differential test programs at each of their levels.
 */
function corpusBuilds(): BenchRequest {
  return {
    benchKernelBuilds: KERNEL_NAMES.map((name) => ({ entry: `${BENCH_KERNEL_PATH}/${name}.ts`, optimize: 3, runtime: 'stub' })),
    differentialBuilds: PROGRAMS.flatMap((program) =>
      OPTIMIZE_LEVELS.map((optimize) => ({ entry: `programs/${program.name}.ts`, optimize, runtime: PROGRAM_RUNTIME })),
    ),
  };
}

/** The sources in Node: from disk, named as the worker names its bundled copies. */
function nodeSources(builds: BenchRequest): ToolchainSources {
  const benchKernels = readAscSources(AS_KERNEL_DIR).map((source) => ({ path: `${BENCH_KERNEL_PATH}/${source.path}`, text: source.text }));
  // Every program comes with lib/io.ts: keep one copy of each file.
  const differential = new Map(PROGRAMS.flatMap((program) => programSources(program.name)).map((source) => [source.path, source]));
  return {
    kernel: readAscSources(),
    corpus: [
      { sources: benchKernels, builds: builds.benchKernelBuilds },
      { sources: [...differential.values()], builds: builds.differentialBuilds },
    ],
  };
}

/**
 * Records every Node built-in that our code (anything outside node_modules) imports into the browser's module
 * graph. Dependencies are left out: asc's bundle names `fs` and `path` behind a "running in Node?" test.
 */
function builtinImportWatch(found: BuiltinImport[]): Plugin {
  return {
    name: 'bench-browser-builtin-import-watch',
    enforce: 'pre',
    resolveId(source, importer) {
      if (importer !== undefined && !importer.includes('/node_modules/') && isBuiltin(source)) {
        found.push({ builtin: source, importer: relative(REPOSITORY_DIR, importer) });
      }
      return null;
    },
  };
}

function describeBuiltinImports(builtins: readonly BuiltinImport[]): string {
  const list = builtins.map((b) => `${b.importer} imports ${b.builtin}`).join('; ');
  return `Node built-ins in the browser's import graph: ${list || 'none'}`;
}

async function startServer(found: BuiltinImport[]): Promise<ViteDevServer> {
  const server = await createServer({
    configFile: false,
    root: join(BENCH_DIR, 'browser'),
    logLevel: 'error',
    // Its own cache, so the playground's dev server and this one do not keep re-optimising each other's deps.
    cacheDir: join(REPOSITORY_DIR, 'node_modules', '.vite-bench-browser'),
    // Scan the worker up front: a dependency found while the page runs would make Vite reload the page.
    optimizeDeps: { entries: ['index.html', 'worker.ts'] },
    plugins: [builtinImportWatch(found)],
    server: {
      host: '127.0.0.1',
      port: await freePort(),
      strictPort: true,
      fs: { allow: [REPOSITORY_DIR] },
      // No watcher and no hot reload: an edit to src/ during the run must not reload the page under the worker.
      watch: null,
      hmr: false,
    },
  });
  return server.listen();
}

function timeout(ms: number, what: string): Promise<never> {
  return new Promise((_, reject) => setTimeout(() => reject(new Error(`${what} timed out after ${ms / 1000} s`)), ms).unref());
}

/** Opens the page in Chromium and has its worker measure; relays the worker's progress to stderr. */
async function measureInChromium(url: string, request: BenchRequest): Promise<EngineFigures> {
  const browser = await chromium.launch({ ...playwrightConfig.use?.launchOptions, headless: true });
  try {
    const page = await browser.newPage();
    page.on('console', (message) => console.error(`  [Chromium] ${message.text()}`));
    page.on('pageerror', (error) => console.error(`  [Chromium page error] ${error.message}`));
    await page.goto(url);
    await page.waitForFunction(() => window.runToolchainBench !== undefined);
    const figures = await Promise.race([
      page.evaluate((r) => window.runToolchainBench!(r), request),
      timeout(BROWSER_TIMEOUT_MS, 'the Chromium measurements'),
    ]);
    return { engine: `Chromium ${browser.version()}`, figures };
  } finally {
    await browser.close();
  }
}

async function measureBoth(): Promise<{ browser: EngineFigures; node: EngineFigures; builtins: BuiltinImport[] }> {
  const builds = corpusBuilds();
  const sources = nodeSources(builds);
  const builtins: BuiltinImport[] = [];
  const server = await startServer(builtins);
  let browser: EngineFigures;
  try {
    console.error('Chromium (Web Worker):');
    browser = await measureInChromium(server.resolvedUrls!.local[0], builds);
  } catch (error) {
    console.error(describeBuiltinImports(builtins));
    throw error;
  } finally {
    await server.close();
  }
  console.error('Node:');
  const figures = await measureToolchain(sources, (step) => console.error(`  [Node] bench: ${step}`));
  return { browser, node: { engine: `Node ${process.version}`, figures }, builtins };
}

async function main(): Promise<void> {
  const { browser, node, builtins } = await measureBoth();
  console.log(`\nToolchain in Node and in Chromium's Web Worker — ${describeMachine()}\n`);
  console.log(formatFiguresTable([node, browser]));
  console.log(`\n${formatSummaryLine(browser, node)}`);
  console.log(describeBuiltinImports(builtins));
  if (builtins.length > 0 || !browser.figures.image.elfMagic || !sameImage(browser.figures.image, node.figures.image)) {
    process.exitCode = 1;
  }
}

setTimeout(() => {
  console.error(`bench:browser: still running after ${HARD_LIMIT_MS / 1000} s, giving up`);
  process.exit(2);
}, HARD_LIMIT_MS).unref();

await main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
