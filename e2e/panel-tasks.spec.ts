// The tasks panel on the real kernel: idle and the shell with their priorities, the running task highlighted, a demo
// spawned over the serial terminal appears with where each waiting task is (a preempted busy task: in demos.ts), a
// row click opens the code; then a demo's priority edited in the project → Build & Run → the panel shows the new one.
import { expect, test } from '@playwright/test';
import type { TasksPanelData } from '../src/ui/panels/tasks-panel.js';
import type { TaskRow } from '../src/ui/decoders/task-table.js';
import { openPanel, panelData, savePanelScreenshot } from './panel-helpers.js';
import { BUILD_TIMEOUT_MS, collectPageErrors, openPlayground, PAGE_TEST_TIMEOUT_MS } from './playground-helpers.js';
import { typeShellCommand, waitForPrompt } from './shell-helpers.js';

type Available = Extract<TasksPanelData, { available: true }>;

async function tasksData(page: import('@playwright/test').Page): Promise<Available> {
  const data = await panelData<TasksPanelData>(page, 'tasks');
  if (!data.available) throw new Error(`tasks panel: ${data.reason}`);
  return data;
}

function task(data: Available, name: string): TaskRow {
  const found = data.tasks.find((row) => row.name === name);
  if (!found) throw new Error(`no task "${name}" in ${data.tasks.map((row) => row.name).join(', ')}`);
  return found;
}

test('the task table: idle and the shell, a spawned demo, where waiting tasks are, a row click opens the code', async ({ page }, testInfo) => {
  test.setTimeout(PAGE_TEST_TIMEOUT_MS);
  const pageErrors = collectPageErrors(page);
  await openPlayground(page);
  await waitForPrompt(page);
  const panel = await openPanel(page, 'tasks');
  await expect(panel.locator('tr[data-task-name="idle"] [data-priority]')).toHaveAttribute('data-priority', '0');
  await expect(panel.locator('tr[data-task-name="shell"] [data-priority]')).toHaveAttribute('data-priority', '3');
  await expect(panel.locator('tr[data-task-name="shell"]')).toContainText('high');
  const booted = await tasksData(page);
  expect(booted.tasks.filter((row) => row.running)).toHaveLength(1);
  await expect(panel.locator('tr.task-running')).toHaveCount(1);
  expect(booted.readyQueues.map((queue) => queue.priorityName)).toEqual(['idle', 'low', 'normal', 'high']);

  // A pause before the spawn: the next pause marks the tasks that are new since this one.
  await page.evaluate(() => window.playground!.pause());
  await page.evaluate(() => window.playground!.resume());
  await typeShellCommand(page, 'spawn busy', /spawned busy-b \(id \d+, priority 2\)/);
  await expect(panel.locator('tr[data-task-name="busy-a"] [data-priority]')).toHaveAttribute('data-priority', '2');
  await expect(panel.locator('tr[data-task-name="busy-b"]')).toBeVisible();

  await page.evaluate(() => window.playground!.pause());
  const paused = await tasksData(page);
  const busy = [task(paused, 'busy-a'), task(paused, 'busy-b')];
  expect(busy.map((row) => row.isNew), 'spawned since the last pause').toEqual([true, true]);
  expect(task(paused, 'idle').isNew).toBe(false);
  await expect(panel.locator('tr[data-task-name="busy-a"]')).toHaveClass(/changed/);
  // Two busy tasks of equal priority share the CPU: the one not running was preempted by the timer inside `busy`.
  const waiting = busy.find((row) => !row.running && row.state === 'ready')!;
  expect(waiting.savedEsp).toBeGreaterThanOrEqual(waiting.stackBase);
  expect(waiting.savedEsp).toBeLessThan(waiting.stackBase + waiting.stackSize);
  // (switchStacks is inlined into the scheduler at -O3, so the return address may be in either.)
  expect(waiting.symbol, 'a switched-out task’s EIP is in the scheduler’s switch').toMatch(/^(scheduler\/|arch\/x86\/context-switch)/);
  expect(waiting.waitingIn).toMatchObject({ kind: 'interrupted', symbol: { file: 'shell/demos.ts' } });
  const shell = task(paused, 'shell');
  expect(shell.running ? shell.symbol : shell.waitingIn?.text, 'the shell waits for input').toBeTruthy();
  expect(paused.readyQueues[2].taskNames.length + busy.filter((row) => row.running).length).toBe(2);
  await savePanelScreenshot(page, 'tasks', 'tasks-busy', testInfo);

  await panel.locator(`tr[data-task-name="${waiting.name}"] td`).first().click();
  await expect(page.locator('.editor-title')).toHaveText('shell/demos.ts');
  await expect(page.getByTestId('editor').locator('.active-line-number')).toHaveText(String(waiting.waitingIn!.symbol!.line));
  expect(pageErrors).toEqual([]);
});

test('edit a demo task’s priority → Build & Run → the task panel shows the new priority', async ({ page }, testInfo) => {
  test.setTimeout(BUILD_TIMEOUT_MS * 2);
  await openPlayground(page);
  await page.evaluate(async () => {
    const demos = await window.playground!.readFile('shell/demos.ts');
    const edited = demos.replace('startTwo("busy-a", busy, PRIORITY_NORMAL,', 'startTwo("busy-a", busy, PRIORITY_LOW,');
    if (edited === demos) throw new Error('shell/demos.ts has no startTwo("busy-a", busy, PRIORITY_NORMAL, … to edit');
    await window.playground!.writeFile('shell/demos.ts', edited);
  });
  const outcome = await page.evaluate(() => window.playground!.buildAndRun());
  expect(outcome.ok, outcome.message).toBe(true);
  await waitForPrompt(page);
  const panel = await openPanel(page, 'tasks');
  await typeShellCommand(page, 'spawn busy', /spawned busy-a \(id \d+, priority 1\)/);
  await expect(panel.locator('tr[data-task-name="busy-a"] [data-priority]')).toHaveAttribute('data-priority', '1');
  await expect(panel.locator('tr[data-task-name="busy-a"]')).toContainText('low');
  await expect(panel.locator('tr[data-task-name="busy-b"] [data-priority]')).toHaveAttribute('data-priority', '2');
  expect(task(await tasksData(page), 'busy-a')).toMatchObject({ priority: 1, priorityName: 'low' });
  await savePanelScreenshot(page, 'tasks', 'tasks-edited-priority', testInfo);
  await page.evaluate(() => window.playground!.resetAll());
});
