/**
 * @fileoverview `npx tsx bench/playground-figures.ts [--runs N]`: the playground's figures for
 * docs/performance.md ("Playground"), measured in Debian's Chromium (the browser and flags of the e2e tests) on the
 * static build served under a sub-path:
 *
 * - page load → first COM1 output of the prebuilt kernel, in a fresh browser context each time (cold cache);
 * - edit → Build & Run → first COM1 output of the new kernel: the first build of the page (the build worker and
 *   the toolchain load), then warm rebuilds, each after a one-line edit (the kernel's version string), with the
 *   build's own step times; at the page's default optimize level (-O0) and at -O3 (that of `npm run kernel`);
 *   each edit once the last one's kernel has reached its prompt and the page has settled for a second; and at -O0
 *   with the last kernel running two busy tasks (`spawn busy`), a rebuild under load;
 * - bytes the page loads before the first COM1 output (what a visitor waits for) and after it (the editor, the
 *   kernel sources, the compiler), from the page's own responses;
 * - where the first boot's time goes, from the machine's User Timing marks (`BOOT_MARKS` in machine.ts);
 * - what live panels cost the emulator: v86's guest instructions per second over a fixed wall-clock window while
 *   the kernel runs two busy tasks (`spawn busy`), and the share of the page's main thread v86's loop had, with
 *   each panel the visible (live) one and with every panel read at the dock's live rate, each window between two
 *   with the dock hidden (compared with them: medians of the paired changes); with how often the visible panel
 *   updated on screen meanwhile (the dock refreshes on a time budget), and what the live loop charged each of its
 *   refreshes (the page's `LIVE_REFRESH_MEASURE` User Timing measures: the steadier figure, since a panel's rate is
 *   the budget divided by it). The windows start once the page has done loading (v86 has most of the main thread
 *   again).
 *
 * Not a test: it prints a Markdown table and the host's load average. Builds the site into a temporary folder.
 * `--only load,rebuild,panels` measures only the parts named (all by default); `--panels all,events,idt` only
 * those panel modes ("all" for every panel read live; every mode by default). `--site DIR` measures a site already
 * built (`npx vite build --outDir DIR`) instead of building one: to compare builds side by side, one after another
 * on the same quiet host. `--query machine=worker` opens the page with that query (page-options.ts): v86 in the
 * machine worker, where the share of the main thread reads 0 (no emulation there) and guest instructions per second
 * are the figure.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Browser, type Page, type Response } from '@playwright/test';
import { build, preview } from 'vite';
import playwrightConfig from '../playwright.config.js';
import { BOOT_MARKS } from '../src/ui/machine/machine.js';
import { LIVE_REFRESH_MEASURE } from '../src/ui/panels/live-refresh.js';
import { median } from './stats.js';

const SUB_PATH = '/playground/';
const BUILD_TIMEOUT_MS = 300_000;
/** The shell's prompt: the kernel has booted and reads commands. */
const PROMPT = 'eduos> ';
/** The dock's shortest live refresh interval (PanelDock.tsx's LIVE_POLICY), used for reading every panel at once. */
const LIVE_INTERVAL_MS = 66;
/** Wait after a rebuild's kernel has reached its prompt before the next edit. */
const EDIT_SETTLE_MS = 1000;
/** Wait after switching panels before a window starts, so the switch's own rendering is not counted. */
const SETTLE_MS = 500;

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
async function loadPage(browser: Browser, url: string, initScript?: string): Promise<{ page: Page; firstSerialMs: number; downloads: Download[] }> {
  const context = await browser.newContext();
  if (initScript) await context.addInitScript({ content: initScript });
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

/**
 * Changes the kernel's version string, builds and boots, and times it to the new banner. Then, untimed, lets the
 * new kernel boot to its prompt and the page settle for EDIT_SETTLE_MS, as before a user's next edit: the next
 * build does not share the CPU with the rest of this boot (until 2026-11-27 it did).
 */
async function rebuild(page: Page, version: string): Promise<RebuildFigures> {
  const figures = await page.evaluate(
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
  await page.evaluate(({ prompt, timeoutMs }) => window.playground!.waitForSerial(prompt, timeoutMs), { prompt: PROMPT, timeoutMs: BUILD_TIMEOUT_MS });
  await page.waitForTimeout(EDIT_SETTLE_MS);
  return figures;
}

/** What runs besides the emulator during a window: the dock hidden, one panel visible, or every panel read live. */
type PanelMode = { kind: 'hidden' } | { kind: 'visible'; panel: string } | { kind: 'all' };

function modeName(mode: PanelMode): string {
  if (mode.kind === 'visible') return `${mode.panel} panel visible`;
  // Not something the dock does (it shows one panel at a time): a grading script's worst case, every panel's JSON.
  return mode.kind === 'hidden' ? 'dock hidden' : `every panel read by a script every ${LIVE_INTERVAL_MS} ms`;
}

/** Sets the page up for `mode`: the dock shown or not, the visible panel's tab; 'all' shows the first panel. */
async function enterMode(page: Page, mode: PanelMode, firstPanel: string): Promise<void> {
  await page.getByTestId('show-panels').setChecked(mode.kind !== 'hidden');
  if (mode.kind !== 'hidden') await page.getByTestId(`panel-tab-${mode.kind === 'visible' ? mode.panel : firstPanel}`).click();
  await page.waitForTimeout(SETTLE_MS);
}

/** One window of a mode: the emulator's speed, its share of the main thread, and how often the visible panel changed on screen. */
interface PanelWindow {
  readonly instructionsPerSecond: number;
  /** Share of the window's wall-clock time the page's main thread spent in v86's emulation loop (`TIME_EMULATION_LOOP`). */
  readonly emulatorShare: number;
  /** DOM updates of the visible panel per second (a refresh that changed nothing updates nothing); 0 for no panel. */
  readonly updatesPerSecond: number;
  /** What the live loop charged each refresh of the visible panel, its frame included (ms; `LIVE_REFRESH_MEASURE`). */
  readonly chargedMs: number[];
}

/** Every how many ms a window reads v86's 32-bit instruction counter: 2^32 instructions take over 1.4 s even at 3 G/s. */
const COUNTER_SAMPLE_MS = 250;

/**
 * Wraps v86's emulation loop, inside the page, to add up the time the main thread spends in it: the share of a
 * window's wall-clock time that went to emulation is what the panels take from v86 on the main thread, and unlike
 * instructions per second it does not move with the host's load (the machine is shared: other processes slow the
 * emulation itself by up to 5×). v86's core is instantiated through `WebAssembly.instantiate` (machine.ts's
 * `instantiateV86Core`); its exports are copied with `main_loop` timed. Page source text, not a function: tsx
 * would wrap a function's inner functions in a helper that does not exist in the page.
 */
const TIME_EMULATION_LOOP = `
  const probe = { loopMs: 0 };
  window.emulationProbe = probe;
  const instantiate = WebAssembly.instantiate.bind(WebAssembly);
  WebAssembly.instantiate = async (module, imports) => {
    const result = await instantiate(module, imports);
    if (!(result instanceof WebAssembly.Instance) || !('main_loop' in result.exports)) return result;
    const loop = result.exports.main_loop;
    const timed = () => {
      const started = performance.now();
      try {
        return loop();
      } finally {
        probe.loopMs += performance.now() - started;
      }
    };
    return { exports: { ...result.exports, main_loop: timed } };
  };
`;

/**
 * Guest instructions per second over `windowMs` of wall-clock time, from v86's instruction counter (the registers
 * panel's `instructionCount`): a 32-bit counter, read every COUNTER_SAMPLE_MS and the differences (modulo 2^32)
 * added up — read once per window, as before, it wrapped at least once in a 3 s window whenever v86 ran faster than
 * 1.43 G instructions/s, which a quiet host does (2.3 G/s), and the windows read 130 M–1260 M for the same load. Also
 * the share of the window v86's loop had (`TIME_EMULATION_LOOP`) and the visible panel's updates per second (a
 * MutationObserver's callbacks: one per React commit that changed the panel's DOM). With `readAll`, every panel is
 * read through `window.playground.panel` each LIVE_INTERVAL_MS meanwhile (the dock's rate).
 */
async function measureWindow(page: Page, windowMs: number, readAll: boolean): Promise<PanelWindow> {
  return page.evaluate(
    // No named inner functions: tsx would wrap them in a helper that does not exist in the page.
    async ({ windowMs, readAll, intervalMs, sampleMs, measureName }) => {
      const playground = window.playground!;
      const chargedMs: number[] = [];
      const charges = new PerformanceObserver((list) => list.getEntriesByName(measureName).forEach((entry) => chargedMs.push(entry.duration)));
      charges.observe({ type: 'measure' });
      const probe = (window as Window & { emulationProbe?: { loopMs: number } }).emulationProbe!;
      const timer = readAll ? setInterval(() => playground.panels().forEach((id) => playground.panel(id)), intervalMs) : undefined;
      let updates = 0;
      const observer = new MutationObserver(() => updates++);
      const panel = document.querySelector('[role="tabpanel"][data-testid^="panel-"]');
      if (panel) observer.observe(panel, { subtree: true, childList: true, characterData: true, attributes: true });
      let instructions = 0;
      type Registers = { instructionCount: number };
      let last = ((await playground.panel('registers')) as Registers).instructionCount;
      const sampler = setInterval(async () => {
        const now = ((await playground.panel('registers')) as Registers).instructionCount;
        instructions += (now - last) >>> 0;
        last = now;
      }, sampleMs);
      const loopMsBefore = probe.loopMs;
      const started = performance.now();
      await new Promise((resolve) => setTimeout(resolve, windowMs));
      clearInterval(sampler);
      instructions += (((await playground.panel('registers')) as Registers).instructionCount - last) >>> 0;
      const elapsedMs = performance.now() - started;
      const loopMs = probe.loopMs - loopMsBefore;
      observer.disconnect();
      charges.disconnect();
      clearInterval(timer);
      return { instructionsPerSecond: instructions / (elapsedMs / 1000), emulatorShare: loopMs / elapsedMs, updatesPerSecond: updates / (elapsedMs / 1000), chargedMs };
    },
    { windowMs, readAll, intervalMs: LIVE_INTERVAL_MS, sampleMs: COUNTER_SAMPLE_MS, measureName: LIVE_REFRESH_MEASURE },
  );
}

/** The share of the main thread v86 must have over a second before the windows start: the page has done loading. */
const QUIET_EMULATOR_SHARE = 0.85;
/** How long to wait for that at most (the editor's TypeScript worker, the build worker's background warm-up builds). */
const QUIET_TIMEOUT_MS = 60_000;

/**
 * Waits until v86 has had QUIET_EMULATOR_SHARE of the main thread for two seconds in a row (or QUIET_TIMEOUT_MS).
 * With v86 in the machine worker (no emulation on the main thread), until it has run at QUIET_EMULATOR_SHARE of its
 * best rate so far for two seconds in a row, from the fourth second on.
 */
async function waitUntilQuiet(page: Page): Promise<number> {
  const started = Date.now();
  let quietSeconds = 0;
  let seconds = 0;
  let bestRate = 0;
  while (quietSeconds < 2 && Date.now() - started < QUIET_TIMEOUT_MS) {
    const { emulatorShare, instructionsPerSecond } = await measureWindow(page, 1000, false);
    bestRate = Math.max(bestRate, instructionsPerSecond);
    const quiet = emulatorShare > 0 ? emulatorShare >= QUIET_EMULATOR_SHARE : ++seconds >= 4 && instructionsPerSecond >= QUIET_EMULATOR_SHARE * bestRate;
    quietSeconds = quiet ? quietSeconds + 1 : 0;
  }
  return Date.now() - started;
}

/** A mode's windows, each with the mean of the dock-hidden windows on either side of it (for the paired change). */
interface ModeFigures {
  readonly windows: PanelWindow[];
  readonly hiddenAround: PanelWindow[];
}

/**
 * Boots the prebuilt kernel, starts `spawn busy`, waits until the page has done loading, and measures each mode
 * `runs` times: a dock-hidden window before every other mode's window and after the last, so each window is
 * compared with the hidden ones next to it in time (the host's load drifts; a pair of neighbours drifts less).
 */
async function measurePanelsLive(
  browser: Browser,
  url: string,
  runs: number,
  windowMs: number,
  wanted: ReadonlySet<string> | null,
): Promise<{ figures: Map<string, ModeFigures>; settleMs: number }> {
  const { page } = await loadPage(browser, url, TIME_EMULATION_LOOP);
  await page.evaluate(({ prompt, timeoutMs }) => window.playground!.waitForSerial(prompt, timeoutMs), { prompt: PROMPT, timeoutMs: BUILD_TIMEOUT_MS });
  await page.evaluate(() => window.playground!.sendSerial('spawn busy\r'));
  await page.getByTestId('editor').locator('.view-lines').waitFor({ timeout: 120_000 });
  const hidden: PanelMode = { kind: 'hidden' };
  await enterMode(page, hidden, '');
  const settleMs = await waitUntilQuiet(page);
  const panels = await page.evaluate(() => window.playground!.panels());
  const modes: PanelMode[] = [{ kind: 'all' as const }, ...panels.map((panel) => ({ kind: 'visible' as const, panel }))].filter(
    (mode) => !wanted || wanted.has(mode.kind === 'all' ? 'all' : mode.panel),
  );
  const figures = new Map([hidden, ...modes].map((mode) => [modeName(mode), { windows: [] as PanelWindow[], hiddenAround: [] as PanelWindow[] }]));
  const hiddenWindows = figures.get(modeName(hidden))!.windows;
  const measureHidden = async () => {
    await enterMode(page, hidden, panels[0]);
    hiddenWindows.push(await measureWindow(page, windowMs, false));
  };
  await measureHidden();
  for (let run = 0; run < runs; run++) {
    for (const mode of modes) {
      await enterMode(page, mode, panels[0]);
      const measured = await measureWindow(page, windowMs, mode.kind === 'all');
      const before = hiddenWindows[hiddenWindows.length - 1];
      await measureHidden();
      const after = hiddenWindows[hiddenWindows.length - 1];
      const modeFigures = figures.get(modeName(mode))!;
      modeFigures.windows.push(measured);
      modeFigures.hiddenAround.push({
        instructionsPerSecond: (before.instructionsPerSecond + after.instructionsPerSecond) / 2,
        emulatorShare: (before.emulatorShare + after.emulatorShare) / 2,
        updatesPerSecond: 0,
        chargedMs: [],
      });
    }
  }
  await page.context().close();
  return { figures, settleMs };
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

function printPanelsLive({ figures, settleMs }: { figures: ReadonlyMap<string, ModeFigures>; settleMs: number }, windowMs: number): void {
  const percent = (fraction: number) => `${(fraction * 100).toFixed(1)} %`;
  const change = (m: ModeFigures, of: (w: PanelWindow) => number) => median(m.windows.map((w, i) => of(w) / of(m.hiddenAround[i]) - 1));
  console.log(`page settled (v86 ≥ ${percent(QUIET_EMULATOR_SHARE)} of the main thread for 2 s) ${Math.round(settleMs)} ms after the editor showed`);
  console.log(
    `| \`spawn busy\`, ${windowMs} ms windows | guest instructions/s (median) | min | max | vs. hidden neighbours (median) | v86's share of the main thread (median) | min–max | vs. hidden neighbours (median) | panel updates/s (median) | ms the loop charged a refresh (median, p90) |`,
  );
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const [mode, m] of figures) {
    const rates = m.windows.map((w) => w.instructionsPerSecond);
    const shares = m.windows.map((w) => w.emulatorShare);
    const isHidden = m.hiddenAround.length === 0;
    const updates = mode.endsWith('panel visible') ? median(m.windows.map((w) => w.updatesPerSecond)).toFixed(1) : '';
    console.log(
      `| ${mode} | ${formatMillions(median(rates))} | ${formatMillions(Math.min(...rates))} | ${formatMillions(Math.max(...rates))} | ${isHidden ? '' : percent(change(m, (w) => w.instructionsPerSecond))} | ${percent(median(shares))} | ${percent(Math.min(...shares))}–${percent(Math.max(...shares))} | ${isHidden ? '' : percent(change(m, (w) => w.emulatorShare))} | ${updates} | ${formatCharged(m.windows.flatMap((w) => w.chargedMs))} |`,
    );
  }
}

/** The median and 90th percentile of what the loop charged the refreshes, e.g. "4.6, 6.1 ms"; empty for none. */
function formatCharged(chargedMs: readonly number[]): string {
  if (chargedMs.length === 0) return '';
  const sorted = [...chargedMs].sort((a, b) => a - b);
  return `${median(sorted).toFixed(1)}, ${sorted[Math.floor(sorted.length * 0.9)].toFixed(1)} ms`;
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

interface RebuildsFigures {
  readonly first: RebuildFigures;
  /** Warm rebuilds per optimize level, with the last kernel idle at its prompt. */
  readonly warm: Map<number, RebuildFigures[]>;
  /** Warm rebuilds at -O0 while the last kernel runs two busy tasks (`spawn busy`): a rebuild under load. */
  readonly underLoad: RebuildFigures[];
}

/** Starts `spawn busy` on the running kernel and lets the two tasks run for EDIT_SETTLE_MS. */
async function spawnBusy(page: Page): Promise<void> {
  await page.evaluate(async ({ timeoutMs }) => {
    window.playground!.sendSerial('spawn busy\r');
    await window.playground!.waitForSerial('spawned busy-b', timeoutMs);
  }, { timeoutMs: BUILD_TIMEOUT_MS });
  await page.waitForTimeout(EDIT_SETTLE_MS);
}

async function measureRebuilds(browser: Browser, url: string, runs: number): Promise<RebuildsFigures> {
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
  await page.evaluate(() => window.playground!.setOptimizeLevel(0));
  await rebuild(page, 'figures-busy-warm-up');
  const underLoad: RebuildFigures[] = [];
  for (let i = 1; i <= runs; i++) {
    await spawnBusy(page);
    underLoad.push(await rebuild(page, `figures-busy-${i}`));
  }
  await page.context().close();
  return { first, warm, underLoad };
}

function printLoads(loads: readonly LoadFigures[]): void {
  const loadMs = loads.map((l) => l.firstSerialMs);
  console.log(`| page load → first serial output (prebuilt image, cold cache) | ${Math.round(median(loadMs))} ms | ${Math.round(Math.min(...loadMs))} ms | ${Math.round(Math.max(...loadMs))} ms |`);
  console.log(`| bytes before the first serial output | ${formatKiB(median(loads.map((l) => l.initialBytes)))} | | |`);
  // Playwright reports the page's requests, not those a worker makes for its own script (Monaco's and ours).
  console.log(`| bytes the page requested later (editor, sources; without worker scripts) | ${formatKiB(median(loads.map((l) => l.lazyBytes)))} | | |`);
}

function printRebuildRow(what: string, builds: readonly RebuildFigures[]): void {
  const ms = builds.map((w) => w.totalMs);
  console.log(`| edit → Build & Run → first serial output, ${what} | ${Math.round(median(ms))} ms | ${Math.round(Math.min(...ms))} ms | ${Math.round(Math.max(...ms))} ms |`);
}

function printRebuilds({ first, warm, underLoad }: RebuildsFigures): void {
  console.log(`| edit → Build & Run → first serial output, first build of the page (-O0) | ${Math.round(first.totalMs)} ms | | |`);
  for (const [level, builds] of warm) printRebuildRow(`warm, -O${level}`, builds);
  printRebuildRow('warm, -O0, the last kernel running `spawn busy`', underLoad);
}

function printRebuildSteps({ first, warm, underLoad }: RebuildsFigures): void {
  console.log(`first build steps (ms): ${formatSteps(first.stepMs)}`);
  for (const [level, builds] of warm) {
    for (const w of builds) console.log(`warm -O${level} build steps (ms): ${formatSteps(w.stepMs)}; total ${Math.round(w.totalMs)}`);
  }
  for (const w of underLoad) console.log(`warm -O0 under load, build steps (ms): ${formatSteps(w.stepMs)}; total ${Math.round(w.totalMs)}`);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      runs: { type: 'string', default: '5' },
      'window-ms': { type: 'string', default: '3000' },
      only: { type: 'string' },
      panels: { type: 'string' },
      site: { type: 'string' },
      query: { type: 'string' },
    },
  });
  const runs = Number(values.runs);
  const windowMs = Number(values['window-ms']);
  const parts = parseParts(values.only);
  const wantedPanels = values.panels ? new Set(values.panels.split(',').map((panel) => panel.trim())) : null;
  const outDir = values.site ?? mkdtempSync(join(tmpdir(), 'playground-figures-'));
  if (!values.site) await build({ logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  const server = await preview({ base: SUB_PATH, logLevel: 'warn', build: { outDir }, preview: { host: '127.0.0.1', port: 0 } });
  const url = server.resolvedUrls!.local[0] + (values.query ? `?${values.query}` : '');
  const browser = await chromium.launch({ ...playwrightConfig.use?.launchOptions, headless: true });
  try {
    const loads: LoadFigures[] = [];
    if (parts.has('load')) for (let i = 0; i < runs; i++) loads.push(await measureLoad(browser, url));
    const rebuilds = parts.has('rebuild') ? await measureRebuilds(browser, url, runs) : null;
    const panelsLive = parts.has('panels') ? await measurePanelsLive(browser, url, runs, windowMs, wantedPanels) : null;

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
    if (!values.site) rmSync(outDir, { recursive: true, force: true });
  }
}

await main();
