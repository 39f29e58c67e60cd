// Shared steps of the panel specs: boot the real kernel or the hardware test kernel, open a panel's tab, save a
// screenshot of the panel as a test artifact, and read a panel's data through window.playground.
import { expect, type Page, type TestInfo } from '@playwright/test';
import { hardwareTestKernel, READY, type HardwareTestKernel } from '../src/ui/decoders/hardware-test-kernel.js';
import { asDataUrl } from '../src/ui/machine/test-kernels.js';

/** The real kernel's banner on COM1. */
export const BANNER = 'eduOS-ts';
/** The shell's prompt: by then the kernel has its GDT, IDT, page tables and tasks. */
export const PROMPT = 'eduos> ';
const BOOT_TIMEOUT_MS = 20_000;

/** Loads the page with the prebuilt kernel (public/images/eduos.elf) and waits for its shell prompt. */
export async function bootRealKernel(page: Page): Promise<void> {
  await page.goto('./');
  await expect(page.getByTestId('serial'), 'COM1 prompt (is public/images/eduos.elf built? `npm run kernel`)').toContainText(PROMPT, {
    timeout: BOOT_TIMEOUT_MS,
  });
}

/** Loads the page with the hardware test kernel (known GDT, IDT, page tables) and waits until it has set them up. */
export async function bootHardwareTestKernel(page: Page): Promise<HardwareTestKernel> {
  const kernel = hardwareTestKernel();
  await page.goto(`./?image=${encodeURIComponent(asDataUrl(kernel.image))}`);
  await page.waitForFunction((ready) => window.playground?.serialText().includes(ready), READY.trim(), { timeout: BOOT_TIMEOUT_MS });
  return kernel;
}

/** Clicks the panel's tab and returns the panel's root. */
export async function openPanel(page: Page, id: string) {
  await page.getByTestId(`panel-tab-${id}`).click();
  const panel = page.getByTestId(`panel-${id}`);
  await expect(panel).toBeVisible();
  return panel;
}

/** Saves a screenshot of the panel as `<name>.png` in the test's output and attaches it to the report. */
export async function savePanelScreenshot(page: Page, id: string, name: string, testInfo: TestInfo): Promise<void> {
  const path = testInfo.outputPath(`${name}.png`);
  await page.getByTestId(`panel-${id}`).screenshot({ path });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

/** `window.playground.panel(id)`, typed by the caller. */
export async function panelData<T>(page: Page, id: string): Promise<T> {
  return (await page.evaluate((panelId) => window.playground?.panel(panelId), id)) as T;
}
