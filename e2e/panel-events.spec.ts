// The events panel on the real kernel: timer interrupts and context switches (two busy tasks sharing the CPU) on
// the timeline and in the list, named; the page-fault storm demo's page faults; events since the last pause marked.
import { expect, test, type Page } from '@playwright/test';
import type { EventsPanelData } from '../src/ui/panels/events-panel.js';
import { markCentre } from '../src/ui/panels/EventTimelineCanvas.js';
import { bootRealKernel, openPanel, panelData, savePanelScreenshot } from './panel-helpers.js';
import { PAGE_TEST_TIMEOUT_MS } from './playground-helpers.js';
import { typeShellCommand, waitForPrompt } from './shell-helpers.js';

type Available = Extract<EventsPanelData, { available: true }>;

async function eventsData(page: Page): Promise<Available> {
  const data = await panelData<EventsPanelData>(page, 'events');
  if (!data.available) throw new Error(`events panel: ${data.reason}`);
  return data;
}

test('timer interrupts, context switches and page faults on the timeline; events since the last pause marked', async ({ page }, testInfo) => {
  test.setTimeout(PAGE_TEST_TIMEOUT_MS);
  await bootRealKernel(page);
  await waitForPrompt(page);
  const panel = await openPanel(page, 'events');
  const timeline = panel.getByTestId('event-timeline');
  await expect(timeline).toBeVisible();
  // The timeline spans the panel's width, its time axis in view to its end.
  const [panelBox, timelineBox] = [await panel.boundingBox(), await timeline.boundingBox()];
  expect(timelineBox!.x + timelineBox!.width).toBeLessThanOrEqual(panelBox!.x + panelBox!.width);
  expect(timelineBox!.width).toBeGreaterThan(panelBox!.width - 40);

  await typeShellCommand(page, 'spawn busy', /spawned busy-b/);
  // Round robin between the two busy tasks: switches from one to the other.
  const busySwitch = /^switch \d+ busy-[ab] → \d+ busy-[ab]$/;
  await expect.poll(async () => (await eventsData(page)).rows.some((row) => row.lane === 'context switch' && busySwitch.test(row.label)), { timeout: 20_000 }).toBe(true);
  const sharing = await eventsData(page);
  expect(sharing.rows.length).toBe(Math.min(128, sharing.eventCount));
  expect(sharing.rows.some((row) => row.label === 'IRQ 0 PIT timer' && row.lane === 'interrupt')).toBe(true);
  expect(sharing.cyclesPerMs, 'the counter rate, from the timer interrupts').toBeGreaterThan(0);
  // The timeline is a canvas: its data attributes say how many marks of each kind it drew.
  await expect(timeline).toHaveAttribute('data-marks-interrupt', /^[1-9]\d*$/);
  await expect(timeline).toHaveAttribute('data-marks-context-switch', /^[1-9]\d*$/);
  await expect(panel.locator('.event-log li[data-kind="interrupt"]').filter({ hasText: 'IRQ 0 PIT timer' }).first()).toBeVisible();

  // Since the last pause: everything recorded between two pauses is marked, on the timeline and in the list.
  await page.evaluate(() => window.playground!.pause());
  const firstPause = await eventsData(page);
  await page.evaluate(() => window.playground!.resume());
  await expect.poll(async () => (await eventsData(page)).eventCount, { timeout: 10_000 }).toBeGreaterThan(firstPause.eventCount + 10);
  await page.evaluate(() => window.playground!.pause());
  const secondPause = await eventsData(page);
  const marked = secondPause.rows.filter((row) => row.isNew);
  expect(marked.length).toBeGreaterThan(0);
  expect(marked.every((row) => row.index >= firstPause.eventCount)).toBe(true);
  expect(secondPause.rows.filter((row) => !row.isNew).every((row) => row.index < firstPause.eventCount)).toBe(true);
  await expect(timeline).toHaveAttribute('data-marks-new', String(marked.length));
  // Hovering the newest event's mark names it (the canvas's title).
  const newest = secondPause.rows[secondPause.rows.length - 1];
  const plotWidth = Number(await timeline.getAttribute('data-plot-width'));
  await timeline.hover({ position: markCentre(newest, secondPause.spanCycles, plotWidth)! });
  await expect(timeline).toHaveAttribute('title', new RegExp(`^#${newest.index} at TSC \\d+: `));
  // The list's lines in the page (those near the view) are highlighted exactly when their event is marked.
  const lines = await panel.locator('.event-log li').evaluateAll((items) => items.map((li) => ({ index: Number(li.getAttribute('data-event-index')), changed: li.classList.contains('changed') })));
  expect(lines.length).toBeGreaterThan(0);
  expect(lines.filter((line) => line.changed).length).toBe(Math.min(marked.length, lines.length));
  for (const line of lines) expect(line.changed, `line of event ${line.index}`).toBe(line.index >= firstPause.eventCount);
  // The list, newest first: one line per event, its values in columns.
  const escaped = newest.label.slice(0, 40).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  await expect(panel.locator('.event-log li').first()).toHaveText(new RegExp(`^${newest.index} +[\\d.,]+ (ms|cycles) +${newest.lane} +${escaped}`));
  await savePanelScreenshot(page, 'events', 'events-busy', testInfo);
  // Only the lines near the view are in the page: scrolled to the end, the list shows the oldest event in the ring.
  const oldest = secondPause.rows[0];
  await expect(panel.locator(`.event-log li[data-event-index="${oldest.index}"]`)).toHaveCount(0);
  await panel.evaluate((body) => body.scrollTo(0, body.scrollHeight));
  await expect(panel.locator('.event-log li').last()).toHaveAttribute('data-event-index', String(oldest.index));
  await expect(panel.locator('.event-log li').last()).toBeInViewport();
  await page.evaluate(() => window.playground!.resume());

  // The page-fault storm: demand faults (exception 14 and a page-fault event each) by the pf-storm task.
  await typeShellCommand(page, 'spawn storm', /spawned pf-storm/);
  await expect.poll(async () => (await eventsData(page)).laneCounts['page fault'], { timeout: 30_000 }).toBeGreaterThan(0);
  const storm = await eventsData(page);
  const fault = storm.rows.find((row) => row.lane === 'page fault')!;
  expect(fault.label).toMatch(/^Page Fault at 0x[0-9a-f]{8} \(mapped on demand\)$/);
  expect(fault.task).toMatch(/^\d+ pf-storm$/);
  expect(storm.rows.some((row) => row.lane === 'exception' && row.label === 'Page Fault')).toBe(true);
  await expect(timeline).toHaveAttribute('data-marks-page-fault', /^[1-9]\d*$/);
  await savePanelScreenshot(page, 'events', 'events-page-faults', testInfo);
});
