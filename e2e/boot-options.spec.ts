// Boot options: the toolbar's command line reaches the kernel in the Multiboot information at the next boot — the
// real kernel exits the emulator after booting when it has the word "exit" (EXIT_COMMAND_WORD, src/kernel/config.ts).
import { expect, test } from '@playwright/test';
import { BOOT_TIMEOUT_MS, BANNER, collectPageErrors, saveScreenshot } from './playground-helpers.js';

test('the command line field applies at the next boot: "exit" makes the kernel exit', async ({ page }, testInfo) => {
  const pageErrors = collectPageErrors(page);
  await page.goto('./');
  await expect(page.getByTestId('serial')).toContainText(BANNER, { timeout: BOOT_TIMEOUT_MS });
  expect(await page.evaluate(() => window.playground!.status())).toBe('running');

  await page.getByTestId('command-line').fill('exit');
  await page.getByRole('button', { name: 'Reboot' }).click();
  await expect(page.getByTestId('status')).toHaveText('halted with exit code 0', { timeout: BOOT_TIMEOUT_MS });
  await expect(page.getByTestId('serial')).toContainText(BANNER);
  await saveScreenshot(page, 'boot-options-exit', testInfo);

  await page.getByTestId('command-line').fill('');
  await page.getByRole('button', { name: 'Reboot' }).click();
  await expect(page.getByTestId('serial')).toContainText(BANNER, { timeout: BOOT_TIMEOUT_MS });
  await expect(page.getByTestId('status')).toHaveAttribute('data-status', 'running');
  expect(pageErrors).toEqual([]);
});
