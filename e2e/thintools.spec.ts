// The thin_* tools load in the worker on first use: typed at the prompt, they answer as the real tools do.
import { test, expect } from '@playwright/test';
import { openWatched, typeCommand, screen } from './helpers';

test('thin_metadata_size typed at the prompt prints the real tool figure', async ({ page }) => {
  const errors = await openWatched(page);
  // 64 KiB blocks, 100 GiB pool, 1000 thin devices: thin-provisioning-tools 0.9.0 answers 56016 KiB.
  await typeCommand(page, 'thin_metadata_size -b 64k -s 100g -m 1000 -u k -n');
  await expect(screen(page).locator('pre.out').last()).toHaveText('56016');
  expect(errors).toEqual([]);
});
