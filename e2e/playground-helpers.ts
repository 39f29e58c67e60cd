// Shared steps of the editor and build specs: boot the page with the prebuilt kernel, wait for the lazily loaded
// editor, collect uncaught page errors, save screenshots as test artifacts.
import { expect, type Page, type TestInfo } from '@playwright/test';

/** What every kernel prints first on COM1. */
export const BANNER = 'eduOS-ts';
export const BOOT_TIMEOUT_MS = 30_000;
/** Monaco is the page's biggest chunk and loads after the machine has started. */
const EDITOR_TIMEOUT_MS = 60_000;
/**
 * A build of the real kernel in the browser, toolchain loading included: a few seconds on an idle 2-core machine,
 * over a minute when other jobs share it.
 */
export const BUILD_TIMEOUT_MS = 240_000;

/** A spec that loads the page (v86, then Monaco) more than once, on a busy machine. */
export const PAGE_TEST_TIMEOUT_MS = 180_000;

/** Uncaught errors of the page, to assert there were none. */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

/** Loads the page (prebuilt kernel) and waits for the banner on COM1 and for the editor. */
export async function openPlayground(page: Page, query = ''): Promise<void> {
  await page.goto(`./${query}`);
  await expect(page.getByTestId('serial'), 'COM1 banner (is public/images/eduos.elf built? `npm run kernel`)').toContainText(BANNER, {
    timeout: BOOT_TIMEOUT_MS,
  });
  await waitForEditor(page);
}

/** Waits until Monaco shows text. */
export async function waitForEditor(page: Page): Promise<void> {
  await expect(page.getByTestId('editor').locator('.view-lines')).not.toBeEmpty({ timeout: EDITOR_TIMEOUT_MS });
}

/** Saves a screenshot of the whole page as `<name>.png` in the test's output and attaches it to the report. */
export async function saveScreenshot(page: Page, name: string, testInfo: TestInfo): Promise<void> {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}
