/**
 * @fileoverview `npx tsx bench/playground-figures.ts [--runs N]`: the playground's figures for
 * docs/performance.md ("Playground"), measured in Debian's Chromium (the browser and flags of the e2e tests) on the
 * static build served under a sub-path:
 *
 * - page load → first COM1 output of the prebuilt kernel, in a fresh browser context each time (cold cache);
 * - edit → Build & Run → first COM1 output of the new kernel: the first build of the page (the build worker and
 *   the toolchain load), then warm rebuilds, each after a one-line edit (the kernel's version string), with the
 *   build's own step times; at the page's default optimize level (-O0) and at -O3 (that of `npm run kernel`);
 * - bytes the page loads before the first COM1 output (what a visitor waits for) and after it (the editor, the
 *   kernel sources, the compiler), from the page's own responses;
 * - where the first boot's time goes, from the machine's User Timing marks (`BOOT_MARKS` in machine.ts);
 * - what live panels cost the emulator: v86's guest instructions per second over a fixed wall-clock window while
 *   the kernel runs two busy tasks (`spawn busy`), with the panel dock hidden, with each panel the visible (live)
 *   one, and with every panel read at the dock's live rate on top of the visible one; windows alternate, medians;
 *   with how often the visible panel updated on screen meanwhile (the dock refreshes on a time budget).
 *
 * Not a test: it prints a Markdown table and the host's load average. Builds the site into a temporary folder.
 * `--only load,rebuild,panels` measures only the parts named (all by default).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Browser, type Page, type Response } from '@playwright/test';
import { build, preview } from 'vite';
import playwrightConfig from '../playwright.config.js';
import { BOOT_MARKS } from '../src/ui/machine/machine.js';
import { median } from './stats.js';

const SUB_PATH = '/playground/';
const BUILD_TIMEOUT_MS = 300_000;
/** The shell's prompt: the kernel has booted and reads commands. */
const PROMPT = 'eduos> ';
/** The dock's shortest live refresh interval (PanelDock.tsx's LIVE_POLICY), used for reading every panel at once. */
const LIVE_INTERVAL_MS = 66;
/** Wait after switching panels before a window starts, so the switch's own rendering is not counted. */
const SETTLE_MS = 500;
/** Wait after the editor shows before the first panels window, for the rest of the page's loading work. */
const LOADED_SETTLE_MS = 3000;

interface LoadFigures {
  /** Navigation start → first byte on COM1, ms. */
  firstSerialMs: number;
  /** Navigation start → each of the first boot's BOOT_MARKS, ms. */
  milestones: Record<string, number>;
  /** Response bytes that arrived before the first COM1 output, and those after (until the editor shows and a build has run). */
  initialBytes: number;
  lazyBytes: number;
}

interface RebuildFigures {
  /** writeFile → Build & Run → the new banner on COM1, ms. */
  totalMs: number;
  stepMs: Record<string, number>;
}

/** A response of the page and whether it arrived before the first COM1 output. */
interface Download {
  readonly beforeFirstSerial: boolean;
  readonly response: Response;
}

/**
 * Opens the page in a fresh context and waits for the first COM1 output; `downloads` fills as responses come.
 * Their bodies are only asked for afterwards (`sumBytes`): fetching every body from the browser while the page
 * loads (megabytes through the DevTools protocol) slowed the load it measured by over a second on the 2-core machine.
 */
async function loadPage(browser: Browser, url: string): Promise<{ page: Page; firstSerialMs: number; downloads: Download[] }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const downloads: Download[] = [];
  let serialSeen = false;
  page.on('response', (response) => {
    downloads.push({ beforeFirstSerial: !serialSeen, response });
  });
  context.on('weberror', (error) => console.error(`page error: ${error.error().message}`));
  // Notes, inside the page, when COM1 first has output: milliseconds since navigation started.
  await page.addInitScript(() => {
    const poll = setInterval(() => {
      if (!window.playground?.serialText()) return;
      (window as Window & { firstSerialMs?: number }).firstSerialMs = performance.now();
      clearInterval(poll);
    }, 5);
  });
  await page.goto(url);
  const handle = await page.waitForFunction(() => (window as Window & { firstSerialMs?: number }).firstSerialMs, null, { timeout: 60_000 });
  serialSeen = true;
  return { page, firstSerialMs: (await handle.jsonValue()) as number, downloads };
}

async function sumBytes(downloads: readonly Download[]): Promise<number> {
  const sizes = await Promise.all(downloads.map((d) => d.response.body().then((body) => body.length, () => 0)));
  return sizes.reduce((a, b) => a + b, 0);
}

