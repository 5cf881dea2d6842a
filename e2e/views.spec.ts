// The views follow the machine: the seed's direct-lvm setup makes a pool appear in the gauge, the stack and the block map.
import { test, expect, type Page } from '@playwright/test';
import { openWatched, screen } from './helpers';

const lvmSetup = [
  'sudo pvcreate /dev/xvdf',
  'sudo vgcreate docker /dev/xvdf',
  'sudo lvcreate --wipesignatures y -n thinpool docker -l 95%VG',
  'sudo lvcreate --wipesignatures y -n thinpoolmeta docker -l 1%VG',
  'sudo lvconvert -y --zero n -c 512K --thinpool docker/thinpool --poolmetadata docker/thinpoolmeta',
].join('\n');

async function paste(page: Page, text: string): Promise<void> {
  await page.getByTestId('terminal-input').focus();
  await page.evaluate((t) => {
    const dt = new DataTransfer();
    dt.setData('text/plain', t);
    document
      .getElementById('term-input')!
      .dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  }, text);
}

test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await page.evaluate(() => localStorage.clear());
});

test('the space gauge shows the thin pool the seed creates', async ({ page }, info) => {
  const errors = await openWatched(page);
  await paste(page, lvmSetup);
  await expect(page.getByTestId('timeline-position')).toHaveText('step 5 of 5');
  await expect(screen(page)).toContainText('Converted docker/thinpool to thin pool.');
  const gauge = page.getByTestId('gauge-docker-thinpool');
  await expect(gauge).toBeVisible();
  await expect(gauge).toContainText('524.3 kB blocks');
  await page.screenshot({ path: info.outputPath('space-gauge.png') });
  expect(errors).toEqual([]);
});

test('the storage stack draws the pool over its LVs over xvdf', async ({ page }, info) => {
  await openWatched(page);
  await paste(page, lvmSetup);
  await expect(page.getByTestId('timeline-position')).toHaveText('step 5 of 5');
  await page.getByRole('tab', { name: 'Storage stack' }).click();
  const stack = page.getByTestId('stack');
  await expect(stack).toContainText('xvdf');
  await expect(stack).toContainText('docker-thinpool_tdata');
  await expect(stack).toContainText('docker-thinpool_tmeta');
  await page.screenshot({ path: info.outputPath('storage-stack.png') });
});

test('the block map draws every data block of the pool', async ({ page }, info) => {
  await openWatched(page);
  await paste(page, lvmSetup);
  await expect(page.getByTestId('timeline-position')).toHaveText('step 5 of 5');
  await page.getByRole('tab', { name: 'Block map' }).click();
  await expect(page.getByTestId('blocks-summary')).toContainText('Block map of docker-thinpool');
  await expect(page.locator('canvas')).toBeVisible();
  await page.screenshot({ path: info.outputPath('block-map.png') });
});
