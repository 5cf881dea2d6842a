// Bad input loses nothing: garbage commands get the shell's message, a huge paste runs, the session carries on.
import { test, expect } from '@playwright/test';
import { openWatched, typeCommand, screen } from './helpers';
import { paste } from './paste';

test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await page.evaluate(() => localStorage.clear());
});

test('a garbage command gets bash’s message and the session goes on', async ({ page }) => {
  const errors = await openWatched(page);
  await typeCommand(page, 'echo kept');
  await typeCommand(page, 'qwxz --frobnicate ))');
  await expect(screen(page).locator('.notice.error').last()).toContainText('parse error at line 1');
  await expect(page.getByTestId('timeline-position')).toHaveText('step 1 of 1');
  await typeCommand(page, 'zzgarbage');
  await expect(screen(page).locator('pre.out').last()).toContainText('zzgarbage: command not found');
  await typeCommand(page, 'echo still here');
  await expect(screen(page).locator('pre.out').last()).toHaveText('still here');
  expect(errors).toEqual([]);
});

test('a huge paste runs every line and keeps the page responsive', async ({ page }) => {
  const errors = await openWatched(page);
  const lines = Array.from({ length: 3000 }, (_, i) => `echo line ${i}`).join('\n');
  await paste(page, lines);
  await expect(page.getByTestId('timeline-position')).toHaveText('step 3000 of 3000', { timeout: 30_000 });
  await typeCommand(page, 'echo after');
  await expect(screen(page).locator('pre.out').last()).toHaveText('after');
  expect(errors).toEqual([]);
});
