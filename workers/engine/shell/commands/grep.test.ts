import { describe, expect, it } from 'vitest';
import { Sandbox } from '../../sandbox';

/** Output and status of the last command of a script. */
function last(script: string): { output: string; status: number } {
  const r = new Sandbox().run(`printf "a\\nb\\nc\\nd\\ne\\nf\\ng\\nc\\n" > /tmp/t\n${script}`);
  if (!r.ok) throw new Error(r.error.message);
  const e = r.entries[r.entries.length - 1];
  return { output: e.output, status: e.status };
}

describe('grep context', () => {
  it('-A prints lines after each match and -- between groups that do not touch', () => {
    expect(last('grep -A1 c /tmp/t').output).toBe('c\nd\n--\nc\n');
  });
  it('-B with -n marks context lines with - and matches with :', () => {
    expect(last('grep -B1 -n e /tmp/t').output).toBe('4-d\n5:e\n');
  });
  it('-C merges overlapping context into one group', () => {
    expect(last('grep --context=1 g /tmp/t').output).toBe('f\ng\nc\n');
  });
  it('refuses a context length that is not a number, exit 2', () => {
    expect(last('grep -A x c /tmp/t')).toEqual({ output: 'grep: x: invalid context length argument\n', status: 2 });
  });
});
