// v86 itself failing to start (its CPU core cannot be fetched: a broken deploy, a network that drops it) ends in a
// clear error on the page, which keeps working: the editor and the file tree load, and Reboot tries again — and
// boots once the core can be fetched.
import { expect, test } from '@playwright/test';
import { BANNER, BOOT_TIMEOUT_MS, collectPageErrors, waitForEditor } from './playground-helpers.js';

test('v86 whose CPU core cannot be fetched: the status says so, the editor still loads, Reboot tries again and boots once it can', async ({ page }) => {
  const pageErrors = collectPageErrors(page);
  let coreRequests = 0;
  await page.route(/v86[^/]*\.wasm$/, (route) => {
    coreRequests++;
    return route.fulfill({ status: 503, body: 'unavailable' });
  });
  await page.goto('./');

  const status = page.getByTestId('status');
  await expect(status).toContainText(/v86.*HTTP 503/, { timeout: 30_000 });
  expect(await page.evaluate(() => window.playground?.status())).toBe('error');
  await waitForEditor(page);
  await expect(page.getByTestId('file-tree')).toContainText('main.ts');

  const before = coreRequests;
  await page.getByRole('button', { name: 'Reboot' }).click();
  await expect.poll(() => coreRequests).toBeGreaterThan(before);
  await expect(status).toContainText(/HTTP 503/);

  // The server is back: the next Reboot downloads the core and boots the kernel.
  await page.unrouteAll();
  await page.getByRole('button', { name: 'Reboot' }).click();
  await expect(page.getByTestId('serial')).toContainText(BANNER, { timeout: BOOT_TIMEOUT_MS });
  await expect(status).toHaveText('running');
  expect(pageErrors).toEqual([]);
});
