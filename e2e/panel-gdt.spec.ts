// The GDT panel, Bochs style. The real kernel has flat code and data segments at 0x08 and 0x10 and a TSS; the
// hardware test kernel's six descriptors are all known.
import { expect, test } from '@playwright/test';
import type { GdtPanelData } from '../src/ui/panels/gdt-panel.js';
import { bootHardwareTestKernel, bootRealKernel, openPanel, panelData, savePanelScreenshot } from './panel-helpers.js';

test('GDT of the real kernel: flat code and data segments and a TSS', async ({ page }, testInfo) => {
  await bootRealKernel(page);
  const panel = await openPanel(page, 'gdt');
  const data = await panelData<GdtPanelData>(page, 'gdt');
  expect(data.gdtr.limit).toBeGreaterThan(0);
  await expect(panel.locator('[data-selector="8"]')).toHaveAttribute('data-kind', 'code');
  await expect(panel.locator('[data-selector="8"]')).toContainText('CS');
  await expect(panel.locator('[data-selector="16"]')).toHaveAttribute('data-kind', 'data');
  await expect(panel.locator('[data-kind="tss"]')).toHaveCount(1);
  await savePanelScreenshot(page, 'gdt', 'gdt-real-kernel', testInfo);
});

test('GDT of the hardware test kernel: kernel and user segments and a busy TSS', async ({ page }, testInfo) => {
  await bootHardwareTestKernel(page);
  const panel = await openPanel(page, 'gdt');
  await expect(panel.locator('tbody tr')).toHaveCount(6);
  await expect(panel.locator('[data-selector="8"]')).toContainText('Execute/Read');
  await expect(panel.locator('[data-selector="8"]')).toContainText('0xffffffff');
  await expect(panel.locator('[data-selector="24"]')).toHaveAttribute('data-kind', 'code');
  await expect(panel.locator('[data-selector="40"]')).toContainText('32-Bit TSS (Busy)');
  await expect(panel.locator('[data-selector="40"]')).toContainText('TR');
  const data = await panelData<GdtPanelData>(page, 'gdt');
  expect(data.rows[1].bochs).toBe('gdt[0x0008]=Code segment, base=0x00000000, limit=0xffffffff, Execute/Read, 32-bit, DPL=0');
  await savePanelScreenshot(page, 'gdt', 'gdt-test-kernel', testInfo);
});
