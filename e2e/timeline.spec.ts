// The timeline: every command is a step; stepping back replays on a fresh machine, forward runs the next command.
import { test, expect } from '@playwright/test';
import { openWatched, typeCommand, screen } from './helpers';

test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await page.evaluate(() => localStorage.clear());
});

test('step back and forward move through the commands', async ({ page }, info) => {
  const errors = await openWatched(page);
  await typeCommand(page, 'echo a');
  await typeCommand(page, 'echo b');
  await typeCommand(page, 'echo c');
  const pos = page.getByTestId('timeline-position');
  await expect(pos).toHaveText('step 3 of 3');

  await page.getByRole('button', { name: 'Step back' }).click();
  await expect(pos).toHaveText('step 2 of 3');
  await expect(screen(page).locator('pre.out')).toHaveText(['a', 'b']);

  await page.getByRole('button', { name: 'Go to start' }).click();
  await expect(pos).toHaveText('step 0 of 3');
  await expect(screen(page).locator('pre.out')).toHaveCount(0);

  await page.getByRole('button', { name: 'Step forward' }).click();
  await expect(pos).toHaveText('step 1 of 3');
  await expect(screen(page).locator('pre.out')).toHaveText(['a']);

  await page.getByRole('button', { name: 'Go to end' }).click();
  await expect(screen(page).locator('pre.out')).toHaveText(['a', 'b', 'c']);
  await page.screenshot({ path: info.outputPath('timeline.png') });
  expect(errors).toEqual([]);
});

test('stepping back undoes a command’s effect on the machine', async ({ page }) => {
  await openWatched(page);
  await typeCommand(page, 'echo kept > /tmp/f');
  await typeCommand(page, 'echo gone >> /tmp/f');
  await page.getByRole('button', { name: 'Step back' }).click();
  await expect(page.getByTestId('timeline-position')).toHaveText('step 1 of 2');
  await typeCommand(page, 'cat /tmp/f');
  await expect(screen(page).locator('pre.out').last()).toHaveText('kept');
  // A new command after stepping back drops the steps that came after.
  await expect(page.getByTestId('timeline-position')).toHaveText('step 2 of 2');
});

test('play runs the remaining steps', async ({ page }) => {
  await openWatched(page);
  await typeCommand(page, 'echo a');
  await typeCommand(page, 'echo b');
  await page.getByRole('button', { name: 'Go to start' }).click();
  await expect(page.getByTestId('timeline-position')).toHaveText('step 0 of 2');
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(page.getByTestId('timeline-position')).toHaveText('step 2 of 2', { timeout: 5000 });
});

test('the scrubber jumps to a step', async ({ page }) => {
  await openWatched(page);
  for (const c of ['echo a', 'echo b', 'echo c']) await typeCommand(page, c);
  await page.getByRole('slider', { name: 'Step' }).fill('1');
  await expect(page.getByTestId('timeline-position')).toHaveText('step 1 of 3');
});
