// Embeds in a host page of another origin: click-to-start, sized through postMessage, following the host's theme; the fenced-block form.
import { test, expect, type Page } from '@playwright/test';
import { existsSync } from 'node:fs';

// A docs site and our site are both on this machine: Chromium's local-network checks would block the loader.
test.use({
  launchOptions: {
    ...(existsSync('/usr/bin/chromium') ? { executablePath: '/usr/bin/chromium' } : {}),
    args: ['--disable-features=LocalNetworkAccessChecks,BlockInsecurePrivateNetworkRequests,PrivateNetworkAccessSendPreflights'],
  },
});

const site = 'http://localhost:4173/';

// Serves a host page from another origin (127.0.0.1 is not localhost) that loads our loader script from the built site.
async function hostPage(page: Page, body: string, loader = 'embed.js'): Promise<void> {
  await page.route('http://127.0.0.1:4173/docs-host.html', (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><html><head><meta charset="utf-8"><title>Docs</title></head><body>
        <h1>A docs page</h1>${body}<p id="after">after the embed</p>
        <script src="${site}${loader}"></script></body></html>`,
    }),
  );
  await page.goto('http://127.0.0.1:4173/docs-host.html');
}

test('an embed is light until clicked, then sizes its iframe and follows the host theme', async ({ page }, info) => {
  await hostPage(page, '<div data-dm-sandbox data-scenario="read-0x44f" data-view="tree" data-terminal="0"></div>');
  const iframe = page.locator('iframe[data-dm-sandbox-id]');
  await expect(iframe).toHaveCount(1);
  const frame = page.frameLocator('iframe[data-dm-sandbox-id]');
  const start = frame.getByTestId('embed-start');
  await expect(start).toContainText('Reading block 0x44f');
  // Click-to-start: no engine worker exists before the click.
  expect(page.workers().length).toBe(0);
  await start.click();
  await expect(frame.getByTestId('view-tree')).toContainText('container', { timeout: 20_000 });
  await expect(frame.getByTestId('terminal-input')).toBeHidden();
  // The host resized the iframe to the embed's reported height.
  await expect
    .poll(async () => {
      const h = await iframe.evaluate((f: HTMLIFrameElement) => f.getBoundingClientRect().height);
      const inner = await iframe.evaluate((f: HTMLIFrameElement) => f.contentDocument?.documentElement.scrollHeight ?? -1).catch(() => -1);
      return { h: Math.round(h), ok: h > 300 && h < 700 && inner !== 0 };
    })
    .toMatchObject({ ok: true });
  // The host switches to dark: the embed follows.
  await page.evaluate(() => (document.documentElement.dataset.theme = 'dark'));
  await expect(frame.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.evaluate(() => (document.documentElement.dataset.theme = 'light'));
  await expect(frame.locator('html')).toHaveAttribute('data-theme', 'light');
  await page.screenshot({ path: info.outputPath('embed-host.png'), fullPage: true });
});

test('?theme= pins the embed theme', async ({ page }) => {
  await page.goto('/embed.html?scenario=two-containers&theme=dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.getByTestId('embed-start')).toContainText('Two containers');
});

test('an unknown scenario says so instead of starting', async ({ page }) => {
  await page.goto('/embed.html?scenario=no-such-story');
  await expect(page.locator('.embed-error')).toContainText('no-such-story');
});

test('a ```dm-sandbox fenced block becomes an embed of its script', async ({ page }) => {
  const block = '<pre><code class="language-dm-sandbox"># view: stack\n# terminal: yes\nsudo lsblk\n</code></pre>';
  await hostPage(page, block, 'fence.js');
  const frame = page.frameLocator('iframe[data-dm-sandbox-id]');
  await expect(page.locator('pre')).toHaveCount(0);
  await frame.getByTestId('embed-start').click();
  await expect(frame.getByTestId('screen')).toContainText('xvdf', { timeout: 20_000 });
  await expect(frame.getByTestId('view-stack')).toBeVisible();
});
