import { describe, expect, it } from 'vitest';
import { Sandbox } from '../sandbox';
import { answerOf, checkAnswer, lvextendExtents, makeQuiz } from './quiz';

// The last line a command printed.
function lastOutput(sb: Sandbox, script: string): string {
  const r = sb.run(script);
  if (!r.ok) throw new Error(r.error.message);
  return r.entries[r.entries.length - 1].output.trim();
}

describe('resize quiz', () => {
  it('draws the same questions from the same seed', () => {
    expect(makeQuiz(42).map((q) => q.prompt.en)).toEqual(makeQuiz(42).map((q) => q.prompt.en));
  });

  it('draws different questions from different seeds', () => {
    expect(makeQuiz(1, 8).map((q) => q.prompt.en)).not.toEqual(makeQuiz(2, 8).map((q) => q.prompt.en));
  });

  it('never asks the same kind twice in a row', () => {
    const kinds = makeQuiz(7, 30).map((q) => q.kind);
    expect(kinds.some((k, i) => i > 0 && k === kinds[i - 1])).toBe(false);
  });

  it("gives the seed's figures: 100 GiB is 209715200 sectors and a 100 GB docker info total is 107.4 GB", () => {
    expect(answerOf('sectors', { size: 100 })).toBe('209715200');
    expect(answerOf('dockerInfo', { size: 100 })).toBe('107.4 GB');
    expect(answerOf('lvcreatePercent', { size: 100, percent: 95 })).toBe('24319');
    expect(lvextendExtents(100, 100)).toBe(50688);
  });

  it('accepts answers typed with separators, spaces or another case', () => {
    const q = { kind: 'sectors' as const, params: { size: 100 }, prompt: { en: '', 'zh-CN': '' }, answer: '209715200' };
    expect(checkAnswer(q, ' 209,715,200 ')).toBe(true);
    expect(checkAnswer(q, '209715201')).toBe(false);
    expect(checkAnswer(q, '')).toBe(false);
    expect(checkAnswer({ ...q, answer: '107.4 GB' }, '107.4gb')).toBe(true);
  });

  it('agrees with blockdev --getsz on a loop device over a truncated file', () => {
    const sb = new Sandbox();
    const got = lastOutput(sb, 'truncate -s 150G /root/f\nlosetup -f /root/f\nblockdev --getsz /dev/loop0');
    expect(got).toBe(answerOf('sectors', { size: 150 }));
  });

  it("agrees with the VG's extent count from vgs", () => {
    const sb = new Sandbox();
    const got = lastOutput(sb, 'sim disk xvdh 250G\npvcreate /dev/xvdh\nvgcreate v /dev/xvdh\nvgs --noheadings -o vg_extent_count v');
    expect(got).toBe(answerOf('extents', { size: 250 }));
  });

  it("agrees with lvextend's result after the seed's procedure on other disk sizes", () => {
    const sb = new Sandbox();
    const script = [
      'sim disk xvdh 50G',
      'sim disk xvdi 300G',
      'pvcreate /dev/xvdh',
      'vgcreate docker /dev/xvdh',
      'lvcreate --wipesignatures y -n thinpool docker -l 95%VG',
      'lvcreate --wipesignatures y -n thinpoolmeta docker -l 1%VG',
      'lvconvert -y --zero n -c 512K --thinpool docker/thinpool --poolmetadata docker/thinpoolmeta',
      'vgextend docker /dev/xvdi',
      'lvextend -l+100%FREE -n docker/thinpool',
    ].join('\n');
    const r = sb.run(script);
    if (!r.ok) throw new Error(r.error.message);
    const out = r.entries[r.entries.length - 1].output;
    expect(out).toContain(`(${answerOf('lvextend', { size: 50, added: 300 })} extents).`);
  });
});
