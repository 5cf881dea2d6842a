// Sessions survive: reloads restore them, links carry them, a broken link loses nothing.
import { test, expect } from '@playwright/test';
import lz from 'lz-string';

const { compressToEncodedURIComponent } = lz;
import { openWatched, typeCommand, screen } from './helpers';

test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await page.evaluate(() => localStorage.clear());
});

test('a reload restores the session where it was', async ({ page }) => {
  await openWatched(page);
  await typeCommand(page, 'echo before');
  await typeCommand(page, 'echo reload');
  await expect(page.getByTestId('timeline-position')).toHaveText('step 2 of 2');
  await page.goto('/');
  await expect(screen(page).locator('pre.out')).toHaveText(['before', 'reload']);
  await expect(page.getByTestId('timeline-position')).toHaveText('step 2 of 2');
});

test('a link replays its script up to its step and shows its view', async ({ page }) => {
  const s = compressToEncodedURIComponent('echo one\necho two\necho three');
  const errors = await openWatched(page, `/#s=${s}&step=2&view=stack`);
  await expect(page.getByTestId('timeline-position')).toHaveText('step 2 of 3');
  await expect(screen(page).locator('pre.out')).toHaveText(['one', 'two']);
  await expect(page.getByRole('tab', { name: 'Storage stack' })).toHaveAttribute('aria-selected', 'true');
  expect(errors).toEqual([]);
});

test('the address follows the session, so copying it shares it', async ({ page }) => {
  await openWatched(page);
  await typeCommand(page, 'echo shared');
  await expect(page).toHaveURL(new RegExp(`#s=${compressToEncodedURIComponent('echo shared')}`));
});

test('a broken link says so and keeps the saved session', async ({ page }) => {
  await openWatched(page);
  await typeCommand(page, 'echo precious');
  await expect(page.getByTestId('timeline-position')).toHaveText('step 1 of 1');
  await page.goto('/#s=%%%broken&step=x');
  await expect(screen(page).locator('.notice.error')).toContainText('This link could not be read');
  await expect(screen(page).locator('pre.out')).toHaveText(['precious']);
});

test('the embed page shows the terminal and views without the header', async ({ page }) => {
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/embed.html?theme=dark');
  // An embed waits for a click before it starts its engine.
  await page.getByRole('button', { name: /Start the simulation/ }).click();
  await expect(page.getByTestId('terminal-input')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'dm-sandbox' })).toHaveCount(0);
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await typeCommand(page, 'echo embedded');
  await expect(screen(page).locator('pre.out')).toHaveText(['embedded']);
  expect(errors).toEqual([]);
});
