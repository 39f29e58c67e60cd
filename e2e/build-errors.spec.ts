// Build failures in the browser: a type error and an unsafe-rule violation are Monaco markers and entries of the
// problem list (a click opens the line), and the machine keeps running the image it had; a build worker that
// crashes is reported, and the next build starts a fresh worker.
import { expect, test } from '@playwright/test';
import { BUILD_TIMEOUT_MS, collectPageErrors, openPlayground, saveScreenshot } from './playground-helpers.js';

test('errors are markers and problems; the machine keeps its image; a crashed worker is replaced', async ({ page }, testInfo) => {
  test.setTimeout(BUILD_TIMEOUT_MS * 2);
  const pageErrors = collectPageErrors(page);
  // 1. The worker's script fails to load (from the start: the page loads the worker after the first boot, for its
  // unseen warm-up builds, which give up quietly): the build reports the crash, the page goes on.
  await page.route('**/build-worker*', (route) => route.fulfill({ status: 500, body: 'no worker today' }));
  await openPlayground(page);
  const serialBefore = await page.evaluate(() => window.playground!.serialText());
  const statusBefore = await page.evaluate(() => window.playground!.status());

  await page.getByRole('button', { name: 'Build & Run' }).click();
  const progress = page.getByTestId('build-progress');
  await expect(progress).toHaveAttribute('data-phase', 'crashed', { timeout: BUILD_TIMEOUT_MS });
  await expect(progress).toContainText('build worker');
  await page.unroute('**/build-worker*');

  // 2. A type error and an unsafe operation outside an @unsafe function.
  const lines = await page.evaluate(async () => {
    const text = await window.playground!.readFile('main.ts');
    const typeError = 'const notANumber: i32 = "text";';
    const unsafeUse = 'export function peekVga(): u16 { return load<u16>(0xb8000); }';
    await window.playground!.writeFile('main.ts', `${text.trimEnd()}\n${typeError}\n${unsafeUse}\n`);
    const count = text.trimEnd().split('\n').length;
    return { typeError: count + 1, unsafeUse: count + 2 };
  });
  await page.getByRole('button', { name: 'Build & Run' }).click();
  await expect(progress).toHaveAttribute('data-phase', 'failed', { timeout: BUILD_TIMEOUT_MS });
  const problems = page.getByTestId('problems');
  const typeProblem = problems.getByRole('button', { name: new RegExp(`^main\\.ts:${lines.typeError}:\\d+: error AS\\d+`) });
  const unsafeProblem = problems.getByRole('button', { name: new RegExp(`^main\\.ts:${lines.unsafeUse}:\\d+: error: .*outside an @unsafe function`) });
  await expect(typeProblem).toBeVisible();
  await expect(unsafeProblem).toBeVisible();

  // A click opens the line; the marker is drawn there.
  await unsafeProblem.click();
  const editor = page.getByTestId('editor');
  await expect(editor.locator('.view-lines')).toContainText('peekVga');
  await expect(editor.locator('.squiggly-error').first()).toBeVisible();
  await expect(editor.locator('.active-line-number')).toHaveText(String(lines.unsafeUse));
  await saveScreenshot(page, 'build-errors', testInfo);

  // The machine was not touched: same run, same output.
  expect(await page.evaluate(() => window.playground!.status())).toBe(statusBefore);
  expect((await page.evaluate(() => window.playground!.serialText())).startsWith(serialBefore)).toBe(true);

  // The same sources again: nothing rebuilt, the same errors.
  const again = await page.evaluate(() => window.playground!.build());
  expect(again.reused).toBe(true);
  expect(again.ok).toBe(false);
  expect(again.diagnostics.some((d) => d.file === 'main.ts' && d.line === lines.unsafeUse)).toBe(true);
  expect(pageErrors).toEqual([]);
});
