// The bench panel on the real kernel: "Run benchmarks" types `bench` into the shell, the panel shows progress, then
// all five Table 3 rows with eduOS-ts figures > 0 beside the paper's, the getpid ratio, and a chart with bars; the
// result stays after a reboot.
import { expect, test } from '@playwright/test';
import { BENCH_ACTIVITIES } from '../src/ui/panels/bench-output.js';
import type { BenchPanelData } from '../src/ui/panels/bench-panel.js';
import { bootRealKernel, openPanel, panelData, savePanelScreenshot } from './panel-helpers.js';

/** The whole `bench` command in v86: about ten seconds on an idle machine, much longer on a shared one. */
const BENCH_TIMEOUT_MS = 240_000;

test('Run benchmarks: five rows beside the paper, the getpid ratio and a log-scale chart', async ({ page }, testInfo) => {
  test.setTimeout(BENCH_TIMEOUT_MS + 60_000);
  await bootRealKernel(page);
  await page.evaluate(() => window.playground!.waitForSerial('eduos> ', 30_000));
  const panel = await openPanel(page, 'bench');
  await expect(panel.getByTestId('bench-progress')).toHaveAttribute('data-state', 'none');
  expect(await panelData<BenchPanelData>(page, 'bench')).toMatchObject({ canRun: true, run: null, result: null });

  await panel.getByTestId('bench-run').click();
  await expect(panel.getByTestId('bench-progress')).toHaveAttribute('data-state', /starting|running/);
  await expect(panel.getByTestId('bench-run')).toBeDisabled();
  await expect(panel.getByTestId('bench-progress')).toHaveAttribute('data-state', 'done', { timeout: BENCH_TIMEOUT_MS });

  const data = await panelData<BenchPanelData>(page, 'bench');
  expect(data.result?.complete).toBe(true);
  expect(data.result!.rows.map((row) => row.activity)).toEqual([...BENCH_ACTIVITIES]);
  for (const row of data.result!.rows) {
    expect(row.eduos, row.activity).toBeGreaterThan(0);
    expect(row.linux, row.activity).toBeGreaterThan(0);
  }
  expect(data.result!.rows[2]).toMatchObject({ linux: 2428, hermitCore: 108, rustyHermit: 233 });
  expect(data.result!.getpidRatio).toBeGreaterThan(1);
  expect(data.result!.wrongGetpidAnswers).toBe(0);

  await expect(panel.locator('.bench-table tbody tr')).toHaveCount(5);
  await expect(panel.getByTestId('bench-ratio')).toContainText(`${data.result!.getpidRatio}×`);
  const chart = panel.getByTestId('bench-chart');
  await expect(chart.locator('[data-activity]')).toHaveCount(5);
  const widths = await chart.locator('.bench-bar rect').evaluateAll((rects) => rects.map((rect) => Number(rect.getAttribute('width'))));
  expect(widths).toHaveLength(20);
  expect(widths.every((width) => width > 0)).toBe(true);
  await expect(panel.getByTestId('bench-run')).toBeEnabled();
  await savePanelScreenshot(page, 'bench', 'bench-real-kernel', testInfo);

  // The result stays until the next run, also across a reboot (which empties the COM1 log).
  await page.getByRole('button', { name: 'Reboot' }).click();
  await page.evaluate(() => window.playground!.waitForSerial('eduos> ', 30_000));
  await expect(panel.getByTestId('bench-progress')).toContainText('before the machine rebooted');
  const afterReboot = await panelData<BenchPanelData>(page, 'bench');
  expect(afterReboot.run).toBeNull();
  expect(afterReboot.result).toEqual(data.result);
  await expect(panel.locator('.bench-table tbody tr')).toHaveCount(5);
});
