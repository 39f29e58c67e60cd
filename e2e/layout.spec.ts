// The page fits the window as an IDE does: editor, machine and panel dock in view at once, the dock's height set by
// dragging the line above it (or with its keys) and kept across a reload, the serial terminal's rows filling its
// pane; a small window scrolls the page instead. The tabs (panels, serial and screen) follow the arrow keys.
import { expect, test, type Page } from '@playwright/test';
import { collectPageErrors, openPlayground, PAGE_TEST_TIMEOUT_MS, saveScreenshot } from './playground-helpers.js';

test.describe.configure({ timeout: PAGE_TEST_TIMEOUT_MS });

async function dockHeight(page: Page): Promise<number> {
  const box = await page.getByTestId('panel-dock').boundingBox();
  if (!box) throw new Error('the panel dock is not laid out');
  return box.height;
}

/** The serial terminal's rows, as xterm.js draws them. */
async function terminalRows(page: Page): Promise<number> {
  return page.getByTestId('serial').locator('.xterm-rows > div').count();
}

/** The bottom of xterm's last row and of the pane around it (px). */
async function terminalAndPaneBottoms(page: Page): Promise<{ rows: number; pane: number; rowHeight: number }> {
  return page.getByTestId('serial').evaluate((serial) => {
    const rows = serial.querySelector('.xterm-rows')!;
    const last = rows.lastElementChild!.getBoundingClientRect();
    return { rows: last.bottom, pane: serial.getBoundingClientRect().bottom, rowHeight: last.height };
  });
}

test('at 1280 × 720 the editor, the serial terminal and the panel dock are all in view, and the page does not scroll', async ({ page }, testInfo) => {
  const pageErrors = collectPageErrors(page);
  await page.setViewportSize({ width: 1280, height: 720 });
  await openPlayground(page);
  await expect(page.getByTestId('panel-registers')).toBeVisible();

  for (const part of ['editor', 'serial', 'panel-dock', 'file-tree']) await expect(page.getByTestId(part), part).toBeInViewport({ ratio: 0.95 });
  const scroll = await page.evaluate(() => ({ height: document.documentElement.scrollHeight, window: window.innerHeight }));
  expect(scroll.height).toBeLessThanOrEqual(scroll.window);

  // The terminal's last row ends within one row of its pane's bottom: its rows fill the pane, not a fixed 24.
  await expect.poll(async () => {
    const { rows, pane, rowHeight } = await terminalAndPaneBottoms(page);
    return rows <= pane && pane - rows < rowHeight + 8;
  }).toBe(true);
  await saveScreenshot(page, 'layout-1280x720', testInfo);
  expect(pageErrors).toEqual([]);
});

test('the line above the dock resizes it by dragging and by keys; the height survives a reload', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openPlayground(page);
  const splitter = page.getByTestId('dock-splitter');
  await expect(splitter).toBeVisible();
  const before = await dockHeight(page);
  const rowsBefore = await terminalRows(page);

  const box = (await splitter.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2 - 80, { steps: 5 });
  await page.mouse.up();
  await expect.poll(() => dockHeight(page)).toBeGreaterThan(before + 60);
  // Up to 1400 px wide the terminal sits beside the dock: it gets the height too, as more rows.
  await expect.poll(() => terminalRows(page)).toBeGreaterThan(rowsBefore + 3);

  const dragged = await dockHeight(page);
  await splitter.focus();
  await page.keyboard.press('ArrowDown');
  await expect.poll(() => dockHeight(page)).toBeLessThan(dragged - 25); // a key moves it by 5 % of the window
  const kept = await dockHeight(page);
  await expect(splitter).toHaveAttribute('aria-valuenow', /^\d+$/);

  // At its largest the dock still leaves the editor ~8 lines.
  await page.keyboard.press('Home');
  await expect.poll(() => dockHeight(page)).toBeGreaterThan(kept);
  expect((await page.getByTestId('editor').boundingBox())!.height).toBeGreaterThan(130);
  const largest = await dockHeight(page);

  await page.reload();
  await expect(page.getByTestId('panel-dock')).toBeVisible({ timeout: 30_000 });
  expect(Math.abs((await dockHeight(page)) - largest)).toBeLessThan(2);
});

test('a window smaller than 1100 × 560 scrolls the page, with no splitter', async ({ page }) => {
  await page.setViewportSize({ width: 1000, height: 700 });
  await openPlayground(page);
  await expect(page.getByTestId('panel-dock')).toBeAttached();
  await expect(page.getByTestId('dock-splitter')).toBeHidden();
  const scroll = await page.evaluate(() => ({ height: document.documentElement.scrollHeight, window: window.innerHeight }));
  expect(scroll.height).toBeGreaterThan(scroll.window);
});

test('the tabs follow the keyboard: arrows move between the panels and between serial and screen', async ({ page }) => {
  await openPlayground(page);
  const registers = page.getByTestId('panel-tab-registers');
  await expect(registers).toHaveAttribute('aria-selected', 'true');
  await registers.focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('panel-tab-idt')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('panel-tab-idt')).toBeFocused();
  await expect(page.getByTestId('panel-idt')).toBeVisible();
  await page.keyboard.press('End');
  await expect(page.getByTestId('panel-tab-bench')).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowRight'); // wraps to the first
  await expect(registers).toHaveAttribute('aria-selected', 'true');
  // Only the chosen tab is in the page's Tab order.
  await expect(page.getByTestId('panel-tab-idt')).toHaveAttribute('tabindex', '-1');

  await page.getByTestId('machine-tab-serial').focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('screen')).toBeVisible();
  await expect(page.getByTestId('serial')).toBeHidden();
});
