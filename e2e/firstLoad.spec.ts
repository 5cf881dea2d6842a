// The first-load JS budget of issue 5 (≤ 150 KB gzip, the engine worker included) kept by every test run, so a change
// that outgrows it fails here and not only in `npm run bench`, which prints the same figure with the other budgets.
import { test, expect } from '@playwright/test';
import { gzipSync } from 'node:zlib';

const BUDGET_BYTES = 150 * 1024;

test('a fresh visit loads at most 150 KB of gzipped JavaScript, worker included', async ({ page }) => {
  const sizes: Promise<{ url: string; gz: number }>[] = [];
  page.on('response', (r) => {
    if (r.url().endsWith('.js')) sizes.push(r.body().then((b) => ({ url: r.url(), gz: gzipSync(b).length })));
  });
  await page.goto('/');
  await expect(page.getByTestId('terminal-input')).toBeVisible();
  await expect(page.getByTestId('view-space')).toContainText('No thin pool yet.');
  await page.waitForLoadState('networkidle');
  const files = await Promise.all(sizes);
  const total = files.reduce((n, f) => n + f.gz, 0);
  expect(
    files.some((f) => f.url.includes('sandbox.worker')),
    'the engine worker is counted',
  ).toBe(true);
  expect(total, files.map((f) => `${f.url.split('/').pop()} ${f.gz}`).join(', ')).toBeLessThanOrEqual(BUDGET_BYTES);
});
