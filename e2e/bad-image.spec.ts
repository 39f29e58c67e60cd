// A kernel image that cannot be booted, or a kernel that crashes v86, ends in a clear error on the page, and the
// page keeps working.
import { expect, test, type Page } from '@playwright/test';
import { asDataUrl, assembleKernel, printOnCom1 } from '../src/ui/machine/test-kernels.js';

/** The status line as an alert (Monaco adds role="alert" live regions of its own once the editor has loaded). */
function statusAlert(page: Page) {
  return page.getByTestId('status').and(page.getByRole('alert'));
}

function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

test('a missing image says HTTP 404, and Reboot tries again', async ({ page }) => {
  const pageErrors = collectPageErrors(page);
  await page.goto('./?image=images/missing.elf');

  const alert = statusAlert(page);
  await expect(alert).toContainText(/images\/missing\.elf could not be loaded: HTTP 404/);
  expect(await page.evaluate(() => window.playground?.status())).toBe('error');

  // Still usable: the panels are there and Reboot fetches the image again (and fails the same way).
  await expect(page.getByTestId('serial')).toBeVisible();
  await page.getByTestId('machine-tab-screen').click();
  await expect(page.getByTestId('screen')).toBeVisible();
  const refetch = page.waitForResponse((response) => response.url().endsWith('images/missing.elf'));
  await page.getByRole('button', { name: 'Reboot' }).click();
  expect((await refetch).status()).toBe(404);
  await expect(alert).toContainText('HTTP 404');
  expect(pageErrors).toEqual([]);
});

test('a file that is not a Multiboot kernel is refused before v86 runs it', async ({ page }) => {
  const pageErrors = collectPageErrors(page);
  await page.goto('./?image=index.html');
  await expect(statusAlert(page)).toContainText(/index\.html \(\d+ bytes\) is not a Multiboot-1 kernel/);
  expect(await page.evaluate(() => window.playground?.serialText())).toBe('');
  expect(pageErrors).toEqual([]);
});

test('a kernel fault v86 cannot deliver stops the machine with its reason', async ({ page }) => {
  const pageErrors = collectPageErrors(page);
  const faultingKernel = assembleKernel(`${printOnCom1('about to fault\n')}        ud2\n`); // no IDT yet
  await page.goto(`./?image=${encodeURIComponent(asDataUrl(faultingKernel))}`);

  await expect(statusAlert(page)).toContainText(/v86 stopped: .*Unimplemented: #GP handler/);
  await expect(page.getByTestId('serial')).toContainText('about to fault');
  await expect(page.getByRole('button', { name: 'Reboot' })).toBeEnabled();
  expect(pageErrors).toEqual([]);
});
