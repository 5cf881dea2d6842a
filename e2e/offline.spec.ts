// Offline: once the built site has loaded, its service worker serves it (app, worker, lessons, embed) without network.
import { test, expect } from '@playwright/test';
import { typeCommand } from './helpers';

test('the site reloads and runs commands with the network cut', async ({ page, context }, info) => {
  await page.goto('/?lang=en');
  await expect(page.getByTestId('terminal-input')).toBeVisible();
  // Wait until the service worker controls the page (it precaches the whole build first).
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller)
      await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }));
  });
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByTestId('terminal-input')).toBeVisible();
  await typeCommand(page, 'docker info | grep "Storage Driver"');
  // 17.03 on RHEL 7.3's 3.10 kernel runs overlay (overlay2 wants 4.0).
  await expect(page.getByTestId('screen')).toContainText(/Storage Driver: overlay(?!2)/);
  // Lazy parts come from the cache too: the lessons panel and the Chinese catalogue.
  await page.getByTestId('lessons-toggle').click();
  await expect(page.getByTestId('lesson-panel')).toContainText('Configure loop-lvm mode for testing');
  await page.getByTestId('language').selectOption('zh-CN');
  await expect(page.getByTestId('lesson-panel')).toContainText('配置 loop-lvm 模式用于测试环境');
  await page.goto('/embed.html?scenario=read-0x44f&autostart=1');
  await expect(page.getByTestId('terminal-input')).toBeVisible();
  await page.screenshot({ path: info.outputPath('offline.png') });
  await context.setOffline(false);
});
