// The pages panel: on the real kernel, the page tables from CR3 with the kernel's identity map; on the hardware test
// kernel, known ranges, the tree, the translate box's walk and the frame picture.
import { expect, test } from '@playwright/test';
import type { PagesPanelData } from '../src/ui/panels/pages-panel.js';
import { bootHardwareTestKernel, bootRealKernel, openPanel, panelData, savePanelScreenshot } from './panel-helpers.js';

test('pages of the real kernel: its page tables map the kernel one to one', async ({ page }, testInfo) => {
  await bootRealKernel(page);
  const panel = await openPanel(page, 'pages');
  await expect(panel.getByTestId('frame-map')).toBeVisible();
  const data = await panelData<PagesPanelData>(page, 'pages');
  const walk = data.walk;
  if (!walk.enabled) throw new Error(`the kernel runs with paging off: ${walk.reason}`);
  const kernelData = walk.ranges.find((r) => r.virtualStart <= 0x400000 && 0x400000 < r.virtualStart + r.size);
  expect(kernelData, 'a range maps the descriptor page at 4 MiB').toBeDefined();
  expect(kernelData!.physicalStart, 'identity-mapped').toBe(kernelData!.virtualStart);
  await expect(panel.getByRole('table', { name: 'Mapped ranges' })).toContainText(walk.ranges[0].rights);
  expect(data.frames.frameCount).toBeGreaterThan(0);
  await savePanelScreenshot(page, 'pages', 'pages-real-kernel', testInfo);
});

test('pages of the hardware test kernel: ranges, tree, translate box and frame picture', async ({ page }, testInfo) => {
  await bootHardwareTestKernel(page);
  const panel = await openPanel(page, 'pages');
  const ranges = panel.getByRole('table', { name: 'Mapped ranges' });
  await expect(ranges).toContainText('0x40000000-0x40002000');
  await expect(ranges).toContainText('0x00500000-0x00502000');

  await panel.locator('[data-pde="256"] button').click();
  const table = panel.getByRole('table', { name: 'page table at 0x00202000' });
  await expect(table.locator('tbody tr')).toHaveCount(3);
  await expect(table.locator('tbody tr').first()).toContainText('0x00500000');

  await panel.getByLabel('translate virtual address').fill('0x40001234');
  const steps = panel.getByTestId('translate-steps');
  await expect(steps).toContainText('PDE [bits 31–22 = 256] at 0x00200400');
  await expect(steps).toContainText('PTE [bits 21–12 = 1] at 0x00202004');
  await expect(steps).toContainText('physical 0x00501234');
  await panel.getByLabel('translate virtual address').fill('c0000000');
  await expect(steps).toContainText('page fault: directory entry not present');

  await expect(panel.locator('[data-owner="page-tables"]')).toBeVisible();
  await expect(panel.locator('[data-owner="remapped"]')).toBeVisible();
  const data = await panelData<PagesPanelData>(page, 'pages');
  expect(data.walk.enabled && data.walk.tableFrames).toEqual([0x200000, 0x201000, 0x202000]);
  await savePanelScreenshot(page, 'pages', 'pages-test-kernel', testInfo);
});
