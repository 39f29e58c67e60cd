// Edits live in the browser's storage: they survive a reload; "Reset file" and "Reset all" bring back the
// bundled sources.
import { expect, test } from '@playwright/test';
import { collectPageErrors, openPlayground, PAGE_TEST_TIMEOUT_MS, saveScreenshot } from './playground-helpers.js';

const MARK = '// edited by edit-persistence.spec\n';

test('edits survive a reload; Reset file and Reset all undo them', async ({ page }, testInfo) => {
  test.setTimeout(PAGE_TEST_TIMEOUT_MS);
  const pageErrors = collectPageErrors(page);
  await openPlayground(page);
  const [original, otherPath] = await page.evaluate(async () => {
    const files = await window.playground!.listFiles();
    return [await window.playground!.readFile('main.ts'), files.find((path) => path !== 'main.ts')!];
  });
  const otherOriginal = await page.evaluate((path) => window.playground!.readFile(path), otherPath);
  await page.evaluate(
    async ([mark, other]) => {
      await window.playground!.writeFile('main.ts', mark + (await window.playground!.readFile('main.ts')));
      await window.playground!.writeFile(other, mark + (await window.playground!.readFile(other)));
    },
    [MARK, otherPath],
  );

  await page.reload();
  await openPlayground(page);
  expect(await page.evaluate(() => window.playground!.readFile('main.ts'))).toBe(MARK + original);
  await expect(page.getByTestId('editor').locator('.view-lines')).toContainText(MARK.trim());
  const tree = page.getByTestId('file-tree');
  await expect(tree.locator('[data-path="main.ts"]')).toHaveClass(/modified/);
  await saveScreenshot(page, 'edits-after-reload', testInfo);

  await tree.getByRole('button', { name: 'Reset file' }).click();
  expect(await page.evaluate(() => window.playground!.readFile('main.ts'))).toBe(original);
  await expect(page.getByTestId('editor').locator('.view-lines')).not.toContainText(MARK.trim());
  await expect(tree.locator('[data-path="main.ts"]')).not.toHaveClass(/modified/);
  expect(await page.evaluate((path) => window.playground!.readFile(path), otherPath)).toBe(MARK + otherOriginal);

  await tree.getByRole('button', { name: 'Reset all' }).click();
  expect(await page.evaluate((path) => window.playground!.readFile(path), otherPath)).toBe(otherOriginal);
  await page.reload();
  await openPlayground(page);
  expect(await page.evaluate((path) => window.playground!.readFile(path), otherPath)).toBe(otherOriginal);
  expect(pageErrors).toEqual([]);
});
