// The block map opens on the pool's used blocks, still pans and zooms, shows the whole pool on demand, and a click on
// a block a container maps opens the read path of that container at that block.
import { test, expect, type Page } from '@playwright/test';
import { openWatched } from './helpers';
import { paste } from './paste';

const loopLvmWithWeb = [
  'sudo systemctl stop docker',
  'cat > /etc/docker/daemon.json <<\'JSON\'\n{ "storage-driver": "devicemapper" }\nJSON',
  'sudo systemctl start docker',
  'docker run -d --name web ubuntu sleep infinity',
].join('\n');

// Share of the canvas painted in a block colour (saturated), as opposed to free blocks (grey) or nothing.
function usedShare(page: Page): Promise<number> {
  return page
    .getByTestId('view-blocks')
    .locator('canvas')
    .evaluate((c: HTMLCanvasElement) => {
      const px = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
      let used = 0;
      for (let o = 0; o < px.length; o += 4) {
        const hi = Math.max(px[o], px[o + 1], px[o + 2]);
        const lo = Math.min(px[o], px[o + 1], px[o + 2]);
        if (px[o + 3] > 0 && hi - lo > 50) used++;
      }
      return used / (px.length / 4);
    });
}

// The block the tooltip names at a point of the canvas.
async function blockUnder(page: Page, x: number, y: number): Promise<{ block: number; text: string }> {
  const canvas = page.getByTestId('view-blocks').locator('canvas');
  const box = (await canvas.boundingBox())!;
  await page.mouse.move(box.x + x, box.y + y);
  const tip = page.getByRole('tooltip');
  await expect(tip).toBeVisible();
  const text = (await tip.textContent())!;
  return { block: Number(/^block (\d+):/.exec(text)![1]), text };
}

async function openBlockMap(page: Page): Promise<void> {
  await paste(page, loopLvmWithWeb);
  await expect(page.getByTestId('timeline-position')).toHaveText('step 4 of 4', { timeout: 20_000 });
  await page.getByRole('tab', { name: 'Block map' }).click();
  await expect(page.getByTestId('blocks-summary')).toContainText('1638400 data blocks');
}

test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await page.evaluate(() => localStorage.clear());
});

test('the block map first frames the used start of a loop pool, and shows the whole pool on demand', async ({
  page,
}, info) => {
  const errors = await openWatched(page);
  await openBlockMap(page);
  await expect(page.getByTestId('blocks-frame')).toContainText('of 1638400, where the used ones are');
  await expect.poll(() => usedShare(page), { timeout: 5_000 }).toBeGreaterThan(0.5);
  await page.screenshot({ path: info.outputPath('block-map-framed.png') });

  await page.getByRole('button', { name: 'Show whole pool' }).click();
  await expect.poll(() => usedShare(page), { timeout: 5_000 }).toBeLessThan(0.05);
  await page.screenshot({ path: info.outputPath('block-map-whole.png') });

  await page.getByRole('button', { name: 'Frame used blocks' }).click();
  await expect.poll(() => usedShare(page), { timeout: 5_000 }).toBeGreaterThan(0.5);
  expect(errors).toEqual([]);
});

test('the framed block map still zooms with the wheel', async ({ page }) => {
  await openWatched(page);
  await openBlockMap(page);
  const canvas = page.getByTestId('view-blocks').locator('canvas');
  const box = (await canvas.boundingBox())!;
  const before = await blockUnder(page, box.width / 2, box.height / 2);
  // Zooming in about the top-left corner brings blocks nearer block 0 under the same point.
  await page.mouse.move(box.x + 2, box.y + 2);
  await page.mouse.wheel(0, -400);
  await page.waitForTimeout(300);
  const after = await blockUnder(page, box.width / 2, box.height / 2);
  expect(after.block).toBeLessThan(before.block);
});

