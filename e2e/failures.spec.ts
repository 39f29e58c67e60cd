// Failures are shown, never fatal: a kernel that hangs leaves the page responsive (Pause and Resume work, the
// editor still opens files); a kernel that resets the machine stops it with the last EIP named as a function and
// source line from the image's debug information.
import { expect, test } from '@playwright/test';
import { buildKernelImage } from '../src/ui/build/kernel-pipeline.js';
import { fixtureKernelFiles } from '../src/ui/build/fixture-kernel.js';
import { asDataUrl, assembleKernel, printOnCom1 } from '../src/ui/machine/test-kernels.js';
import { BOOT_TIMEOUT_MS, BUILD_TIMEOUT_MS, collectPageErrors, PAGE_TEST_TIMEOUT_MS, saveScreenshot, waitForEditor } from './playground-helpers.js';

test('a kernel that hangs with interrupts off: the page stays responsive, Pause and Resume work', async ({ page }, testInfo) => {
  test.setTimeout(PAGE_TEST_TIMEOUT_MS);
  const pageErrors = collectPageErrors(page);
  const hangingKernel = assembleKernel(`${printOnCom1('spinning forever\n')}        cli\nspin:   jmp spin\n`);
  await page.goto(`./?image=${encodeURIComponent(asDataUrl(hangingKernel))}`);
  await expect(page.getByTestId('serial')).toContainText('spinning forever', { timeout: BOOT_TIMEOUT_MS });
  await waitForEditor(page);

  // The main thread answers while the guest spins: the editor switches files at once.
  const other = (await page.evaluate(() => window.playground!.listFiles())).find((path) => path !== 'main.ts')!;
  const started = Date.now();
  await page.getByTestId('file-tree').locator(`[data-path="${other}"]`).click();
  await expect(page.locator('.editor-title')).toHaveText(other, { timeout: 2_000 });
  testInfo.annotations.push({ type: 'click → file shown while the guest spins', description: `${Date.now() - started} ms` });

  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(page.getByTestId('status')).toHaveAttribute('data-status', 'stopped');
  await saveScreenshot(page, 'hang-paused', testInfo);
  await page.getByRole('button', { name: 'Resume' }).click();
  await expect(page.getByTestId('status')).toHaveAttribute('data-status', 'running');
  expect(pageErrors).toEqual([]);
});

test('a kernel that resets the machine: stopped, with the last EIP as function and source line', async ({ page }, testInfo) => {
  test.setTimeout(BUILD_TIMEOUT_MS);
  const pageErrors = collectPageErrors(page);
  // Built here with the real toolchain; served as if it were a prebuilt image with its debug JSON beside it.
  const files = fixtureKernelFiles({ banner: 'about to reset', resetAfterBanner: true });
  const resetLine = files.get('main.ts')!.split('\n').findIndex((line) => line.includes('function resetMachine')) + 1;
  const built = await buildKernelImage(files);
  expect(built.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  await page.route('**/images/reset-test.elf', (route) => route.fulfill({ body: Buffer.from(built.elf!) }));
  await page.route('**/images/reset-test.debug.json', (route) => route.fulfill({ json: built.debug }));

  await page.goto('./?image=images/reset-test.elf');
  await expect(page.getByTestId('serial')).toContainText('about to reset', { timeout: BOOT_TIMEOUT_MS });
  await expect(page.getByTestId('status')).toHaveAttribute('data-status', 'error');
  await expect(page.getByTestId('status')).toContainText('reset the machine');
  const notice = page.getByTestId('crash-notice');
  await expect(notice).toContainText(new RegExp(`Last EIP 0x[0-9a-f]{8}: main/\\S+ \\(main\\.ts:${resetLine}\\)`));
  await saveScreenshot(page, 'reset-with-eip', testInfo);

  // The page keeps working: Reboot runs the same image again, to the same end.
  await page.getByRole('button', { name: 'Reboot' }).click();
  await expect(page.getByTestId('serial')).toContainText('about to reset');
  await expect(notice).toContainText('main.ts:');
  expect(pageErrors).toEqual([]);
});
