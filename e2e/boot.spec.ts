// The playground boots the kernel built by `npm run kernel` (public/images/eduos.elf) in v86 in Chromium:
// the serial panel shows its banner, and the screen panel is there.
import { expect, test } from '@playwright/test';

const BANNER = 'eduOS-ts';
/** Page load to banner: 1–3 s on a 2-core machine (up to ~8 s when it is busy); room for a loaded CI box. */
const BANNER_TIME_LIMIT_MS = 20_000;

type WindowWithBannerTime = Window & { bannerSeenAtMs?: number };

test('page load → serial banner → screen', async ({ page }) => {
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  // Notes, inside the page, when the banner arrives: milliseconds since the start of navigation.
  await page.addInitScript((banner) => {
    const poll = setInterval(() => {
      if (!window.playground?.serialText().includes(banner)) return;
      (window as WindowWithBannerTime).bannerSeenAtMs = Math.round(performance.now());
      clearInterval(poll);
    }, 10);
  }, BANNER);

  await page.goto('./');
  await expect(page.getByTestId('serial'), 'COM1 banner (is public/images/eduos.elf built? `npm run kernel`)').toContainText(
    BANNER,
    { timeout: BANNER_TIME_LIMIT_MS },
  );
  const bannerMs = await page.evaluate(() => (window as WindowWithBannerTime).bannerSeenAtMs);
  test.info().annotations.push({ type: 'page load → serial banner', description: `${bannerMs} ms` });
  console.log(`page load → serial banner: ${bannerMs} ms`);

  // The machine's outputs are tabs: the serial terminal first, the VGA screen one click away.
  await expect(page.getByTestId('screen')).toBeHidden();
  await page.getByTestId('machine-tab-screen').click();
  await expect(page.getByTestId('screen')).toBeVisible();
  await expect(page.getByTestId('serial')).toBeHidden();
  expect(await page.evaluate(() => window.playground?.serialText())).toContain(BANNER);
  expect(['running', 'halted']).toContain(await page.evaluate(() => window.playground?.status()));
  expect(pageErrors).toEqual([]);
});
