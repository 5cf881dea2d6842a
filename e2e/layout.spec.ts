// The page fits its screen at every width: no sideways scrolling of the page, the prompt and every view tab reachable,
// and wide content (the resize commands) scrolls inside its own box.
import { test, expect, type Page } from '@playwright/test';
import lz from 'lz-string';
import { openWatched } from './helpers';
import { viewNames } from '../src/lib/viewNames';

const { compressToEncodedURIComponent } = lz;

// A short story that fills every view: a loop-lvm pool, a container that wrote a file, a read through its snapshots.
const story = [
  'sudo systemctl stop docker',
  'cat > /etc/docker/daemon.json <<\'JSON\'\n{ "storage-driver": "devicemapper" }\nJSON',
  'sudo systemctl start docker',
  'docker run -d --name web ubuntu sleep infinity',
  'docker exec web sh -c "echo hello > /hello.txt"',
  'sim read web 0x44f',
].join('\n');

/** How far the page reaches beyond the right edge of the window (0 when it fits). */
function sidewaysOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
}

test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await page.evaluate(() => localStorage.clear());
});

for (const width of [390, 700, 1400]) {
  test(`at ${width} px wide the page never scrolls sideways and every view tab works`, async ({ page }, info) => {
    await page.setViewportSize({ width, height: 800 });
    const errors = await openWatched(page, `/#s=${compressToEncodedURIComponent(story)}`);
    await expect(page.getByTestId('timeline-position')).toHaveText('step 6 of 6', { timeout: 20_000 });
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);

    const tabs = page.getByRole('tab');
    await expect(tabs).toHaveCount(viewNames.length);
    for (const name of viewNames) {
      const tab = page.locator(`#tab-${name}`);
      await tab.click();
      await expect(tab).toHaveAttribute('aria-selected', 'true');
      await expect(page.getByTestId(`view-${name}`)).toBeVisible();
      expect(await sidewaysOverflow(page), `view ${name}`).toBeLessThanOrEqual(0);
    }

    // The resize commands' longest line (dmsetup reload … --table "…") scrolls inside its block.
    const commands = page.getByTestId('resize-commands');
    await expect(commands).toContainText('dmsetup reload');
    const scrolled = await commands.evaluate((pre) => {
      pre.scrollLeft = pre.scrollWidth;
      return { left: pre.scrollLeft, right: pre.getBoundingClientRect().right };
    });
    if (width < 1400) expect(scrolled.left).toBeGreaterThan(0);
    expect(scrolled.right).toBeLessThanOrEqual(width);

    // The prompt and the tabs are in the window and take a click (nothing covers them).
    const input = page.getByTestId('terminal-input');
    await input.click();
    await expect(input).toBeFocused();
    for (const name of viewNames) await page.locator(`#tab-${name}`).click({ trial: true });
    await page.locator('#tab-space').click();
    await expect(page.locator('#tab-space')).toBeInViewport();
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);

    await page.screenshot({ path: info.outputPath(`layout-${width}.png`), fullPage: true });
    expect(errors).toEqual([]);
  });
}

test('on a phone the lessons lie over the page and presenter mode stacks terminal and views, never sideways', async ({
  page,
}, info) => {
  await page.setViewportSize({ width: 390, height: 800 });
  const errors = await openWatched(page, `/#s=${compressToEncodedURIComponent(story)}`);
  await expect(page.getByTestId('timeline-position')).toHaveText('step 6 of 6', { timeout: 20_000 });
  await page.getByTestId('lessons-toggle').click();
  await expect(page.getByTestId('lesson-panel')).toBeVisible();
  expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
  const panel = (await page.getByTestId('lesson-panel').boundingBox())!;
  expect(panel.x + panel.width).toBeLessThanOrEqual(390);
  await page.screenshot({ path: info.outputPath('lessons-390.png') });
  // The panel covers the page, so it is closed from its own ✕.
  await page.getByTestId('lesson-panel').getByRole('button', { name: 'Close' }).click();
  await expect(page.getByTestId('lesson-panel')).toBeHidden();
  await page.getByTestId('presenter-toggle').click();
  await expect(page.locator('html')).toHaveAttribute('data-present', '1');
  expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
  const term = (await page.locator('section.term').boundingBox())!;
  const views = (await page.locator('section.views').boundingBox())!;
  expect(views.y).toBeGreaterThanOrEqual(term.y + term.height - 1);
  await page.screenshot({ path: info.outputPath('presenter-390.png') });
  expect(errors).toEqual([]);
});

test('every lesson fits its panel: long paths wrap instead of running past the edge', async ({ page }) => {
  await page.setViewportSize({ width: 1400, height: 900 });
  await openWatched(page);
  await page.getByTestId('lessons-toggle').click();
  // The lesson list is loaded on first open: wait for it before counting.
  await expect(page.getByTestId('lesson-open').first()).toBeVisible();
  const count = await page.getByTestId('lesson-open').count();
  expect(count).toBeGreaterThan(3);
  for (let i = 0; i < count; i++) {
    await page.getByTestId('lesson-open').nth(i).click();
    await expect(page.getByTestId('lesson')).toBeVisible();
    const panel = page.getByTestId('lesson-panel');
    // The text's own extent, which overflows its boxes without changing their sizes.
    const spill = await panel.evaluate((el) => {
      const range = document.createRange();
      range.selectNodeContents(el);
      const contentRight = el.getBoundingClientRect().right - parseFloat(getComputedStyle(el).paddingRight);
      return range.getBoundingClientRect().right - contentRight;
    });
    expect(spill, `lesson ${i}`).toBeLessThanOrEqual(0);
    await page.getByRole('button', { name: '← All lessons' }).click();
  }
});
