// The IDT panel: 256 vectors read through IDTR. On the real kernel, once it loads an IDT, vector 14 is "Page Fault"
// with a handler symbol and source file; on the hardware test kernel every gate is known.
import { expect, test } from '@playwright/test';
import { hex } from '../src/ui/decoders/cpu-state.js';
import type { IdtPanelData } from '../src/ui/panels/idt-panel.js';
import { bootHardwareTestKernel, bootRealKernel, openPanel, panelData, savePanelScreenshot } from './panel-helpers.js';

test('IDT of the real kernel: vector 14 is Page Fault with its handler (once the kernel has an IDT)', async ({ page }, testInfo) => {
  await bootRealKernel(page);
  const panel = await openPanel(page, 'idt');
  await expect(panel.locator('tbody tr')).toHaveCount(256);
  await expect(panel.locator('[data-vector="14"]')).toContainText('Page Fault');
  const data = await panelData<IdtPanelData>(page, 'idt');
  if (data.idtr.limit === 0) {
    await expect(panel).toContainText('no IDT loaded yet');
  } else {
    const row = data.rows[14];
    expect(row).toMatchObject({ present: true, selector: 8 });
    expect(row.symbol).not.toBe('');
    await expect(panel.locator('[data-vector="14"]')).toContainText(hex(row.handler));
    const file = row.dispatch?.file ?? row.handlerSymbol?.file;
    expect(file, 'the handler’s source file').toBeTruthy();
    await expect(panel.locator('[data-vector="14"]')).toContainText(file!);
  }
  await savePanelScreenshot(page, 'idt', 'idt-real-kernel', testInfo);
});

test('IDT of the hardware test kernel: gate types, selectors, DPLs and handlers', async ({ page }, testInfo) => {
  const kernel = await bootHardwareTestKernel(page);
  const panel = await openPanel(page, 'idt');
  const pageFault = panel.locator('[data-vector="14"]');
  await expect(pageFault).toContainText('Page Fault');
  await expect(pageFault).toContainText('32-Bit Interrupt Gate');
  await expect(pageFault).toContainText(`0x0008`);
  await expect(pageFault).toContainText(hex(kernel.symbols.isr_page_fault));
  const syscall = panel.locator('[data-vector="128"]');
  await expect(syscall).toContainText('System Call');
  await expect(syscall).toContainText('32-Bit Trap Gate');
  await expect(panel.locator('[data-vector="32"]')).toContainText('IRQ 0');
  const data = await panelData<IdtPanelData>(page, 'idt');
  expect(data.presentCount).toBe(256);
  expect(data.rows[0x80].dpl).toBe(3);
  await savePanelScreenshot(page, 'idt', 'idt-test-kernel', testInfo);
});
