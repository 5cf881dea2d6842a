import { describe, expect, it } from 'vitest';
import { Sandbox } from '../sandbox';
import { parseScript } from './parser';
import { COMMAND_CALL_BUDGET, FUNC_NEST_LIMIT } from './functions';

/** Output and status of the last command of a script run in a fresh sandbox. */
function last(script: string) {
  const r = new Sandbox().run(script);
  if (!r.ok) throw new Error(`${r.error.line}:${r.error.col}: ${r.error.message}`);
  const e = r.entries[r.entries.length - 1];
  return { output: e.output, status: e.status };
}

/** Where and why a script fails to parse. */
function parseError(script: string): string {
  const r = parseScript(script);
  return r.ok ? 'parsed' : `${r.error.line}:${r.error.col}: ${r.error.message}`;
}

describe('parse errors of case, [[ ]] and function bodies (bash wording)', () => {
  it('an unterminated case is an unexpected end of file', () => {
    expect(parseError('case $1 in\n  a) echo a')).toBe('2:12: syntax error: unexpected end of file');
    expect(parseError('case a in a) echo;;')).toBe('1:20: syntax error: unexpected end of file');
  });
  it('case without in names the token found instead', () => {
    expect(parseError('case a b) ;; esac')).toBe("1:8: syntax error near unexpected token `b'");
  });
  it('a word after esac is an unexpected token', () => {
    expect(parseError('case a in\n a) echo 1 ;;\nesac x')).toBe("3:6: syntax error near unexpected token `x'");
  });
  it('an unterminated [[ is reported at its start', () => {
    expect(parseError('echo hi\n[[ -n $x ')).toBe("2:1: unexpected EOF while looking for `]]'");
  });
  it('[[ with two words and no operator, or an operator without its operand', () => {
    expect(parseError('[[ a b ]]')).toBe('1:6: conditional binary operator expected');
    expect(parseError('[[ -f ]]')).toBe("1:7: unexpected argument `]]' to conditional unary operator");
    expect(parseError('[[ a -eq ]]')).toBe("1:10: unexpected argument `]]' to conditional binary operator");
    expect(parseError('[[ ( a ]]')).toBe("1:8: unexpected token `]]', expected `)'");
  });
  it('a newline inside [[ ]] ends it too early', () => {
    expect(parseError('[[ a\n== a ]]')).toBe("1:5: unexpected token `newline', conditional binary operator expected");
  });
  it('an unterminated function body is an unexpected end of file', () => {
    expect(parseError('f() {\n  echo a\n')).toBe('3:1: syntax error: unexpected end of file');
  });
  it('a function body must be a compound command', () => {
    expect(parseError('f() echo hi')).toBe("1:5: syntax error near unexpected token `echo'");
    expect(parseError('function { echo; }')).toBe("1:12: syntax error near unexpected token `echo'");
  });
  it('a script with a parse error runs nothing', () => {
    const sb = new Sandbox();
    expect(sb.run('x=1\ncase a in').ok).toBe(false);
    expect(sb.run('echo "[$x]"')).toMatchObject({ ok: true, entries: [{ output: '[]\n' }] });
  });
});

describe('functions', () => {
  it('type prints the body as bash reformats it: one command a line, four-space indent, redirections after the brace', () => {
    const r = last(
      'f() { echo "$1" | cat; [ -n "$x" ] && echo y || echo z; g a b >/dev/null 2>&1; x=1 y=$(ls); } > /tmp/x; type f',
    );
    expect(r.output).toBe(
      'f is a function\nf () \n{ \n    echo "$1" | cat;\n    [ -n "$x" ] && echo y || echo z;\n    g a b > /dev/null 2>&1;\n    x=1 y=$(ls)\n} > /tmp/x\n',
    );
  });
  it('type prints if, loops and case the way bash does, elif as a nested if', () => {
    const r = last(
      'f() { if a; then b; elif c; then d; fi; for i in 1 2; do echo $i; done; case $1 in a|b) echo x;; esac; }; type f',
    );
    expect(r.output).toBe(
      [
        'f is a function',
        'f () ',
        '{ ',
        '    if a; then',
        '        b;',
        '    else',
        '        if c; then',
        '            d;',
        '        fi;',
        '    fi;',
        '    for i in 1 2;',
        '    do',
        '        echo $i;',
        '    done;',
        '    case $1 in ',
        '        a | b)',
        '            echo x',
        '        ;;',
        '    esac',
        '}',
        '',
      ].join('\n'),
    );
  });
  it('a function shadows a sandbox command of the same name', () => {
    expect(last('lvs() { echo "my lvs $#"; }; lvs -a').output).toBe('my lvs 1\n');
  });
  it('sudo runs the command, not the function (sudo knows no shell functions)', () => {
    expect(last('pwd() { echo fn; }; sudo pwd; pwd').output).toBe('/root\nfn\n');
  });
  it("runaway recursion stops at the nesting limit with bash's message and ends the command", () => {
    const r = last('f() { f; }; f; echo after');
    expect(r).toEqual({ output: `bash: f: maximum function nesting level exceeded (${FUNC_NEST_LIMIT})\n`, status: 1 });
  });
  it("a recursion that doubles at each level stops after the sandbox's call budget", () => {
    const r = last('f() { case $1 in xxxxxxxxxxxxxxxxxxxx) ;; *) f x$1; f x$1 ;; esac; }; f');
    expect(r).toEqual({
      output: `bash: function calls stopped after ${COMMAND_CALL_BUDGET} calls in one command (sandbox limit)\n`,
      status: 1,
    });
  });
  it('a limit ends only the top-level command that hit it', () => {
    const r = new Sandbox().run('f() { f; }; f\nf() { echo fresh; }; f');
    expect(r.ok && r.entries.map((e) => e.status)).toEqual([1, 0]);
  });
  it('return and local outside a function say so', () => {
    expect(last('return 3')).toEqual({
      output: "bash: return: can only `return' from a function or sourced script\n",
      status: 2,
    });
    expect(last('local x=1')).toEqual({ output: 'bash: local: can only be used in a function\n', status: 1 });
  });
  it("return with a non-numeric argument returns 2 with bash's message", () => {
    expect(last('f() { return abc; }; f')).toEqual({
      output: 'bash: return: abc: numeric argument required\n',
      status: 2,
    });
  });
  it('a function defined in a subshell does not outlive it', () => {
    expect(last('(g() { echo in; }; g); g').output).toBe('in\nbash: g: command not found\n');
  });
});
