// The IDT panel: 256 vectors read through IDTR. On the real kernel, once it loads an IDT, vector 14 is "Page Fault"
// with a handler symbol and source file, and the hits column counts each vector's interrupts (the timer's grows);
// on the hardware test kernel every gate is known, and there are no hit counters.
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

test('IDT hits of the real kernel: the timer’s vector 32 counts up, unused vectors stay at 0', async ({ page }, testInfo) => {
  await bootRealKernel(page);
  const panel = await openPanel(page, 'idt');
  const timerHits = async () => (await panelData<IdtPanelData>(page, 'idt')).hits?.[32] ?? -1;
  await expect.poll(timerHits, { timeout: 10_000 }).toBeGreaterThan(0);
  const first = await timerHits();
  await expect.poll(timerHits, { timeout: 10_000 }).toBeGreaterThan(first);
  const data = await panelData<IdtPanelData>(page, 'idt');
  expect(data.hits).toHaveLength(256);
  expect(data.hits![1], 'no debug exceptions').toBe(0);
  await expect(panel.locator('thead')).toContainText('hits');
  await expect(panel.locator('[data-vector="32"] td.hits')).toHaveText(/^[1-9][\d,]*$/);
  await page.evaluate(() => window.playground!.pause());
  const paused = await panelData<IdtPanelData>(page, 'idt');
  await expect(panel.locator('[data-vector="32"] td.hits')).toHaveText(paused.hits![32].toLocaleString('en'));
  await panel.locator('[data-vector="32"]').scrollIntoViewIfNeeded();
  await savePanelScreenshot(page, 'idt', 'idt-hits', testInfo);
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
  expect(data.hits, 'the test kernel has no introspection descriptor').toBeNull();
  await expect(panel).toContainText('no hit counters');
  await savePanelScreenshot(page, 'idt', 'idt-test-kernel', testInfo);
});
