import { describe, expect, it } from 'vitest';
import { parseScript } from './parser';
import type { Command, SimpleCommand } from './ast';

function simple(c: Command): SimpleCommand {
  if (c.kind !== 'simple') throw new Error(`expected a simple command, got ${c.kind}`);
  return c;
}

function commands(src: string) {
  const r = parseScript(src);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.commands;
}

describe('parseScript', () => {
  it('gives one top-level command per line and skips comments and blank lines', () => {
    const c = commands('# title: x\n\nls -l\n  pwd # trailing\n');
    expect(c.map((x) => [x.line, x.text])).toEqual([
      [3, 'ls -l'],
      [4, 'pwd # trailing'],
    ]);
  });
  it('keeps continuation lines in the command text and joins the words', () => {
    const c = commands('lvconvert -y \\\n--zero n\n');
    expect(c[0].text).toBe('lvconvert -y \\\n--zero n');
    const words = simple(c[0].list[0].first.commands[0]).words.map((w) => w.parts.map((p) => (p.kind === 'lit' ? p.text : '?')).join(''));
    expect(words).toEqual(['lvconvert', '-y', '--zero', 'n']);
  });
  it('reads a quoted heredoc body literally and includes it in the command text', () => {
    const c = commands("cat > /etc/docker/daemon.json <<'EOF'\n{ \"a\": \"$HOME\" }\nEOF\necho done\n");
    expect(c).toHaveLength(2);
    expect(c[0].text).toBe("cat > /etc/docker/daemon.json <<'EOF'\n{ \"a\": \"$HOME\" }\nEOF");
    const r = simple(c[0].list[0].first.commands[0]).redirects[1];
    expect(r.op === '<<' && r.body.parts).toEqual([{ kind: 'lit', text: '{ "a": "$HOME" }\n', quoted: true }]);
  });
  it('strips leading tabs from a <<- heredoc, delimiter included', () => {
    const c = commands('cat <<-END\n\thello\n\tEND\n');
    const r = simple(c[0].list[0].first.commands[0]).redirects[0];
    expect(r.op === '<<' && r.body.parts).toEqual([{ kind: 'lit', text: 'hello\n', quoted: true }]);
  });
  it('parses $[ $(…) / 1024 ] as arithmetic around a command substitution', () => {
    const c = commands('echo $[ $(blockdev --getsize64 /dev/loop0) / 1024 ]');
    const arg = simple(c[0].list[0].first.commands[0]).words[1].parts[0];
    expect(arg.kind).toBe('arith');
    if (arg.kind === 'arith') expect(arg.expr.parts.map((p) => p.kind)).toEqual(['lit', 'cmdsub', 'lit']);
  });
  it('reports an unterminated single quote at the quote', () => {
    expect(parseScript("ls\necho 'abc\n")).toEqual({ ok: false, error: { line: 2, col: 6, message: 'syntax error: unterminated quoted string' } });
  });
  it('reports a heredoc without its delimiter', () => {
    const r = parseScript("cat <<'EOF'\nabc\n");
    expect(r.ok ? '' : r.error.message).toBe("here-document at line 1 delimited by end-of-file (wanted `EOF')");
  });
  it('reports a pipe with nothing after it as an unexpected end of file', () => {
    expect(parseScript('ls |')).toEqual({ ok: false, error: { line: 1, col: 5, message: 'syntax error: unexpected end of file' } });
  });
  it('reports a leading operator with the token', () => {
    const r = parseScript('echo a\n  && ls');
    expect(r.ok ? null : r.error).toEqual({ line: 2, col: 3, message: "syntax error near unexpected token `&&'" });
  });
  it('reports an unclosed command substitution', () => {
    const r = parseScript('echo $(ls');
    expect(r.ok ? '' : r.error.message).toBe("unexpected EOF while looking for matching `)'");
  });
});