test('a click on a block the container maps opens the read path of that container at that block', async ({
  page,
}, info) => {
  const errors = await openWatched(page);
  await openBlockMap(page);
  const canvas = page.getByTestId('view-blocks').locator('canvas');
  const box = (await canvas.boundingBox())!;
  const { block, text } = await blockUnder(page, box.width / 2, box.height / 3);
  expect(text).toContain('refcount');
  await expect(page.getByRole('tooltip')).toContainText('click to follow the read from web');
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 3);

  await expect(page.getByRole('tab', { name: 'Read path' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('read-summary')).toContainText('of web is provided by');
  // The read resolves to the very data block that was clicked.
  await expect(page.getByTestId('read-target')).toContainText(`(${block}) of`);
  await expect(page.getByTestId('read-provider')).toBeVisible();
  await page.screenshot({ path: info.outputPath('read-path-from-block-map.png') });
  expect(errors).toEqual([]);
});

// The canvas point (in CSS pixels) at the middle of a run of pixels painted exactly `rgb`, or null when none is.
function pointPainted(page: Page, rgb: number[]): Promise<{ x: number; y: number } | null> {
  return page
    .getByTestId('view-blocks')
    .locator('canvas')
    .evaluate((c: HTMLCanvasElement, want: number[]) => {
      const { width, height } = c;
      const px = c.getContext('2d')!.getImageData(0, 0, width, height).data;
      const is = (x: number, y: number) => {
        const o = (y * width + x) * 4;
        return px[o] === want[0] && px[o + 1] === want[1] && px[o + 2] === want[2] && px[o + 3] === 255;
      };
      // A pixel whose neighbours share its colour lies inside a block, away from cell outlines and numbers.
      for (let y = 1; y < height - 1; y++)
        for (let x = 1; x < width - 1; x++)
          if (is(x, y) && is(x - 1, y) && is(x + 1, y) && is(x, y - 1) && is(x, y + 1)) {
            const r = c.width / c.getBoundingClientRect().width;
            return { x: x / r, y: y / r };
          }
      return null;
    }, rgb);
}

function rgbOf(css: string): number[] {
  return css.match(/\d+/g)!.slice(0, 3).map(Number);
}

test('the legend names the container’s colour, the very colour its own blocks are painted in', async ({
  page,
}, info) => {
  const errors = await openWatched(page);
  await paste(page, `${loopLvmWithWeb}\ndocker exec web dd if=/dev/zero of=/data bs=1M count=8`);
  await expect(page.getByTestId('timeline-position')).toHaveText('step 5 of 5', { timeout: 20_000 });
  await page.getByRole('tab', { name: 'Block map' }).click();
  const legend = page.getByTestId('blocks-legend');
  // The blocks dd provisioned flash green, and the legend says so only while they do.
  await expect(legend.getByTestId('legend-provisioned')).toContainText('provisioned by the last command');
  await expect(legend.getByTestId('legend-provisioned')).toHaveCount(0, { timeout: 5_000 });
  await expect(legend).toContainText('free');
  await expect(legend).toContainText('shared by several devices');

  const entry = legend.getByTestId('legend-device').filter({ hasText: 'container web' });
  await expect(entry).toHaveCount(1);
  const devId = Number(/(\d+) container web/.exec((await entry.textContent())!)![1]);
  const swatch = rgbOf(await entry.locator('.sw').evaluate((e) => getComputedStyle(e).backgroundColor));

  // A pixel in that colour is a block web alone maps (refcount 1, provisioned by web's device).
  let at: { x: number; y: number } | null = null;
  await expect.poll(async () => (at = await pointPainted(page, swatch)), { timeout: 5_000 }).not.toBeNull();
  const box = (await page.getByTestId('view-blocks').locator('canvas').boundingBox())!;
  await page.mouse.move(box.x + at!.x, box.y + at!.y);
  await expect(page.getByRole('tooltip')).toContainText(`refcount 1, provisioned by device ${devId}`);
  await expect(page.getByRole('tooltip')).toContainText(`mapped by web @`);
  await page.screenshot({ path: info.outputPath('block-map-legend.png') });
  expect(errors).toEqual([]);
});

test('with a device selected the legend shows the selection’s colours, as painted over its blocks', async ({
  page,
}) => {
  const errors = await openWatched(page);
  await paste(page, `${loopLvmWithWeb}\ndocker exec web dd if=/dev/zero of=/data bs=1M count=8`);
  await expect(page.getByTestId('timeline-position')).toHaveText('step 5 of 5', { timeout: 20_000 });
  await page.getByRole('tab', { name: 'Block map' }).click();
  const legend = page.getByTestId('blocks-legend');
  await expect(legend.getByTestId('legend-provisioned')).toHaveCount(0, { timeout: 5_000 });
  const select = page.getByTestId('blocks-device');
  const option = select.locator('option', { hasText: 'container web' });
  await select.selectOption((await option.getAttribute('value'))!);

  const own = legend.locator('li', { hasText: 'container web alone' });
  await expect(own).toHaveCount(1);
  await expect(legend.locator('li', { hasText: 'container web with other devices' })).toHaveCount(1);
  await expect(legend).toContainText('the rest dimmed');
  const colour = rgbOf(await own.locator('.sw').evaluate((e) => getComputedStyle(e).backgroundColor));

  let at: { x: number; y: number } | null = null;
  await expect.poll(async () => (at = await pointPainted(page, colour)), { timeout: 5_000 }).not.toBeNull();
  const box = (await page.getByTestId('view-blocks').locator('canvas').boundingBox())!;
  await page.mouse.move(box.x + at!.x, box.y + at!.y);
  await expect(page.getByRole('tooltip')).toContainText('refcount 1');
  await expect(page.getByRole('tooltip')).toContainText('mapped by web @');

  // Back to no device: the selection's entries leave the legend.
  await select.selectOption('-1');
  await expect(own).toHaveCount(0);
  expect(errors).toEqual([]);
});
