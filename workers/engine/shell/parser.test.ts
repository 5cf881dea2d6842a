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
    const words = simple(c[0].list[0].first.commands[0]).words.map((w) =>
      w.parts.map((p) => (p.kind === 'lit' ? p.text : '?')).join(''),
    );
    expect(words).toEqual(['lvconvert', '-y', '--zero', 'n']);
  });
  it('reads a quoted heredoc body literally and includes it in the command text', () => {
    const c = commands('cat > /etc/docker/daemon.json <<\'EOF\'\n{ "a": "$HOME" }\nEOF\necho done\n');
    expect(c).toHaveLength(2);
    expect(c[0].text).toBe('cat > /etc/docker/daemon.json <<\'EOF\'\n{ "a": "$HOME" }\nEOF');
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
    expect(parseScript("ls\necho 'abc\n")).toEqual({
      ok: false,
      error: { line: 2, col: 6, message: 'syntax error: unterminated quoted string' },
    });
  });
  it('reports a heredoc without its delimiter', () => {
    const r = parseScript("cat <<'EOF'\nabc\n");
    expect(r.ok ? '' : r.error.message).toBe("here-document at line 1 delimited by end-of-file (wanted `EOF')");
  });
  it('reports a pipe with nothing after it as an unexpected end of file', () => {
    expect(parseScript('ls |')).toEqual({
      ok: false,
      error: { line: 1, col: 5, message: 'syntax error: unexpected end of file' },
    });
  });
  it('reports a leading operator with the token', () => {
    const r = parseScript('echo a\n  && ls');
    expect(r.ok ? null : r.error).toEqual({ line: 2, col: 3, message: "syntax error near unexpected token `&&'" });
  });
  it('reports an unclosed command substitution', () => {
    const r = parseScript('echo $(ls');
    expect(r.ok ? '' : r.error.message).toBe("unexpected EOF while looking for matching `)'");
  });

  it('parses a for loop with its words and body', () => {
    const cmd = commands('for i in a b; do echo $i; done')[0].list[0].first.commands[0];
    expect(cmd.kind).toBe('for');
    if (cmd.kind === 'for') {
      expect(cmd.name).toBe('i');
      expect(cmd.items?.length).toBe(2);
      expect(cmd.body).toHaveLength(1);
    }
  });
  it('keeps a multi-line if as one top-level command, elif and else included', () => {
    const c = commands('if false\nthen echo a\nelif true; then echo b\nelse echo c\nfi\nls');
    expect(c.map((x) => x.line)).toEqual([1, 6]);
    const cmd = c[0].list[0].first.commands[0];
    expect(cmd.kind === 'if' && [cmd.clauses.length, cmd.otherwise?.length]).toEqual([2, 1]);
  });
  it('reads redirections after done and pipes out of a loop', () => {
    const p = commands('while read l; do echo $l; done < /tmp/in | sort')[0].list[0].first;
    expect(p.commands.map((c) => c.kind)).toEqual(['while', 'simple']);
    const loop = p.commands[0];
    expect(loop.kind !== 'function' && loop.redirects).toHaveLength(1);
  });
  it('reads a heredoc that feeds a loop', () => {
    const cmd = commands('while read l; do echo $l; done <<EOF\na\nEOF\necho x')[0].list[0].first.commands[0];
    if (cmd.kind === 'function') throw new Error('expected a loop');
    expect(cmd.redirects[0].op === '<<' && cmd.redirects[0].body.parts).toEqual([
      { kind: 'lit', text: 'a\n', quoted: true },
    ]);
  });
  it('does not take reserved words as arguments for keywords', () => {
    const cmd = simple(commands('echo done fi')[0].list[0].first.commands[0]);
    expect(cmd.words).toHaveLength(3);
  });
  it('reports done where do is expected', () => {
    expect(parseScript('for i in 1 2; done')).toEqual({
      ok: false,
      error: { line: 1, col: 15, message: "syntax error near unexpected token `done'" },
    });
  });
  it('reports a loop without done as an unexpected end of file', () => {
    const r = parseScript('while true; do echo\n');
    expect(r.ok ? '' : r.error.message).toBe('syntax error: unexpected end of file');
  });
  it('reports a stray done, fi or }', () => {
    for (const w of ['done', 'fi', '}']) {
      const r = parseScript(`echo a; ${w}`);
      expect(r.ok ? '' : r.error.message).toBe(`syntax error near unexpected token \`${w}'`);
    }
  });
  it('reports an empty group or subshell at its closing token', () => {
    const g = parseScript('{ }');
    const s = parseScript('( )');
    expect([g.ok ? '' : g.error.message, s.ok ? '' : s.error.message]).toEqual([
      "syntax error near unexpected token `}'",
      "syntax error near unexpected token `)'",
    ]);
  });
  it('reports a word after done', () => {
    const r = parseScript('for i in a; do echo; done echo');
    expect(r.ok ? '' : r.error.message).toBe("syntax error near unexpected token `echo'");
  });
  it('reports do missing before the body', () => {
    const r = parseScript('while true echo; done');
    expect(r.ok ? '' : r.error.message).toBe("syntax error near unexpected token `done'");
  });
  it('parses ${VAR:-word} with blanks and a nested expansion in the word', () => {
    const arg = simple(commands('echo ${X:-a $HOME}')[0].list[0].first.commands[0]).words[1].parts[0];
    expect(arg.kind === 'var' && [arg.name, arg.op, arg.arg?.parts.map((p) => p.kind)]).toEqual([
      'X',
      ':-',
      ['lit', 'var'],
    ]);
  });
  it('reports an unclosed ${', () => {
    const r = parseScript('echo ${x');
    expect(r.ok ? '' : r.error.message).toBe("unexpected EOF while looking for matching `}'");
  });
  it('reports an unknown operator inside ${ } as a bad substitution', () => {
    const r = parseScript('echo ${x!y}');
    expect(r.ok ? '' : r.error.message).toBe('${x!y}: bad substitution');
  });
});
