// Edit → Build & Run in the browser: the kernel's version string is changed in the editor's project, the build
// worker compiles it (unsafe check, asc, translator), the machine boots the new image and COM1 and the VGA screen
// show the change.
// A second Build & Run with nothing changed rebuilds nothing. The keyboard's Ctrl+Enter and Ctrl+S do the same.
import { expect, test } from '@playwright/test';
import { BUILD_TIMEOUT_MS, collectPageErrors, openPlayground, saveScreenshot } from './playground-helpers.js';

test('edit the banner → Build & Run → serial shows the new banner; unchanged sources are not rebuilt', async ({ page }, testInfo) => {
  test.setTimeout(BUILD_TIMEOUT_MS * 2);
  const pageErrors = collectPageErrors(page);
  await openPlayground(page);

  const version = `e2e-${Date.now().toString(36)}`;
  await page.evaluate(async (newVersion) => {
    const config = await window.playground!.readFile('config.ts');
    const edited = config.replace(/KERNEL_VERSION = "[^"]*"/, `KERNEL_VERSION = "${newVersion}"`);
    if (edited === config) throw new Error('config.ts has no KERNEL_VERSION = "…" to edit');
    await window.playground!.writeFile('config.ts', edited);
  }, version);

  await page.getByRole('button', { name: 'Build & Run' }).click();
  const progress = page.getByTestId('build-progress');
  await expect(progress).toHaveAttribute('data-phase', /succeeded|failed|crashed/, { timeout: BUILD_TIMEOUT_MS });
  const problems = (await page.getByTestId('problems').allInnerTexts().catch(() => [])).join('\n');
  expect(await progress.getAttribute('data-phase'), `the kernel must build; problems:\n${problems}`).toBe('succeeded');
  await expect(page.getByTestId('serial')).toContainText(`eduOS-ts ${version}`, { timeout: 30_000 });
  // The new machine (built while the worker compiled) draws its own screen, now the one on the page.
  await expect(page.getByTestId('screen')).toContainText(`eduOS-ts ${version}`);
  for (const step of ['check', 'compile', 'translate', 'boot']) await expect(progress.locator(`[data-step="${step}"]`)).toBeVisible();
  await saveScreenshot(page, 'build-and-run', testInfo);

  const again = await page.evaluate(() => window.playground!.buildAndRun());
  expect(again).toMatchObject({ ok: true, reused: true });
  await page.evaluate((text) => window.playground!.waitForSerial(text, 30_000), `eduOS-ts ${version}`);
  expect(pageErrors).toEqual([]);
});

test('Ctrl+Enter and Ctrl+S build and run from the editor, which gets no new line', async ({ page }) => {
  test.setTimeout(BUILD_TIMEOUT_MS * 2);
  const pageErrors = collectPageErrors(page);
  await openPlayground(page);
  const main = await page.evaluate(() => window.playground!.readFile('main.ts'));
  const setVersion = (version: string) =>
    page.evaluate(async (newVersion) => {
      const config = await window.playground!.readFile('config.ts');
      await window.playground!.writeFile('config.ts', config.replace(/KERNEL_VERSION = "[^"]*"/, `KERNEL_VERSION = "${newVersion}"`));
    }, version);

  const first = `keys-${Date.now().toString(36)}`;
  await setVersion(first);
  await page.getByTestId('editor').locator('.view-line').first().click();
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('serial')).toContainText(`eduOS-ts ${first}`, { timeout: BUILD_TIMEOUT_MS });
  expect(await page.evaluate(() => window.playground!.readFile('main.ts')), 'Monaco inserted no line').toBe(main);

  const second = `${first}-s`;
  await setVersion(second);
  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('serial')).toContainText(`eduOS-ts ${second}`, { timeout: BUILD_TIMEOUT_MS });
  expect(await page.evaluate(() => window.playground!.readFile('main.ts'))).toBe(main);
  expect(pageErrors).toEqual([]);
});
