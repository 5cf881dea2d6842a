import { describe, expect, it } from 'vitest';
import { Sandbox } from '../../sandbox';

/** Output and status of `sed ARGS` over the lines 1…5 (in /tmp/f). */
function sed(args: string) {
  const r = new Sandbox().run(`seq 5 > /tmp/f\nsed ${args}`);
  if (!r.ok) throw new Error(r.error.message);
  const e = r.entries[r.entries.length - 1];
  return { output: e.output, status: e.status };
}

describe('sed', () => {
  it('-n with a line number prints that line', () => {
    expect(sed("-n '2p' /tmp/f").output).toBe('2\n');
  });
  it("-n '1,3p' prints a range of lines", () => {
    expect(sed("-n '1,3p' /tmp/f").output).toBe('1\n2\n3\n');
  });
  it('a range from a regex to $ runs to the last line', () => {
    expect(sed("-n '/3/,$p' /tmp/f").output).toBe('3\n4\n5\n');
  });
  it('a range whose end is before its start selects one line', () => {
    expect(sed("-n '4,2p' /tmp/f").output).toBe('4\n');
  });
  it('! inverts the addresses', () => {
    expect(sed("-n '2,3!p' /tmp/f").output).toBe('1\n4\n5\n');
  });
  it('d deletes a range ending at a regex', () => {
    expect(sed("'2,/4/d' /tmp/f").output).toBe('1\n5\n');
  });
  it('0,/re/ ends the range on the first line when it matches', () => {
    expect(sed("'0,/[0-9]/d' /tmp/f").output).toBe('2\n3\n4\n5\n');
  });
  it('s with an address changes only the selected lines and p prints them', () => {
    expect(sed("-n '/2/s/2/Y/p' /tmp/f").output).toBe('Y\n');
  });
  it('s keeps groups and & and a literal $', () => {
    const r = new Sandbox().run("echo 'a$b' | sed 's/\\(a\\)\\$/[\\1&]/'");
    expect(r.ok && r.entries[0].output).toBe('[aa$]b\n');
  });
  it('s replaces only the Nth match, or all with g', () => {
    const r = new Sandbox().run("echo aaa | sed 's/a/X/2'; echo aaa | sed 's/a/X/g'");
    expect(r.ok && r.entries[0].output).toBe('aXa\nXXX\n');
  });
  it('q prints the line and stops', () => {
    expect(sed('3q /tmp/f').output).toBe('1\n2\n3\n');
  });
  it('= prints line numbers and { } groups commands under one address', () => {
    expect(sed("-n '$=;2{p;p}' /tmp/f").output).toBe('2\n2\n5\n');
  });
  it('a, i and c add, insert and change lines', () => {
    expect(sed("'2a after\n3i before\n4,5c gone' /tmp/f").output).toBe('1\n2\nafter\nbefore\n3\ngone\n');
  });
  it('-i edits the file in place and keeps a backup with a suffix', () => {
    const r = new Sandbox().run("seq 3 > /tmp/f\nsed -i.bak 's/2/two/' /tmp/f\ncat /tmp/f /tmp/f.bak");
    expect(r.ok && r.entries[2].output).toBe('1\ntwo\n3\n1\n2\n3\n');
  });
  it('keeps a missing final newline missing', () => {
    const r = new Sandbox().run("printf 'a\\nb' | sed 's/b/c/'");
    expect(r.ok && r.entries[0].output).toBe('a\nc');
  });
  it('reports an unknown command with its position', () => {
    expect(sed("-n 'k' /tmp/f")).toEqual({
      output: "sed: -e expression #1, char 1: unknown command: `k'\n",
      status: 1,
    });
  });
  it('reports an unterminated s command', () => {
    expect(sed("'s/a/b' /tmp/f").output).toBe("sed: -e expression #1, char 5: unterminated `s' command\n");
  });
  it('reports an unknown s flag', () => {
    expect(sed("'s/a/b/q' /tmp/f").output).toBe("sed: -e expression #1, char 7: unknown option to `s'\n");
  });
  it('reports line address 0 without a regex end', () => {
    expect(sed("-n '0p' /tmp/f").output).toBe('sed: -e expression #1, char 2: invalid usage of line address 0\n');
  });
  it('reports a missing command', () => {
    expect(sed("-n '1' /tmp/f").output).toBe('sed: -e expression #1, char 1: missing command\n');
  });
  it('reports an unreadable file with status 2 and goes on', () => {
    expect(sed('-n 1p /nope /tmp/f')).toEqual({
      output: "sed: can't read /nope: No such file or directory\n1\n",
      status: 2,
    });
  });
});

describe('sed y (as GNU sed 4.2)', () => {
  it('maps each character of the first set to the one at the same place in the second, any delimiter', () => {
    expect(sed("'y/12345/abcde/' /tmp/f").output).toBe('a\nb\nc\nd\ne\n');
    expect(sed("'3y,3,/,' /tmp/f").output).toBe('1\n2\n/\n4\n5\n');
  });
  it('refuses sets of different lengths and an unterminated command, with the char position', () => {
    expect(sed("'y/ab/x/' /tmp/f")).toEqual({
      output: "sed: -e expression #1, char 7: strings for `y' command are different lengths\n",
      status: 1,
    });
    expect(sed("'y/ab/xy' /tmp/f")).toEqual({
      output: "sed: -e expression #1, char 7: unterminated `y' command\n",
      status: 1,
    });
  });
});
