// Presenter mode: one view at a time, picked by digit keys, the terminal folded away with T, large type, motion only when allowed.
import { test, expect, type Page } from '@playwright/test';
import { openWatched, typeCommand } from './helpers';

// Docker on a loop pool with a container: every view has something to show.
const story = [
  'sudo systemctl stop docker',
  `echo '{ "storage-driver": "devicemapper" }' > /etc/docker/daemon.json`,
  'sudo systemctl start docker',
  'docker run -d --name web busybox sleep 1000',
];

async function present(page: Page): Promise<void> {
  for (const c of story) await typeCommand(page, c);
  await expect(page.getByTestId('timeline-position')).toHaveText(`step ${story.length} of ${story.length}`);
  await page.getByTestId('presenter-toggle').click();
  await expect(page.locator('html')).toHaveAttribute('data-present', '1');
}

test.beforeEach(async ({ page }) => {
  await page.goto('/?lang=en');
  await page.evaluate(() => localStorage.clear());
});

test('digits pick the one view shown and T folds the terminal so the view takes the page', async ({ page }, info) => {
  const errors = await openWatched(page, '/?lang=en');
  await present(page);
  const term = page.locator('section.term');
  const views = page.locator('section.views');
  const before = (await views.boundingBox())!.width;
  await page.keyboard.press('2');
  await expect(page.getByRole('tab', { name: /Snapshots/ })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('view-tree')).toBeVisible();
  await page.keyboard.press('t');
  await expect(term).toBeHidden();
  await expect(page.getByTestId('terminal-fold')).toHaveAttribute('aria-pressed', 'true');
  const folded = (await views.boundingBox())!.width;
  expect(folded).toBeGreaterThan(before * 1.3);
  expect(folded).toBeGreaterThan(page.viewportSize()!.width * 0.9);
  await page.keyboard.press('1');
  await expect(page.getByTestId('view-space')).toBeVisible();
  await page.screenshot({ path: info.outputPath('presenter-space.png'), animations: 'disabled' });
  await page.keyboard.press('3');
  await expect(page.getByTestId('view-blocks')).toBeVisible();
  await page.screenshot({ path: info.outputPath('presenter-blocks.png'), animations: 'disabled' });
  await page.keyboard.press('t');
  await expect(term).toBeVisible();
  await page.keyboard.press('2');
  await page.screenshot({ path: info.outputPath('presenter-tree-terminal.png'), animations: 'disabled' });
  expect(errors).toEqual([]);
});

test('presenter mode sets large type and leaves with Escape, terminal back', async ({ page }) => {
  await openWatched(page, '/?lang=en');
  const size = () => page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
  const normal = await size();
  await present(page);
  expect(await size()).toBeGreaterThanOrEqual(normal * 1.25);
  await page.getByTestId('terminal-fold').click();
  await expect(page.locator('section.term')).toBeHidden();
  await page.keyboard.press('Escape');
  await expect(page.locator('html')).not.toHaveAttribute('data-present', '1');
  await expect(page.locator('section.term')).toBeVisible();
  expect(await size()).toBe(normal);
});

test('a view picked by its key fades in, except when the reader prefers reduced motion', async ({ page }) => {
  await openWatched(page, '/?lang=en');
  await present(page);
  const animation = () => page.evaluate(() => getComputedStyle(document.querySelector('#view-panel > *')!).animationName);
  await page.keyboard.press('2');
  await expect.poll(animation).toBe('present-in');
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.keyboard.press('1');
  await expect(page.getByTestId('view-space')).toBeVisible();
  await expect.poll(animation).toBe('none');
});
