// Importing a real pool's thin_dump XML into the page (file picker or drop), watching its progress, seeing the pool
// in the views, with the page responsive all along; exporting a pool; bad XML refused with thin_restore's message.
import { test, expect, type Page } from '@playwright/test';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { openWatched, screen, typeCommand } from './helpers';

/** A Docker-like dump: a base device and snapshots sharing two blocks of three, `mappings` block mappings in all. */
function bigDump(mappings: number): { xml: string; used: number; total: number } {
  const devices = 4;
  const per = mappings / devices;
  const total = 262144;
  const parts = [`<superblock uuid="" time="4" transaction="5" flags="0" version="2" data_block_size="128" nr_data_blocks="${total}">\n`];
  let next = per;
  for (let dev = 1; dev <= devices; dev++) {
    parts.push(`  <device dev_id="${dev}" mapped_blocks="${per}" transaction="${dev - 1}" creation_time="${dev - 1}" snap_time="${dev}">\n`);
    for (let o = 0; o < per; o++) {
      const own = dev === 1 || o % 3 === 0;
      parts.push(`    <single_mapping origin_block="${o}" data_block="${own && dev > 1 ? next++ : o}" time="${own ? dev - 1 : 0}"/>\n`);
    }
    parts.push('  </device>\n');
  }
  parts.push('</superblock>\n');
  return { xml: parts.join(''), used: next, total };
}

/** Starts recording main-thread tasks longer than 50 ms. */
async function watchLongTasks(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { longTasks: number[] };
    w.longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.longTasks.push(Math.round(e.duration));
    }).observe({ type: 'longtask' });
  });
}

test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await page.evaluate(() => localStorage.clear());
});

test('a 200,000-mapping dump imports with a progress bar reaching 100 % and no main-thread task over 50 ms', async ({ page }, info) => {
  test.setTimeout(90_000);
  const errors = await openWatched(page);
  const dump = bigDump(200_000);
  await watchLongTasks(page);
  // The percentages the bar shows while reading, sampled from the page itself.
  await page.evaluate(() => {
    const w = window as unknown as { seenPercents: number[] };
    w.seenPercents = [];
    new MutationObserver(() => {
      const p = document.querySelector('[data-testid="import-progress"]') as HTMLProgressElement | null;
      if (p && w.seenPercents[w.seenPercents.length - 1] !== p.value) w.seenPercents.push(p.value);
    }).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
  });
  // From a real file on disk, as a user picks it: a buffer would be decoded by script inside the page.
  const file = info.outputPath('big-pool.xml');
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, dump.xml);
  await page.getByTestId('import-input').setInputFiles(file);
  const status = page.getByTestId('import-status');
  await expect(status).toContainText('Imported big-pool.xml as pool big-pool', { timeout: 60_000 });
  await expect(page.getByTestId('import-percent')).toHaveText('100%');
  const seen = await page.evaluate(() => (window as unknown as { seenPercents: number[] }).seenPercents);
  expect(seen.some((p) => p > 0 && p < 100)).toBe(true);
  expect(seen[seen.length - 1]).toBe(100);

  await expect(screen(page)).toContainText('+ dmsetup create big-pool --table "0 33554432 thin-pool /dev/loop0 /dev/loop1 128 0 0"');
  const gauge = page.getByTestId('gauge-big-pool');
  await expect(gauge).toBeVisible();
  await expect(gauge).toContainText(`data ${dump.used} of ${dump.total} blocks used`);
  await page.getByRole('tab', { name: 'Snapshots' }).click();
  await expect(page.getByTestId('tree-big-pool')).toBeVisible();
  await page.screenshot({ path: info.outputPath('imported-pool.png') });

  const longTasks = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
  console.log(`long tasks during the import: ${JSON.stringify(longTasks)}`);
  expect(longTasks.filter((d) => d > 50)).toEqual([]);
  expect(errors).toEqual([]);
});

