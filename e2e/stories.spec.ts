// The seed's stories as a person runs them in the browser: loop-lvm setup and docker info, the 0x44f read path, the
// free behaviour after a write-then-delete, the resize calculator; a screenshot of each view is kept.
import { test, expect, type Page } from '@playwright/test';
import { openWatched, typeCommand, screen } from './helpers';
import { paste } from './paste';

const loopLvm = [
  'sudo systemctl stop docker',
  "cat > /etc/docker/daemon.json <<'JSON'\n{\n  \"storage-driver\": \"devicemapper\"\n}\nJSON",
  'sudo systemctl start docker',
].join('\n');

async function ready(page: Page, steps: number): Promise<void> {
  await expect(page.getByTestId('timeline-position')).toHaveText(`step ${steps} of ${steps}`, { timeout: 20_000 });
}

test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await page.evaluate(() => localStorage.clear());
});

test('typing the seed’s loop-lvm procedure switches docker info to devicemapper', async ({ page }, info) => {
  const errors = await openWatched(page);
  await typeCommand(page, 'sudo systemctl stop docker');
  await typeCommand(page, "cat > /etc/docker/daemon.json <<'JSON'");
  await typeCommand(page, '{');
  await typeCommand(page, '  "storage-driver": "devicemapper"');
  await typeCommand(page, '}');
  await typeCommand(page, 'JSON');
  await typeCommand(page, 'sudo systemctl start docker');
  await typeCommand(page, 'docker info');
  const out = screen(page).locator('pre.out').last();
  await expect(out).toContainText('Storage Driver: devicemapper');
  await expect(out).toContainText('Pool Blocksize: 65.54 kB');
  await expect(out).toContainText('Data Space Total: 107.4 GB');
  await expect(out).toContainText('Data loop file: /var/lib/docker/devicemapper/devicemapper/data');
  await expect(page.getByTestId(/^gauge-docker-/)).toContainText('dm.min_free_space');
  await page.screenshot({ path: info.outputPath('space-gauge-loop-lvm.png') });
  expect(errors).toEqual([]);
});

test('sim read web 0x44f highlights the path up to the layer that provides the block', async ({ page }, info) => {
  const errors = await openWatched(page);
  await paste(page, `${loopLvm}\ndocker run -d --name web ubuntu sleep infinity`);
  await ready(page, 4);
  await typeCommand(page, 'sim read web 0x44f');
  const printed = screen(page).locator('pre.out').last();
  await expect(printed).toContainText('block 0x44f (1103): provided by');
  // The read view comes forward and walks the chain to the same device the terminal names.
  await expect(page.getByRole('tab', { name: 'Read path' })).toHaveAttribute('aria-selected', 'true');
  const provider = page.getByTestId('read-provider');
  await expect(provider).toBeVisible();
  const role = (await provider.locator('.role').textContent())!;
  await expect(printed).toContainText(`provided by ${role}`);
  await expect(page.getByTestId('read-target')).toContainText('data block 0x');
  await page.screenshot({ path: info.outputPath('read-path.png') });

  // A click on the strip reads another block of the container.
  const strip = page.locator('canvas.strip');
  await strip.click({ position: { x: 0, y: 0 } });
  await expect(page.getByTestId('read-block')).toHaveValue('0x0');
  await expect(page.getByTestId('read-summary')).toContainText('block 0x0 of web');
  expect(errors).toEqual([]);
});

test('the snapshot tree names the base, the ubuntu layers, the -init device and the container', async ({ page }, info) => {
  await openWatched(page);
  await paste(page, `${loopLvm}\ndocker run -d --name web ubuntu sleep infinity`);
  await ready(page, 4);
  await page.getByRole('tab', { name: 'Snapshots' }).click();
  const tree = page.getByTestId(/^tree-docker-/);
  await expect(tree).toContainText('base');
  await expect(tree).toContainText('ubuntu:latest layer 5/5');
  await expect(tree).toContainText('web-init');
  await expect(tree).toContainText('container web');
  await page.screenshot({ path: info.outputPath('snapshot-tree.png') });
});

