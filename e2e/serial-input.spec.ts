// Keys typed into the serial terminal reach the guest's COM1: a test kernel that echoes COM1 sends them back.
import { expect, test } from '@playwright/test';
import { asDataUrl, assembleKernel, ECHO_COM1_FOREVER, printOnCom1 } from '../src/ui/machine/test-kernels.js';

test('typing in the serial terminal goes to COM1', async ({ page }) => {
  const echoKernel = assembleKernel(printOnCom1('echo> ') + ECHO_COM1_FOREVER);
  await page.goto(`./?image=${encodeURIComponent(asDataUrl(echoKernel))}`);
  await page.evaluate(() => window.playground?.waitForSerial('echo> '));

  await page.getByTestId('serial').locator('.xterm').click();
  await page.keyboard.type('hello COM1');
  await expect(page.getByTestId('serial')).toContainText('echo> hello COM1');
  expect(await page.evaluate(() => window.playground?.serialText())).toBe('echo> hello COM1');
});
