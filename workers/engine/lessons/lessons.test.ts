import { describe, expect, it } from 'vitest';
import { Sandbox } from '../sandbox';
import { lessons } from './content';
import { checkGoals, isGoalId } from './goals';

// Runs a script and fails the test on a parse error (a lesson's commands must always parse).
function run(sb: Sandbox, script: string): void {
  if (!script.trim()) return;
  const r = sb.run(script);
  if (!r.ok) throw new Error(`parse error ${r.error.line}:${r.error.col}: ${r.error.message}`);
}

describe('lessons', () => {
  it('name only known goal checks', () => {
    const unknown = lessons.flatMap((l) => l.steps.flatMap((s) => s.goals.map((g) => g.id))).filter((id) => !isGoalId(id));
    expect(unknown).toEqual([]);
  });

  it('have unique ids and text in both languages', () => {
    expect(new Set(lessons.map((l) => l.id)).size).toBe(lessons.length);
    for (const l of lessons) {
      for (const t of [l.title, l.summary, ...l.steps.flatMap((s) => [s.title, s.text, s.hint, ...s.goals.map((g) => g.label)])]) {
        expect(t.en.length, `${l.id} en`).toBeGreaterThan(0);
        expect(t['zh-CN'].length, `${l.id} zh-CN`).toBeGreaterThan(0);
      }
    }
  });

  for (const lesson of lessons) {
    it(`${lesson.id}: each step's solution reaches its goals, which its setup alone does not all reach`, () => {
      const sb = new Sandbox();
      run(sb, lesson.setup);
      const ids = lesson.steps.flatMap((s) => s.goals.map((g) => g.id));
      const before = checkGoals(sb.machine, ids);
      expect(Object.values(before).every(Boolean), `${lesson.id}: all goals already met after setup`).toBe(false);
      for (const step of lesson.steps) {
        run(sb, step.commands);
        const got = checkGoals(sb.machine, step.goals.map((g) => g.id));
        expect(got, `${lesson.id}: ${step.title.en}`).toEqual(Object.fromEntries(step.goals.map((g) => [g.id, true])));
      }
    });
  }
});
