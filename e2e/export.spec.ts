// Exports: the view as PNG and SVG, the transcript and the scenario as files, each checked for what it must contain.
import { test, expect, type Page, type Download } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { SaxesParser } from 'saxes';
import { openWatched, typeCommand } from './helpers';

async function exportFile(page: Page, kind: string): Promise<{ name: string; data: Buffer }> {
  await page.getByTestId('export-toggle').click();
  const [download]: [Download, void] = await Promise.all([page.waitForEvent('download'), page.getByTestId(`export-${kind}`).click()]);
  return { name: download.suggestedFilename(), data: await readFile((await download.path())!) };
}

test('the view, the transcript and the scenario are exported as valid files', async ({ page }) => {
  const errors = await openWatched(page, '/?lang=en');
  await typeCommand(page, 'echo hello export');
  await typeCommand(page, 'sudo lsblk');
  await page.getByRole('tab', { name: 'Storage stack' }).click();
  await expect(page.getByTestId('view-stack')).toContainText('xvdf');

  const png = await exportFile(page, 'png');
  expect(png.name).toBe('dm-sandbox-stack-step2.png');
  expect(png.data.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  expect(png.data.readUInt32BE(16)).toBeGreaterThan(100); // IHDR width

  const svg = await exportFile(page, 'svg');
  const svgText = svg.data.toString('utf8');
  expect(svgText.startsWith('<svg')).toBe(true);
  expect(svgText).toContain('xmlns="http://www.w3.org/2000/svg"');
  expect(svgText).toContain('xvdf');
  // The SVG is well-formed XML (a strict parser reads it to the end) and loads as an image.
  const parser = new SaxesParser({ xmlns: true });
  let root = '';
  parser.on('opentag', (t) => (root ||= t.local));
  parser.write(svgText).close();
  expect(root).toBe('svg');

  const transcript = (await exportFile(page, 'transcript')).data.toString('utf8');
  expect(transcript).toContain('$ echo hello export\nhello export\n$ sudo lsblk\nNAME');

  const scenario = await exportFile(page, 'scenario');
  expect(scenario.name).toMatch(/\.sh$/);
  expect(scenario.data.toString('utf8')).toBe('# title: dm-sandbox session\necho hello export\nsudo lsblk\n');
  expect(errors).toEqual([]);
});

test('the exported scenario replays to the same screen through its link', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openWatched(page, '/?lang=en');
  await typeCommand(page, 'sudo truncate -s 3G /root/f && ls -lh /root/f');
  await page.getByTestId('export-toggle').click();
  await page.getByTestId('export-link').click();
  // The clipboard is written asynchronously after the click: wait for it.
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toContain('#s=');
  const link = await page.evaluate(() => navigator.clipboard.readText());
  const other = await context.newPage();
  await other.goto(link);
  await expect(other.getByTestId('screen')).toContainText('3.0G');
});
