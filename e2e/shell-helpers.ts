// Driving eduOS-ts's shell from the specs the way a user does: type a command into the serial terminal (xterm) and
// wait for what the kernel prints back.
import { expect, type Page } from '@playwright/test';

/** What the shell prints when it is ready for the next command. */
export const PROMPT = 'eduos> ';
const SHELL_TIMEOUT_MS = 30_000;

/** Waits until COM1 (since the last boot) shows the shell's prompt. */
export async function waitForPrompt(page: Page): Promise<void> {
  await page.evaluate(([prompt, timeout]) => window.playground!.waitForSerial(prompt, timeout), [PROMPT, SHELL_TIMEOUT_MS] as const);
}

/** Types `line` and Enter into the serial terminal, then waits until COM1 shows `expected`. */
export async function typeShellCommand(page: Page, line: string, expected: string | RegExp): Promise<void> {
  await page.getByTestId('serial').locator('.xterm').click();
  await page.keyboard.type(line);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('serial')).toContainText(expected, { timeout: SHELL_TIMEOUT_MS });
}
