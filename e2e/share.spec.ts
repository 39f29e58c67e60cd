// Share links in real Chromium against the real build: an edit shared as a link opens in a fresh browser (empty
// storage) in a workspace of its own, is built in the browser and boots; the sharer's own edits survive opening the
// link themselves; the link keeps the editor's line and the dock's tab; a broken link says what is wrong and the page
// runs as without it.
import { expect, test } from '@playwright/test';
import {
  BANNER,
  BOOT_TIMEOUT_MS,
  BUILD_TIMEOUT_MS,
  collectPageErrors,
  openPlayground,
  PAGE_TEST_TIMEOUT_MS,
  saveScreenshot,
  waitForEditor,
} from './playground-helpers.js';

/** The line main.ts prints after the banner, and what the shared experiment prints instead. */
const GREETING = 'Hello from eduOS-ts!';
const SHARED_GREETING = 'Hello from a shared link!';
/** What the sharer's own main.ts prints after they edited on. */
const LATER_GREETING = 'Hello again, edited after sharing!';
/** Storage keys of the student's own edits (docs/automation.md). */
const MY_EDITS_KEY_PREFIX = 'eduos-playground:v1:file:';

test('a shared edit opens in a fresh browser, builds and boots; the sharer keeps their own edits', async ({ page, context, browser }, testInfo) => {
  test.setTimeout(PAGE_TEST_TIMEOUT_MS + 2 * BUILD_TIMEOUT_MS);
  const pageErrors = collectPageErrors(page);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openPlayground(page);
  const original = await page.evaluate(() => window.playground!.readFile('main.ts'));
  expect(original).toContain(GREETING);
  const shared = original.replace(GREETING, SHARED_GREETING);
  await page.evaluate((text) => window.playground!.writeFile('main.ts', text), shared);
  await page.getByTestId('command-line').fill('hz=50');
  // Show the changed line, as a teacher would (a problem, a panel or the crash notice opens a line the same way).
  const greetingLine = original.split('\n').findIndex((line) => line.includes(GREETING)) + 1;
  await page.evaluate((line) => window.dispatchEvent(new CustomEvent('playground:open-source', { detail: { file: 'main.ts', line } })), greetingLine);

  await page.getByTestId('panel-tab-tasks').click();

  await page.getByTestId('share-button').click();
  const link = await page.getByTestId('share-link').inputValue();
  // The popover is on top of the editor and inside the window: its Copy button would take a click (a trial click
  // checks that nothing covers it, without clicking).
  await page.getByTestId('share-popover').getByRole('button', { name: 'Copy' }).click({ trial: true, timeout: 5_000 });
  await expect(page.getByTestId('share-popover')).toBeInViewport({ ratio: 1 });
  await saveScreenshot(page, 'share-popover', testInfo);
  expect(link).toMatch(/\/eduos-playground\/#s=1\.[A-Za-z0-9_-]+$/);
  expect(page.url()).toBe(link);
  await expect(page.getByTestId('share-length')).toContainText(`${link.length.toLocaleString('en')} characters · copied to the clipboard`);
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
  await expect(page.getByTestId('share-warning')).toHaveCount(0);
  expect(await page.evaluate(() => window.playground!.shareLink())).toBe(link);
  const experiment = await page.evaluate((url) => window.playground!.readShareLink(url), link);
  expect(experiment).toMatchObject({ version: 1, files: { 'main.ts': shared }, commandLine: 'hz=50', optimize: 0, open: { path: 'main.ts', line: greetingLine }, panel: 'tasks' });
  expect(Object.keys(experiment.files)).toEqual(['main.ts']);
  // The link follows the editor's cursor, not only the last line jumped to.
  const clickedLine = original.split('\n').findIndex((line) => line.includes('gdtInit();')) + 1;
  await page.getByTestId('editor').locator('.view-line', { hasText: 'gdtInit();' }).click();
  await expect(page.getByTestId('share-popover'), 'a click elsewhere closes the popover').toHaveCount(0);
  const movedLink = await page.evaluate(() => window.playground!.shareLink());
  expect(await page.evaluate((url) => window.playground!.readShareLink(url), movedLink)).toMatchObject({ open: { path: 'main.ts', line: clickedLine } });
  testInfo.annotations.push({ type: 'link length', description: `${link.length} characters for a one-line change of main.ts` });

  // The sharer edits on: the address bar no longer claims the link describes the page.
  const later = original.replace(GREETING, LATER_GREETING);
  await page.evaluate((text) => window.playground!.writeFile('main.ts', text), later);
  await expect.poll(() => page.url()).not.toContain('#s=');

  // Another browser, storage empty: the experiment opens in its own workspace, is built and boots.
  const otherBrowser = await browser.newContext();
  const guest = await otherBrowser.newPage();
  const guestErrors = collectPageErrors(guest);
  await guest.goto(link);
  await expect(guest.getByTestId('share-bar')).toContainText('Shared experiment changing main.ts', { timeout: BOOT_TIMEOUT_MS });
  await guest.evaluate(([text, timeoutMs]) => window.playground!.waitForSerial(text, timeoutMs), [SHARED_GREETING, BUILD_TIMEOUT_MS] as const);
  await expect(guest.getByTestId('serial')).toContainText(SHARED_GREETING);
  expect(await guest.evaluate(() => window.playground!.serialText())).not.toContain(GREETING);
  await waitForEditor(guest);
  await expect(guest.getByTestId('editor').locator('.view-lines')).toContainText(SHARED_GREETING);
  await expect(guest.getByTestId('file-tree').locator('[data-path="main.ts"]')).toHaveClass(/modified/);
  await expect(guest.getByTestId('command-line')).toHaveValue('hz=50');
  await expect(guest.getByTestId('panel-tab-tasks')).toHaveAttribute('aria-selected', 'true');
  expect(await guest.evaluate(() => window.playground!.readFile('main.ts'))).toBe(shared);
  expect(await guest.evaluate(() => window.playground!.workspace())).toBe(`shared:${experiment.id}`);
  const guestKeys = await guest.evaluate(() => Object.keys(localStorage));
  expect(guestKeys.filter((key) => key.startsWith(MY_EDITS_KEY_PREFIX))).toEqual([]);
  expect(guestKeys).toContain(`eduos-playground:v1:shared:${experiment.id}:file:main.ts`);
  await saveScreenshot(guest, 'shared-experiment-booted', testInfo);
  expect(guestErrors).toEqual([]);
  await otherBrowser.close();

  // The sharer opens the link: the experiment shows, without the later edit; "Back to my edits" brings that back.
  await page.goto(link);
  await expect(page.getByTestId('share-bar')).toContainText('Shared experiment');
  await expect.poll(() => page.evaluate(() => window.playground!.workspace())).toBe(`shared:${experiment.id}`);
  expect(await page.evaluate(() => window.playground!.readFile('main.ts'))).toBe(shared);
  await expect(page.getByTestId('editor').locator('.view-lines')).toContainText(SHARED_GREETING);
  await page.getByTestId('share-back').click();
  await expect(page.getByTestId('share-bar')).toHaveCount(0);
  expect(page.url()).not.toContain('#');
  expect(await page.evaluate(() => window.playground!.workspace())).toBe('mine');
  expect(await page.evaluate(() => window.playground!.readFile('main.ts'))).toBe(later);
  await expect(page.getByTestId('editor').locator('.view-lines')).toContainText(LATER_GREETING);
  await page.reload();
  await openPlayground(page);
  expect(await page.evaluate(() => window.playground!.readFile('main.ts'))).toBe(later);
  expect(pageErrors).toEqual([]);
});

test('a broken link says what is wrong; the prebuilt kernel boots with the own edits', async ({ page }, testInfo) => {
  test.setTimeout(PAGE_TEST_TIMEOUT_MS);
  const pageErrors = collectPageErrors(page);
  // A link cut off after its header: it records 0 bytes of experiment but holds more.
  await page.goto(`./#s=1.${'A'.repeat(24)}`);
  const error = page.getByTestId('share-error');
  // The page's first load does more than the link check: wait as for the boot, not the default few seconds.
  await expect(error).toContainText('The link is incomplete', { timeout: BOOT_TIMEOUT_MS });
  await expect(error).toContainText('The page runs as without the link');
  await expect(page.getByTestId('serial')).toContainText(BANNER, { timeout: BOOT_TIMEOUT_MS });
  await page.evaluate(() => window.playground!.waitForSerial('Hello from eduOS-ts!'));
  await waitForEditor(page);
  expect(await page.evaluate(() => window.playground!.workspace())).toBe('mine');
  expect(await page.evaluate(() => window.playground!.readFile('main.ts'))).toContain(GREETING);
  await saveScreenshot(page, 'broken-link', testInfo);

  // A link from a newer playground, pasted into the address bar of the open page.
  await page.evaluate(() => (window.location.hash = 's=9.from-the-future'));
  await expect(error).toContainText('made by a newer playground (share format v9');
  await error.getByRole('button', { name: 'Dismiss' }).click();
  await expect(error).toHaveCount(0);
  expect(page.url()).not.toContain('#');
  expect(await page.evaluate(() => window.playground!.status())).toBe('running');
  await expect(page.evaluate(() => window.playground!.readShareLink('#s=1.@@@'))).rejects.toThrow(/characters a share link never has/);
  expect(pageErrors).toEqual([]);
});
