// The snapshot tree is drawn top-down inside its panel: base first, each snapshot below its origin, no label over another.
import { test, expect } from '@playwright/test';
import { openWatched } from './helpers';
import { paste } from './paste';

const twoImages = [
  'sudo systemctl stop docker',
  "cat > /etc/docker/daemon.json <<'JSON'\n{ \"storage-driver\": \"devicemapper\" }\nJSON",
  'sudo systemctl start docker',
  'docker run -d --name web ubuntu sleep infinity',
  'docker run -d --name box busybox sleep 3600',
].join('\n');

test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await page.evaluate(() => localStorage.clear());
});

test('the snapshot tree with ubuntu, busybox and two containers fits its panel with no overlapping labels', async ({ page }, info) => {
  const errors = await openWatched(page);
  await paste(page, twoImages);
  await expect(page.getByTestId('timeline-position')).toHaveText('step 5 of 5', { timeout: 20_000 });
  await page.getByRole('tab', { name: 'Snapshots' }).click();
  const tree = page.getByTestId(/^tree-docker-/);
  await expect(tree).toContainText('container box');

  const panel = (await page.getByTestId('view-tree').boundingBox())!;
  const labels = await tree.locator('svg text').evaluateAll((els) =>
    els.map((e) => {
      const r = e.getBoundingClientRect();
      return { text: e.textContent!, x: r.x, y: r.y, right: r.right, bottom: r.bottom };
    }),
  );
  expect(labels.length).toBe(2 * 11);
  for (const l of labels) expect(l.right).toBeLessThanOrEqual(panel.x + panel.width);
  for (let i = 0; i < labels.length; i++)
    for (let j = i + 1; j < labels.length; j++) {
      const [a, b] = [labels[i], labels[j]];
      const overlap = a.x < b.right && b.x < a.right && a.y < b.bottom && b.y < a.bottom;
      expect(overlap, `${a.text} / ${b.text}`).toBe(false);
    }

  // Top-down: the base first, then the chain of the ubuntu container downwards.
  const top = (s: string) => labels.find((l) => l.text.includes(s))!.y;
  expect(labels[0].text).toMatch(/^1 · base$/);
  expect(top('ubuntu:latest layer 1/5')).toBeLessThan(top('ubuntu:latest layer 5/5'));
  expect(top('ubuntu:latest layer 5/5')).toBeLessThan(top('web-init'));
  expect(top('web-init')).toBeLessThan(top('container web'));
  await page.screenshot({ path: info.outputPath('snapshot-tree.png') });
  expect(errors).toEqual([]);
});
