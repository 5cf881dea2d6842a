// Lessons in the browser: completed by typing their commands (goals turn checked), in English and in Chinese; the quiz; presenter keys.
import { test, expect, type Page } from '@playwright/test';
import { openWatched, typeCommand } from './helpers';

// The loop-lvm lesson, typed as a learner would (one line per command).
const loopLvmCommands = [
  'sudo systemctl stop docker',
  `echo '{ "storage-driver": "devicemapper" }' > /etc/docker/daemon.json`,
  'sudo systemctl start docker',
];

async function openLesson(page: Page, id: string): Promise<void> {
  await page.getByTestId('lessons-toggle').click();
  await page.locator(`[data-testid="lesson-open"][data-lesson="${id}"]`).click();
  await expect(page.getByTestId('lesson')).toHaveAttribute('data-lesson', id);
}

async function completeByTyping(page: Page): Promise<void> {
  const goals = page.getByTestId('goal');
  await typeCommand(page, loopLvmCommands[0]);
  await expect(page.locator('[data-goal="docker.stopped"]')).toHaveAttribute('data-met', 'true');
  await typeCommand(page, loopLvmCommands[1]);
  await expect(page.locator('[data-goal="file.mentions:/etc/docker/daemon.json:devicemapper"]')).toHaveAttribute('data-met', 'true');
  // The lesson moves on to its last step by itself once a step's goals are met.
  await expect(page.getByTestId('lesson-step')).toContainText('3');
  await typeCommand(page, loopLvmCommands[2]);
  await expect(goals).toHaveCount(3);
  for (const g of await goals.all()) await expect(g).toHaveAttribute('data-met', 'true');
}

test.beforeEach(async ({ page }) => {
  // Once per test, not on the reloads a test does itself.
  await page.addInitScript(() => {
    if (sessionStorage.getItem('lessons-spec')) return;
    localStorage.clear();
    sessionStorage.setItem('lessons-spec', '1');
  });
});

test('the loop-lvm lesson is completed by typing its commands, goals checked on the machine', async ({ page }, info) => {
  const errors = await openWatched(page, '/?lang=en');
  await openLesson(page, 'loop-lvm');
  await expect(page.getByTestId('seed-note')).toContainText('/var/lib/docker/devicemapper/devicemapper/data');
  await expect(page.locator('[data-goal="docker.stopped"]')).toHaveAttribute('data-met', 'false');
  await completeByTyping(page);
  await expect(page.getByTestId('lesson-step')).toContainText('Lesson complete.');
  await page.screenshot({ path: info.outputPath('lesson-en.png') });
  // Progress is kept: the list shows the lesson complete after a reload.
  await page.reload();
  await page.getByTestId('lessons-toggle').click();
  await expect(page.locator('[data-lesson="loop-lvm"]')).toContainText('5 of 5 goals');
  expect(errors).toEqual([]);
});

test('the same lesson in Chinese', async ({ page }, info) => {
  const errors = await openWatched(page, '/?lang=zh-CN');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await openLesson(page, 'loop-lvm');
  await expect(page.getByTestId('lesson')).toContainText('配置 loop-lvm 模式用于测试环境');
  await expect(page.getByRole('tab', { name: '快照' })).toBeVisible();
  await completeByTyping(page);
  await expect(page.getByTestId('lesson-step')).toContainText('本课已完成。');
  // The views speak Chinese too: the gauge names the pool's block size in Chinese words.
  await expect(page.getByTestId('view-space')).toContainText('块大小 65.54 kB');
  await page.screenshot({ path: info.outputPath('lesson-zh.png') });
  expect(errors).toEqual([]);
});

test('goals follow the timeline: stepping back unchecks what the machine no longer shows, progress stays', async ({ page }) => {
  const errors = await openWatched(page, '/?lang=en');
  await openLesson(page, 'loop-lvm');
  await completeByTyping(page);
  const running = page.locator('[data-goal="docker.driver:devicemapper"]');
  await expect(running).toHaveAttribute('data-met', 'true');
  // Back before `systemctl start docker`: Docker is not running at that step, the lesson is not complete there.
  await page.getByRole('button', { name: 'Step back' }).click();
  await expect(page.getByTestId('timeline-position')).toHaveText('step 2 of 3');
  await expect(running).toHaveAttribute('data-met', 'false');
  await expect(page.getByTestId('lesson-step')).not.toContainText('Lesson complete.');
  // Back to the start: no step of the lesson is done at step 0.
  await page.getByRole('button', { name: 'Go to start' }).click();
  await expect(page.getByTestId('timeline-position')).toHaveText('step 0 of 3');
  await expect(page.locator('.steps li.done')).toHaveCount(0);
  // Forward over the same commands: the goals hold again.
  await page.getByRole('button', { name: 'Go to end' }).click();
  await expect(running).toHaveAttribute('data-met', 'true');
  await expect(page.locator('.steps li.done')).toHaveCount(3);
  // What was achieved once is kept in the saved progress.
  await page.getByRole('button', { name: 'Go to start' }).click();
  await expect(page.getByTestId('timeline-position')).toHaveText('step 0 of 3');
  await page.getByRole('button', { name: /All lessons/ }).click();
  await expect(page.locator('[data-lesson="loop-lvm"]')).toContainText('5 of 5 goals');
  expect(errors).toEqual([]);
});

test('a goal is not met by typing its command when the machine refuses it', async ({ page }) => {
  await openWatched(page, '/?lang=en');
  await openLesson(page, 'direct-lvm');
  // pvcreate on a disk that does not exist: the command is typed, the machine has no PV, the goal stays open.
  await typeCommand(page, 'sudo pvcreate /dev/xvdz');
  await typeCommand(page, 'echo done');
  await expect(page.getByTestId('screen')).toContainText('done');
  await expect(page.locator('[data-goal="lvm.pv:/dev/xvdf"]')).toHaveAttribute('data-met', 'false');
});

test('the quiz checks answers with the engine arithmetic', async ({ page }) => {
  await openWatched(page, '/?lang=en');
  await page.getByTestId('lessons-toggle').click();
  await page.getByTestId('quiz-open').click();
  const q = page.getByTestId('quiz-question').first();
  await q.getByRole('textbox').fill('1');
  await q.getByRole('button').click();
  const verdict = q.getByTestId('quiz-verdict');
  await expect(verdict).toHaveAttribute('data-right', 'false');
  const expected = /Not quite: (.+)\.$/.exec((await verdict.textContent()) ?? '')?.[1];
  expect(expected).toBeTruthy();
  await q.getByRole('textbox').fill(expected!);
  await q.getByRole('button').click();
  await expect(verdict).toHaveAttribute('data-right', 'true');
});

test('presenter mode enlarges the page and steps the timeline with the keyboard', async ({ page }) => {
  await openWatched(page, '/?lang=en');
  await typeCommand(page, 'echo one');
  await typeCommand(page, 'echo two');
  await page.getByTestId('presenter-toggle').click();
  await expect(page.locator('html')).toHaveAttribute('data-present', '1');
  await page.locator('body').click({ position: { x: 5, y: 300 } });
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByTestId('timeline-position')).toContainText('step 1 of 2');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('timeline-position')).toContainText('step 2 of 2');
  await page.keyboard.press('Escape');
  await expect(page.locator('html')).not.toHaveAttribute('data-present', '1');
});