test('after a write-then-delete the free behaviour shows fstrim freeing blocks and punching the loop file', async ({
  page,
}, info) => {
  const errors = await openWatched(page);
  await paste(
    page,
    [
      loopLvm,
      'docker run -d --privileged --name web ubuntu sleep infinity',
      'docker exec web dd if=/dev/zero of=/big bs=1M count=100',
      'docker exec web rm /big',
      'docker exec web fstrim /',
    ].join('\n'),
  );
  await ready(page, 7);
  await page.getByRole('tab', { name: 'Free behaviour' }).click();
  await expect(page.getByTestId('free-loop-lvm')).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId('free-direct-lvm')).toBeVisible();
  const trimRow = page.getByTestId('free-table').locator('tr', { hasText: 'docker exec web fstrim /' });
  await expect(trimRow).toContainText('freed 1600 blocks');
  await expect(trimRow).toContainText('freed 200 blocks');
  await expect(trimRow).toContainText('punched 104.9 MB');
  await page.screenshot({ path: info.outputPath('free-behaviour.png') });
  expect(errors).toEqual([]);
});

test('the resize calculator writes the loop-lvm commands and runs them', async ({ page }, info) => {
  const errors = await openWatched(page);
  await paste(page, loopLvm);
  await ready(page, 3);
  await page.getByRole('tab', { name: 'Resize' }).click();
  await page.getByTestId('resize-target').fill('200G');
  const cmds = page.getByTestId('resize-commands');
  await expect(cmds).toContainText('truncate -s 200G /var/lib/docker/devicemapper/devicemapper/data');
  await expect(cmds).toContainText('thin-pool 7:1 7:0 128 32768 1 skip_block_zeroing');
  await expect(page.getByTestId('resize-units')).toContainText('419,430,400');
  await page.screenshot({ path: info.outputPath('resize.png') });
  await page.getByRole('button', { name: 'Run in the terminal' }).click();
  await ready(page, 8);
  await typeCommand(page, "docker info | grep 'Data Space Total'");
  await expect(screen(page).locator('pre.out').last()).toContainText('Data Space Total: 214.7 GB');
  expect(errors).toEqual([]);
});

test('the block map highlights a selected device and says who maps a hovered block', async ({ page }, info) => {
  const errors = await openWatched(page);
  await paste(page, `${loopLvm}\ndocker run -d --name web ubuntu sleep infinity`);
  await ready(page, 4);
  await page.getByRole('tab', { name: 'Block map' }).click();
  await expect(page.getByTestId('blocks-summary')).toContainText('1638400 data blocks');
  const select = page.getByTestId('blocks-device');
  const index = await select.evaluate((el: HTMLSelectElement) => [...el.options].findIndex((o) => o.text.includes('web-init')));
  await select.selectOption({ index });
  await page.screenshot({ path: info.outputPath('block-map-selected.png') });

  // The map opens on the used start of the pool: its top row holds the image's blocks.
  const canvas = page.locator('.canvas-box canvas');
  const box = (await canvas.boundingBox())!;
  await canvas.hover({ position: { x: box.width / 2, y: 2 } });
  const tip = page.getByRole('tooltip');
  await expect(tip).toContainText('mapped by');
  const m = /^block \d+: refcount (\d+), provisioned by device \d+; mapped by (.*?)(?:; click to follow .*)?$/.exec(
    (await tip.textContent())!,
  );
  expect(m).not.toBeNull();
  // One mapping listed per reference, every one of them at the same virtual block (a snapshot shares it unchanged).
  const listed = m![2].split(', ');
  expect(listed.length).toBe(Number(m![1]));
  expect(new Set(listed.map((x) => x.split('@')[1])).size).toBe(1);
  expect(errors).toEqual([]);
});
