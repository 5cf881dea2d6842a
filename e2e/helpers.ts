// Shared steps of the browser tests: open the page with console watching, type into the terminal, read its screen.
import { expect, type Page } from '@playwright/test';

/** Opens `path` and records every console error and uncaught exception into the returned list. */
export async function openWatched(page: Page, path = '/'): Promise<string[]> {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(path);
  await expect(page.getByTestId('terminal-input')).toBeVisible();
  return errors;
}

/** Types a command at the prompt and presses Enter, as a person would. */
export async function typeCommand(page: Page, command: string): Promise<void> {
  const input = page.getByTestId('terminal-input');
  await input.click();
  await input.pressSequentially(command);
  await input.press('Enter');
}

/** The terminal's screen. */
export function screen(page: Page) {
  return page.getByTestId('screen');
}
