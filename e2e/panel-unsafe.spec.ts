// The unsafe panel and the editor's unsafe marks on the real kernel: Table 2 per module (arch/x86, mm… with their
// shares) under the 5 % target, a bar per module, a row click opens the code; the gutter marks an @unsafe function's
// lines. A violation in an edited file fails the build with an error marker while the panel keeps the last good
// report and the machine its image; the fixed file (now an @unsafe function) builds, and panel and gutter follow.
import { expect, test, type Page } from '@playwright/test';
import type { UnsafePanelData } from '../src/ui/panels/unsafe-panel.js';
import { openPanel, panelData, savePanelScreenshot } from './panel-helpers.js';
import { BUILD_TIMEOUT_MS, collectPageErrors, openPlayground, saveScreenshot } from './playground-helpers.js';

type Tables = Extract<UnsafePanelData, { available: true }>;

async function tables(page: Page): Promise<Tables> {
  const data = await panelData<UnsafePanelData>(page, 'unsafe');
  if (!data?.available) throw new Error('the unsafe panel has no report');
  return data;
}

test('Table 2 per module, row clicks open the code, gutter marks; a violation keeps the last good report', async ({ page }, testInfo) => {
  test.setTimeout(BUILD_TIMEOUT_MS * 2 + 60_000);
  const pageErrors = collectPageErrors(page);
  await openPlayground(page);
  const panel = await openPanel(page, 'unsafe');
  await expect(panel.locator('tr[data-module="arch/x86"]')).toBeVisible();

  // Table 2: modules with their shares, the total under the target, a bar per module.
  const prebuilt = await tables(page);
  const arch = prebuilt.modules.find((row) => row.module === 'arch/x86')!;
  const mm = prebuilt.modules.find((row) => row.module === 'mm')!;
  expect(arch.unsafeLoc).toBeGreaterThan(0);
  expect(mm.unsafeLoc).toBeGreaterThan(0);
  expect(prebuilt.total.sharePct).toBeLessThan(5);
  expect(prebuilt.withinTarget).toBe(true);
  await expect(panel.locator('tr[data-module="mm"]')).toContainText(`${mm.sharePct.toFixed(2)} %`);
  await expect(panel.getByTestId('unsafe-total')).toContainText(`${prebuilt.total.sharePct.toFixed(2)} %`);
  await expect(panel.getByTestId('unsafe-chart').locator('.unsafe-bar[data-module]')).toHaveCount(prebuilt.modules.length);
  await expect(panel.getByTestId('unsafe-chart')).toContainText('target 5 %');
  await expect(panel.getByTestId('unsafe-chart')).toContainText('paper 3.27 %');
  await savePanelScreenshot(page, 'unsafe', 'unsafe-prebuilt', testInfo);

  // A row click opens the module's code at its first unsafe region; the gutter marks that function's lines.
  await panel.locator('tr[data-module="mm"]').click();
  await expect(page.locator('.editor-title')).toHaveText(mm.open!.file);
  const editor = page.getByTestId('editor');
  await expect(editor.locator('.active-line-number')).toHaveText(String(mm.open!.line));
  await expect(panel.getByTestId('unsafe-reasons')).toHaveAttribute('data-module', 'mm');
  const regions = mm.regions.filter((candidate) => candidate.file === mm.open!.file);
  const region = regions.find((candidate) => candidate.startLine === mm.open!.line)!;
  expect(await unsafeLinesInView(page)).toEqual(await linesInView(page, regions));
  await editor.locator('.line-numbers', { hasText: new RegExp(`^${region.startLine}$`) }).hover();
  await expect(page.locator('.monaco-hover').filter({ hasText: region.reason }).first()).toBeVisible();
  await saveScreenshot(page, 'unsafe-gutter', testInfo);

  // A violation: the build fails with an error marker; the panel and the machine keep the last good image's report.
  const serialBefore = await page.evaluate(() => window.playground!.serialText());
  const main = await page.evaluate(() => window.playground!.readFile('main.ts'));
  const line = main.trimEnd().split('\n').length + 1;
  const peek = 'export function peekZero(): u8 {\n  return load<u8>(0);\n}\n';
  await page.evaluate((text) => window.playground!.writeFile('main.ts', text), `${main.trimEnd()}\n${peek}`);
  await page.getByRole('button', { name: 'Build & Run' }).click();
  const progress = page.getByTestId('build-progress');
  await expect(progress).toHaveAttribute('data-phase', 'failed', { timeout: BUILD_TIMEOUT_MS });
  await page.getByTestId('problems').getByRole('button', { name: new RegExp(`^main\\.ts:${line + 1}:\\d+: error: .*outside an @unsafe function`) }).click();
  await expect(editor.locator('.squiggly-error').first()).toBeVisible();
  expect(await tables(page)).toEqual(prebuilt);
  expect(await page.evaluate(() => window.playground!.status())).toBe('running');
  expect((await page.evaluate(() => window.playground!.serialText())).startsWith(serialBefore)).toBe(true);

  // Made an @unsafe function, it builds and boots; the panel counts it and the gutter marks it.
  const fixed = `@unsafe("reads physical address 0 (test)")\n${peek}`;
  await page.evaluate((text) => window.playground!.writeFile('main.ts', text), `${main.trimEnd()}\n${fixed}`);
  await page.getByRole('button', { name: 'Build & Run' }).click();
  await expect(progress).toHaveAttribute('data-phase', 'succeeded', { timeout: BUILD_TIMEOUT_MS });
  await expect.poll(async () => (await tables(page)).total.unsafeLoc, { timeout: 30_000 }).toBe(prebuilt.total.unsafeLoc + 4);
  const top = (await tables(page)).modules.find((row) => row.module === '.')!;
  expect(top.reasons.map((reason) => reason.reason)).toContain('reads physical address 0 (test)');
  await expect(panel.locator('tr[data-module="."] td').first()).toHaveText('top-level files'); // the report's '.', named for people
  await panel.locator('tr[data-module="."]').click();
  await expect(panel.getByTestId('unsafe-reasons').locator('h3')).toHaveText('Table 1: the unsafe code in top-level files, and why');
  await expect(page.locator('.editor-title')).toHaveText('main.ts');
  const peekAt = (await page.evaluate(() => window.playground!.readFile('main.ts'))).split('\n').findIndex((text) => text.startsWith('@unsafe("reads physical')) + 1;
  await expect.poll(() => unsafeLinesInView(page), { timeout: 10_000 }).toEqual([peekAt, peekAt + 1, peekAt + 2, peekAt + 3]);
  await savePanelScreenshot(page, 'unsafe', 'unsafe-after-build', testInfo);
  expect(pageErrors).toEqual([]);
});

/** The line numbers Monaco draws (it renders only the lines in view) that lie in one of `regions`. */
async function linesInView(page: Page, regions: readonly { startLine: number; endLine: number }[]): Promise<number[]> {
  const shown = (await page.getByTestId('editor').locator('.line-numbers').allTextContents()).map(Number);
  return shown.filter((line) => regions.some((region) => line >= region.startLine && line <= region.endLine)).sort((a, b) => a - b);
}

/** The line numbers beside which the gutter shows an unsafe mark (marks and numbers share their row's top). */
async function unsafeLinesInView(page: Page): Promise<number[]> {
  const editor = page.getByTestId('editor');
  const tops = new Set(await editor.locator('.unsafe-region-line').evaluateAll((marks) => marks.map((mark) => Math.round(mark.getBoundingClientRect().top))));
  const numbers = await editor.locator('.line-numbers').evaluateAll((cells) =>
    cells.map((cell) => ({ line: Number(cell.textContent), top: Math.round(cell.getBoundingClientRect().top) })),
  );
  return numbers.filter((number) => tops.has(number.top)).map((number) => number.line).sort((a, b) => a - b);
}
