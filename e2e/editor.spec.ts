// The editor: Monaco shows the kernel's main.ts (from the sources bundled into the page), the file tree opens
// other files, AssemblyScript's typings drive hover, and what the user types lands in the project.
import { expect, test } from '@playwright/test';
import { collectPageErrors, openPlayground, PAGE_TEST_TIMEOUT_MS, saveScreenshot } from './playground-helpers.js';

test('the editor shows main.ts; the file tree opens other files; typing edits the project', async ({ page }, testInfo) => {
  test.setTimeout(PAGE_TEST_TIMEOUT_MS);
  const pageErrors = collectPageErrors(page);
  await openPlayground(page);

  const mainText = await page.evaluate(() => window.playground!.readFile('main.ts'));
  expect(mainText).toContain('export function _start');
  const firstLine = mainText.split('\n')[0];
  await expect(page.getByTestId('editor').locator('.view-lines')).toContainText(firstLine);
  await expect(page.getByTestId('file-tree').locator('[data-path="main.ts"]')).toHaveAttribute('aria-current', 'page');
  await saveScreenshot(page, 'editor-main-ts', testInfo);

  // Another file from the tree.
  const files = await page.evaluate(() => window.playground!.listFiles());
  const other = files.find((path) => path.includes('/'))!;
  await page.getByTestId('file-tree').locator(`[data-path="${other}"]`).click();
  const otherFirstLine = (await page.evaluate((path) => window.playground!.readFile(path), other)).split('\n')[0];
  await expect(page.getByTestId('editor').locator('.view-lines')).toContainText(otherFirstLine);

  // Hover over an AssemblyScript type shows its declaration from assemblyscript/std/assembly/index.d.ts.
  await page.getByTestId('file-tree').locator('[data-path="main.ts"]').click();
  await page.evaluate(() => window.playground!.writeFile('main.ts', 'let counter: u32 = 0;\n'));
  await expect(page.getByTestId('editor').locator('.view-lines')).toContainText('let counter: u32 = 0;');
  // Cursor into `u32` (columns 14–16), then Monaco's "Show Hover" (Ctrl+K Ctrl+I).
  await page.getByTestId('editor').locator('.view-lines').click();
  await page.keyboard.press('Control+Home');
  for (let column = 1; column < 15; column++) await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Control+K');
  await page.keyboard.press('Control+I');
  await expect(page.locator('.monaco-hover').first()).toContainText('A 32-bit unsigned integer', { timeout: 30_000 });

  // Typing goes through Monaco into the project (and so into browser storage).
  await page.getByTestId('editor').locator('.view-lines').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type('// typed in the editor');
  await expect.poll(() => page.evaluate(() => window.playground!.readFile('main.ts'))).toContain('// typed in the editor');
  await expect(page.getByTestId('editor').locator('.view-lines')).toContainText('// typed in the editor');
  await expect(page.getByTestId('file-tree').locator('[data-path="main.ts"]')).toHaveClass(/modified/);
  expect(pageErrors).toEqual([]);
});
