// The registers panel: the real kernel runs in protected mode (CR0.PE = 1, CPL 0, EIP named by the debug info);
// on the hardware test kernel it shows paging on, CS = 0x08, and refreshes live until paused (the line above the panel
// says how often it is read, then that it is exact).
import { expect, test } from '@playwright/test';
import type { RegistersPanelData } from '../src/ui/panels/registers-panel.js';
import { bootHardwareTestKernel, bootRealKernel, openPanel, panelData, savePanelScreenshot } from './panel-helpers.js';

test('registers of the real kernel: protected mode, CPL 0, EIP → function', async ({ page }, testInfo) => {
  await bootRealKernel(page);
  const panel = await openPanel(page, 'registers');
  await expect(panel.locator('[data-register="cr0"] [data-bit="PE"]')).toHaveAttribute('data-set', 'true');
  await expect(panel.getByTestId('cpl')).toHaveText('CPL=0');
  const data = await panelData<RegistersPanelData>(page, 'registers');
  expect(data.control[0].set).toContain('PE');
  expect(data.segments.find((s) => s.name === 'cs')?.rpl).toBe(0);
  expect(data.control[0].set).toContain('PG'); // the kernel has turned paging on
  expect(await page.evaluate(() => window.playground?.panels())).toEqual(expect.arrayContaining(['registers', 'idt', 'gdt', 'pages']));
  await expect(panel.locator('[data-register="eip"]')).toContainText(data.eip.hex);
  expect(data.eip.symbol, 'EIP named by the debug information').toBeTruthy();
  await expect(panel.locator('[data-register="eip"]')).toContainText(data.eip.symbol!.split(' ')[0]);
  await savePanelScreenshot(page, 'registers', 'registers-real-kernel', testInfo);
});

test('registers refresh live while running and hold still when paused', async ({ page }, testInfo) => {
  const kernel = await bootHardwareTestKernel(page);
  const panel = await openPanel(page, 'registers');
  await expect(panel.locator('[data-register="cr0"] [data-bit="PG"]')).toHaveAttribute('data-set', 'true');
  await expect(panel.locator('[data-register="cs"]')).toContainText('0x0008');
  await expect(panel.locator('[data-register="tr"]')).toContainText('0x0028');

  const counts = panel.locator('p.mono', { hasText: 'instructions' });
  const first = await counts.textContent();
  await expect(counts).not.toHaveText(first ?? '', { timeout: 2_000 }); // the spinning kernel: the count moves on screen
  // The line above the panel says how often it is read, once a second of reads has passed, and that v86 runs in
  // the machine worker.
  const liveness = page.getByTestId('dock-liveness');
  await expect(liveness).toHaveText(/^live: read (once|[1-9]\d* times) a second \(v86 runs on a thread of its own\)$/, { timeout: 5_000 });

  await page.evaluate(() => window.playground?.pause());
  await expect(panel).toHaveAttribute('data-status', 'stopped');
  await expect(liveness).toHaveText('paused: exact, as the machine holds it now');
  const data = await panelData<RegistersPanelData>(page, 'registers');
  expect(data.eip.value).toBe(kernel.symbols.spin);
  await expect(counts).toContainText(data.instructionCount.toLocaleString('en'));
  await page.waitForTimeout(300);
  await expect(counts).toContainText(data.instructionCount.toLocaleString('en')); // paused: exact and still
  await savePanelScreenshot(page, 'registers', 'registers-test-kernel', testInfo);
});
