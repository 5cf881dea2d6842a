// The terminal as a person uses it: history, completion, Ctrl-C, Ctrl-L, pasted scripts, heredocs, screen readers.
import { test, expect } from '@playwright/test';
import { openWatched, typeCommand, screen } from './helpers';

test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await page.evaluate(() => localStorage.clear());
});

test('↑ brings back the previous command', async ({ page }) => {
  const errors = await openWatched(page);
  await typeCommand(page, 'echo one');
  await typeCommand(page, 'echo two');
  const input = page.getByTestId('terminal-input');
  await input.press('ArrowUp');
  await expect(input).toHaveValue('echo two');
  await input.press('ArrowUp');
  await expect(input).toHaveValue('echo one');
  await input.press('ArrowDown');
  await input.press('ArrowDown');
  await expect(input).toHaveValue('');
  expect(errors).toEqual([]);
});

test('Tab completes a command name', async ({ page }) => {
  await openWatched(page);
  const input = page.getByTestId('terminal-input');
  await input.pressSequentially('dmset');
  await input.press('Tab');
  await expect(input).toHaveValue('dmsetup ');
});

test('Ctrl-C abandons the line and shows ^C', async ({ page }) => {
  await openWatched(page);
  const input = page.getByTestId('terminal-input');
  await input.pressSequentially('docker info');
  await input.press('Control+c');
  await expect(input).toHaveValue('');
  await expect(screen(page).locator('.cmd').last()).toHaveText('[root@host ~]# docker info^C');
});

test('Ctrl-L clears the screen but keeps the session', async ({ page }) => {
  await openWatched(page);
  await typeCommand(page, 'echo hello');
  await expect(screen(page).locator('pre.out')).toHaveText(['hello']);
  await page.getByTestId('terminal-input').press('Control+l');
  await expect(screen(page).locator('.entry')).toHaveCount(0);
  await expect(page.getByTestId('timeline-position')).toHaveText('step 1 of 1');
});

test('a pasted multi-line script runs every command', async ({ page }) => {
  await openWatched(page);
  const input = page.getByTestId('terminal-input');
  await input.focus();
  await page.evaluate(() => {
    const dt = new DataTransfer();
    dt.setData('text/plain', 'echo first\necho second\n');
    document
      .getElementById('term-input')!
      .dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  });
  await expect(screen(page).locator('pre.out')).toHaveText(['first', 'second']);
  await expect(page.getByTestId('timeline-position')).toHaveText('step 2 of 2');
});

test('a heredoc typed line by line waits for its terminator', async ({ page }) => {
  await openWatched(page);
  await typeCommand(page, "cat > /tmp/x <<'EOF'");
  await typeCommand(page, 'hello heredoc');
  await expect(screen(page).locator('.input-line .prompt')).toHaveText('> ');
  await typeCommand(page, 'EOF');
  await typeCommand(page, 'cat /tmp/x');
  await expect(screen(page).locator('pre.out').last()).toHaveText('hello heredoc');
});

test('the last output is mirrored for screen readers', async ({ page }) => {
  await openWatched(page);
  await typeCommand(page, 'echo spoken');
  await expect(page.locator('[aria-live="polite"]')).toHaveText('spoken\n');
});
