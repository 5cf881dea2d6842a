// The built page loads cleanly and its terminal runs a command.
import { test, expect } from '@playwright/test';
import { openWatched, typeCommand, screen } from './helpers';

test('the page loads with no console errors', async ({ page }) => {
  const errors = await openWatched(page);
  await expect(page.getByRole('heading', { name: 'dm-sandbox' })).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(errors).toEqual([]);
});

test('echo hello prints hello under the command', async ({ page }, info) => {
  const errors = await openWatched(page);
  await typeCommand(page, 'echo hello');
  await expect(screen(page).locator('.cmd').last()).toHaveText('[root@host ~]# echo hello');
  await expect(screen(page).locator('pre.out').last()).toHaveText('hello');
  await page.screenshot({ path: info.outputPath('terminal.png') });
  expect(errors).toEqual([]);
});

test('a fresh page already shows the machine: the space view says there is no thin pool yet', async ({ page }) => {
  await page.goto('/');
  await page.evaluate(() => localStorage.clear());
  const errors = await openWatched(page);
  await expect(page.getByTestId('view-space')).toContainText('No thin pool yet.');
  await page.getByRole('tab', { name: 'Storage stack' }).click();
  await expect(page.getByTestId('view-stack')).toContainText('xvdf');
  expect(errors).toEqual([]);
});
