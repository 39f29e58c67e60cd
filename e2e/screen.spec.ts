// The screen panel shows VGA text memory through v86's screen adapter once a kernel sets up text mode itself
// (no BIOS does it here), and the same kernel's halt shows in the status line.
import { expect, test } from '@playwright/test';
import { asDataUrl, assembleKernel, exitWith, printOnCom1, VGA_TEXT_MODE_SETUP, writeVgaText } from '../src/ui/machine/test-kernels.js';

test('VGA text written by the kernel appears on the screen panel', async ({ page }) => {
  const vgaKernel = assembleKernel(printOnCom1('vga ready\n') + VGA_TEXT_MODE_SETUP + writeVgaText('Hello from 0xB8000') + exitWith(3));
  await page.goto(`./?image=${encodeURIComponent(asDataUrl(vgaKernel))}`);

  await expect(page.getByTestId('screen')).toContainText('Hello from 0xB8000');
  await expect(page.getByTestId('status')).toHaveText('halted with exit code 3');
  expect(await page.evaluate(() => window.playground?.status())).toBe('halted');
});

test('keys typed on the screen reach the kernel through the PS/2 keyboard', async ({ page }) => {
  await page.goto('./');
  await expect(page.getByTestId('serial')).toContainText('eduos> ', { timeout: 20_000 });
  await page.getByTestId('machine-tab-screen').click();
  await page.locator('.v86-screen').click();
  await page.keyboard.type('ps');
  await page.keyboard.press('Enter');
  // The shell echoes what it reads (on COM1 and the screen) and runs the command: the task table lists idle.
  await expect(page.getByTestId('serial')).toContainText('eduos> ps', { timeout: 20_000 });
  await expect(page.getByTestId('serial')).toContainText(/0 idle/, { timeout: 20_000 });
  await expect(page.getByTestId('screen')).toContainText('eduos> ps');
});