test('a dump dropped anywhere on the page becomes a pool', async ({ page }) => {
  const errors = await openWatched(page);
  const { xml, used } = bigDump(400);
  await page.evaluate((text) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], 'dropped.xml', { type: 'application/xml' }));
    const at = document.querySelector('main')!;
    at.dispatchEvent(new DragEvent('dragenter', { dataTransfer: dt, bubbles: true, cancelable: true }));
    at.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
    at.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, xml);
  await expect(page.getByTestId('import-status')).toContainText('Imported dropped.xml as pool dropped');
  await expect(page.getByTestId('drop-overlay')).toHaveCount(0);
  await expect(page.getByTestId('gauge-dropped')).toContainText(`data ${used} of 262144 blocks used`);
  await expect(page.getByTestId('timeline-position')).toHaveText('step 1 of 1');
  expect(errors).toEqual([]);
});

test('bad XML is refused with thin_restore\'s message and changes nothing', async ({ page }) => {
  const errors = await openWatched(page);
  await page.getByTestId('import-input').setInputFiles({ name: 'notes.xml', mimeType: 'application/xml', buffer: Buffer.from('hello world\n') });
  await expect(page.getByTestId('import-error')).toHaveText('Parse error at line 1:\nsyntax error');
  await expect(screen(page)).toContainText('Parse error at line 1:');
  await expect(page.getByTestId('timeline-position')).toHaveText('step 0 of 0');
  await expect(page.getByTestId('export-button')).toBeDisabled();
  expect(errors).toEqual([]);
});

test('the export button downloads the pool as thin_dump XML', async ({ page }) => {
  const errors = await openWatched(page);
  const { xml } = bigDump(40);
  await page.getByTestId('import-input').setInputFiles({ name: 'small.xml', mimeType: 'application/xml', buffer: Buffer.from(xml) });
  await expect(page.getByTestId('import-status')).toContainText('Imported small.xml as pool small');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-button').click()]);
  expect(download.suggestedFilename()).toBe('small.xml');
  const path = await download.path();
  const text = readFileSync(path!, 'utf8');
  expect(text.split('\n')[0]).toBe(
    '<superblock uuid="" time="4" transaction="5" flags="0" version="2" data_block_size="128" nr_data_blocks="262144">',
  );
  expect(text.match(/<device /g)).toHaveLength(4);
  expect(errors).toEqual([]);
});

test('after a reload the replayed import finds its file again and the pool is back', async ({ page }) => {
  const errors = await openWatched(page);
  const { xml, used } = bigDump(400);
  await page.getByTestId('import-input').setInputFiles({ name: 'kept.xml', mimeType: 'application/xml', buffer: Buffer.from(xml) });
  await expect(page.getByTestId('import-status')).toContainText('Imported kept.xml as pool kept');
  await page.reload();
  await expect(page.getByTestId('timeline-position')).toHaveText('step 1 of 1');
  await expect(page.getByTestId('gauge-kept')).toContainText(`data ${used} of 262144 blocks used`);
  await expect(screen(page)).not.toContainText('No such file');
  expect(errors).toEqual([]);
});

test('after a worker crash the replayed import finds its file again and the pool is back', async ({ page }) => {
  await openWatched(page);
  const { xml, used } = bigDump(400);
  await page.getByTestId('import-input').setInputFiles({ name: 'kept.xml', mimeType: 'application/xml', buffer: Buffer.from(xml) });
  await expect(page.getByTestId('import-status')).toContainText('Imported kept.xml as pool kept');
  const worker = page.workers().find((w) => w.url().includes('sandbox.worker'))!;
  // The next answer is never sent: the worker throws instead, as an engine bug escaping the API would.
  await worker.evaluate(() => {
    self.postMessage = () => {
      setTimeout(() => {
        throw new Error('engine crashed (test)');
      });
    };
  });
  await typeCommand(page, 'echo lost in the crash');
  await expect(screen(page).locator('.notice.error').last()).toContainText('restarted and replayed to step 1', {
    timeout: 30_000,
  });
  await expect(page.getByTestId('gauge-kept')).toContainText(`data ${used} of 262144 blocks used`);
  await expect(screen(page)).not.toContainText('No such file');
  await typeCommand(page, 'ls -l /root/kept.xml');
  await expect(screen(page).locator('pre.out').last()).toContainText(`${xml.length}`);
});