async function measureLoad(browser: Browser, url: string): Promise<LoadFigures> {
  const { page, firstSerialMs, downloads } = await loadPage(browser, url);
  const milestones = await page.evaluate(
    (names) => Object.fromEntries(names.map((name) => [name, performance.getEntriesByName(name, 'mark')[0]?.startTime ?? Number.NaN])),
    Object.values(BOOT_MARKS),
  );
  await page.getByTestId('editor').locator('.view-lines').waitFor({ timeout: 120_000 });
  await page.evaluate(() => window.playground!.build());
  const figures = {
    firstSerialMs,
    milestones,
    initialBytes: await sumBytes(downloads.filter((d) => d.beforeFirstSerial)),
    lazyBytes: await sumBytes(downloads.filter((d) => !d.beforeFirstSerial)),
  };
  await page.context().close();
  return figures;
}

/** Changes the kernel's version string, builds and boots, and times it to the new banner. */
async function rebuild(page: Page, version: string): Promise<RebuildFigures> {
  return page.evaluate(
    async ({ version, timeoutMs }) => {
      const started = performance.now();
      const config = await window.playground!.readFile('config.ts');
      await window.playground!.writeFile('config.ts', config.replace(/KERNEL_VERSION = "[^"]*"/, `KERNEL_VERSION = "${version}"`));
      const outcome = await window.playground!.buildAndRun();
      if (!outcome.ok) throw new Error(`build failed: ${outcome.message}\n${outcome.diagnostics.map((d) => `${d.file}:${d.line}: ${d.message}`).join('\n')}`);
      await window.playground!.waitForSerial(`eduOS-ts ${version}`, timeoutMs);
      return { totalMs: performance.now() - started, stepMs: outcome.stepMs as Record<string, number> };
    },
    { version, timeoutMs: BUILD_TIMEOUT_MS },
  );
}

/** What runs besides the emulator during a window: the dock hidden, one panel visible, or every panel read live. */
type PanelMode = { kind: 'hidden' } | { kind: 'visible'; panel: string } | { kind: 'all' };

function modeName(mode: PanelMode): string {
  return mode.kind === 'visible' ? `${mode.panel} panel visible` : mode.kind === 'hidden' ? 'dock hidden' : 'all panels live';
}

/** Sets the page up for `mode`: the dock shown or not, the visible panel's tab; 'all' shows the first panel. */
async function enterMode(page: Page, mode: PanelMode, firstPanel: string): Promise<void> {
  await page.getByTestId('show-panels').setChecked(mode.kind !== 'hidden');
  if (mode.kind !== 'hidden') await page.getByTestId(`panel-tab-${mode.kind === 'visible' ? mode.panel : firstPanel}`).click();
  await page.waitForTimeout(SETTLE_MS);
}

/** One window of a mode: the emulator's speed, and how often the visible panel changed on screen. */
interface PanelWindow {
  readonly instructionsPerSecond: number;
  /** DOM updates of the visible panel per second (a refresh that changed nothing updates nothing); 0 for no panel. */
  readonly updatesPerSecond: number;
}

/**
 * Guest instructions per second over `windowMs` of wall-clock time, from v86's instruction counter (the
 * registers panel's `instructionCount`, a 32-bit counter: the difference is taken modulo 2^32), and the visible
 * panel's updates per second (a MutationObserver's callbacks: one per React commit that changed the panel's DOM).
 * With `readAll`, every panel is read through `window.playground.panel` each LIVE_INTERVAL_MS meanwhile (the
 * dock's rate).
 */
async function measureWindow(page: Page, windowMs: number, readAll: boolean): Promise<PanelWindow> {
  return page.evaluate(
    // No named inner functions: tsx would wrap them in a helper that does not exist in the page.
    async ({ windowMs, readAll, intervalMs }) => {
      const playground = window.playground!;
      const timer = readAll ? setInterval(() => playground.panels().forEach((id) => playground.panel(id)), intervalMs) : undefined;
      let updates = 0;
      const observer = new MutationObserver(() => updates++);
      const panel = document.querySelector('[role="tabpanel"][data-testid^="panel-"]');
      if (panel) observer.observe(panel, { subtree: true, childList: true, characterData: true, attributes: true });
      const startCount = (playground.panel('registers') as { instructionCount: number }).instructionCount;
      const started = performance.now();
      await new Promise((resolve) => setTimeout(resolve, windowMs));
      const instructions = ((playground.panel('registers') as { instructionCount: number }).instructionCount - startCount) >>> 0;
      const seconds = (performance.now() - started) / 1000;
      observer.disconnect();
      clearInterval(timer);
      return { instructionsPerSecond: instructions / seconds, updatesPerSecond: updates / seconds };
    },
    { windowMs, readAll, intervalMs: LIVE_INTERVAL_MS },
  );
}

/** Boots the prebuilt kernel, starts `spawn busy` and measures each mode `runs` times, the modes alternating. */
async function measurePanelsLive(browser: Browser, url: string, runs: number, windowMs: number): Promise<Map<string, PanelWindow[]>> {
  const { page } = await loadPage(browser, url);
  await page.evaluate(({ prompt, timeoutMs }) => window.playground!.waitForSerial(prompt, timeoutMs), { prompt: PROMPT, timeoutMs: BUILD_TIMEOUT_MS });
  await page.evaluate(() => window.playground!.sendSerial('spawn busy\r'));
  // The page goes on loading after the prompt (the editor, its TypeScript worker): the first window must not count it.
  await page.getByTestId('editor').locator('.view-lines').waitFor({ timeout: 120_000 });
  await page.waitForTimeout(LOADED_SETTLE_MS);
  const panels = await page.evaluate(() => window.playground!.panels());
  const modes: PanelMode[] = [{ kind: 'hidden' }, { kind: 'all' }, ...panels.map((panel) => ({ kind: 'visible' as const, panel }))];
  const figures = new Map(modes.map((mode) => [modeName(mode), [] as PanelWindow[]]));
  for (let run = 0; run < runs; run++) {
    for (const mode of modes) {
      await enterMode(page, mode, panels[0]);
      figures.get(modeName(mode))!.push(await measureWindow(page, windowMs, mode.kind === 'all'));
    }
  }
  await page.context().close();
  return figures;
}

function formatKiB(bytes: number): string {
  return `${(bytes / 1024).toFixed(0)} KiB`;
}

function formatSteps(stepMs: Record<string, number>): string {
  return Object.entries(stepMs)
    .map(([step, ms]) => `${step} ${Math.round(ms)}`)
    .join(', ');
}

/** The first boot's milestones (medians over the loads) and the time from each to the next. */
function printMilestones(loads: readonly LoadFigures[]): void {
  console.log('| first boot: navigation start → | median | since the previous |');
  console.log('|---|---:|---:|');
  let previous = 0;
  for (const name of Object.values(BOOT_MARKS)) {
    const ms = median(loads.map((l) => l.milestones[name]));
    console.log(`| ${name} | ${Math.round(ms)} ms | ${Math.round(ms - previous)} ms |`);
    previous = ms;
  }
  const serialMs = median(loads.map((l) => l.firstSerialMs));
  console.log(`| the page sees COM1 output (polled every 5 ms) | ${Math.round(serialMs)} ms | ${Math.round(serialMs - previous)} ms |`);
}

function printPanelsLive(figures: ReadonlyMap<string, readonly PanelWindow[]>, windowMs: number): void {
  const speeds = (windows: readonly PanelWindow[]) => windows.map((w) => w.instructionsPerSecond);
  const hidden = median(speeds(figures.get(modeName({ kind: 'hidden' }))!));
  console.log(`| \`spawn busy\`, ${windowMs} ms windows | guest instructions/s (median) | min | max | vs. dock hidden | panel updates/s (median) |`);
  console.log('|---|---:|---:|---:|---:|---:|');
  for (const [mode, windows] of figures) {
    const rates = speeds(windows);
    const ips = median(rates);
    const change = mode === modeName({ kind: 'hidden' }) ? '' : `${(((ips - hidden) / hidden) * 100).toFixed(1)} %`;
    const updates = mode.endsWith('panel visible') ? median(windows.map((w) => w.updatesPerSecond)).toFixed(1) : '';
    console.log(`| ${mode} | ${formatMillions(ips)} | ${formatMillions(Math.min(...rates))} | ${formatMillions(Math.max(...rates))} | ${change} | ${updates} |`);
  }
}

function formatMillions(perSecond: number): string {
  return `${(perSecond / 1e6).toFixed(1)} M`;
}

/** The figure groups `--only` can pick; all by default. */
const PARTS = ['load', 'rebuild', 'panels'] as const;
type Part = (typeof PARTS)[number];

function parseParts(only: string | undefined): Set<Part> {
  if (!only) return new Set(PARTS);
  const parts = only.split(',').map((part) => part.trim());
  const unknown = parts.filter((part) => !(PARTS as readonly string[]).includes(part));
  if (unknown.length > 0) throw new Error(`--only: unknown part ${unknown.join(', ')}; parts are ${PARTS.join(', ')}`);
  return new Set(parts as Part[]);
}

async function measureRebuilds(browser: Browser, url: string, runs: number): Promise<{ first: RebuildFigures; warm: Map<number, RebuildFigures[]> }> {
  const { page } = await loadPage(browser, url);
  await page.getByTestId('editor').locator('.view-lines').waitFor({ timeout: 120_000 });
  const first = await rebuild(page, 'figures-first');
  const warm = new Map<number, RebuildFigures[]>();
  for (const level of [0, 3] as const) {
    await page.evaluate((optimize) => window.playground!.setOptimizeLevel(optimize), level);
    await rebuild(page, `figures-O${level}-warm-up`);
    const builds: RebuildFigures[] = [];
    for (let i = 1; i <= runs; i++) builds.push(await rebuild(page, `figures-O${level}-${i}`));
    warm.set(level, builds);
  }
  await page.context().close();
  return { first, warm };
}

function printLoads(loads: readonly LoadFigures[]): void {
  const loadMs = loads.map((l) => l.firstSerialMs);
  console.log(`| page load → first serial output (prebuilt image, cold cache) | ${Math.round(median(loadMs))} ms | ${Math.round(Math.min(...loadMs))} ms | ${Math.round(Math.max(...loadMs))} ms |`);
  console.log(`| bytes before the first serial output | ${formatKiB(median(loads.map((l) => l.initialBytes)))} | | |`);
  // Playwright reports the page's requests, not those a worker makes for its own script (Monaco's and ours).
  console.log(`| bytes the page requested later (editor, sources; without worker scripts) | ${formatKiB(median(loads.map((l) => l.lazyBytes)))} | | |`);
}

function printRebuilds({ first, warm }: { first: RebuildFigures; warm: Map<number, RebuildFigures[]> }): void {
  console.log(`| edit → Build & Run → first serial output, first build of the page (-O0) | ${Math.round(first.totalMs)} ms | | |`);
  for (const [level, builds] of warm) {
    const ms = builds.map((w) => w.totalMs);
    console.log(`| edit → Build & Run → first serial output, warm, -O${level} | ${Math.round(median(ms))} ms | ${Math.round(Math.min(...ms))} ms | ${Math.round(Math.max(...ms))} ms |`);
  }
}

function printRebuildSteps({ first, warm }: { first: RebuildFigures; warm: Map<number, RebuildFigures[]> }): void {
  console.log(`first build steps (ms): ${formatSteps(first.stepMs)}`);
  for (const [level, builds] of warm) {
    for (const w of builds) console.log(`warm -O${level} build steps (ms): ${formatSteps(w.stepMs)}; total ${Math.round(w.totalMs)}`);
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { runs: { type: 'string', default: '5' }, 'window-ms': { type: 'string', default: '3000' }, only: { type: 'string' } },
  });
  const runs = Number(values.runs);
  const windowMs = Number(values['window-ms']);
  const parts = parseParts(values.only);
  const outDir = mkdtempSync(join(tmpdir(), 'playground-figures-'));
  await build({ logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  const server = await preview({ base: SUB_PATH, logLevel: 'warn', build: { outDir }, preview: { host: '127.0.0.1', port: 0 } });
  const url = server.resolvedUrls!.local[0];
  const browser = await chromium.launch({ ...playwrightConfig.use?.launchOptions, headless: true });
  try {
    const loads: LoadFigures[] = [];
    if (parts.has('load')) for (let i = 0; i < runs; i++) loads.push(await measureLoad(browser, url));
    const rebuilds = parts.has('rebuild') ? await measureRebuilds(browser, url, runs) : null;
    const panelsLive = parts.has('panels') ? await measurePanelsLive(browser, url, runs, windowMs) : null;

    console.log(`date ${new Date().toISOString()}, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}, ${runs} runs`);
    console.log('| measurement | median | min | max |');
    console.log('|---|---:|---:|---:|');
    if (loads.length > 0) printLoads(loads);
    if (rebuilds) printRebuilds(rebuilds);
    if (rebuilds) printRebuildSteps(rebuilds);
    if (loads.length > 0) printMilestones(loads);
    if (panelsLive) printPanelsLive(panelsLive, windowMs);
  } finally {
    await browser.close();
    await server.close();
    rmSync(outDir, { recursive: true, force: true });
  }
}

await main();
