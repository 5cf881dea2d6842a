import { describe, expect, it } from 'vitest';
import { Sandbox } from '../../sandbox';
import { baseName, dirName } from './names';

/** Output and status of the last command of a script. */
function last(script: string) {
  const r = new Sandbox().run(script);
  if (!r.ok) throw new Error(r.error.message);
  const e = r.entries[r.entries.length - 1];
  return { output: e.output, status: e.status };
}

describe('seq', () => {
  it('counts from 1 to LAST', () => {
    expect(last('seq 3').output).toBe('1\n2\n3\n');
  });
  it('takes FIRST INCREMENT LAST, also counting down', () => {
    expect(last('seq 1 2 7; seq 5 -2 1').output).toBe('1\n3\n5\n7\n5\n3\n1\n');
  });
  it('prints nothing when LAST is below FIRST', () => {
    expect(last('seq 5 1')).toEqual({ output: '', status: 0 });
  });
  it('-w pads with zeros to equal width, after the sign', () => {
    expect(last('seq -w 8 10; seq -w -1 1').output).toBe('08\n09\n10\n-1\n00\n01\n');
  });
  it('-s joins with the separator and ends with a newline', () => {
    expect(last('seq -s, 3').output).toBe('1,2,3\n');
  });
  it('prints decimals with the precision of FIRST and INCREMENT', () => {
    expect(last('seq 1 0.5 2').output).toBe('1.0\n1.5\n2.0\n');
  });
  it('refuses a zero increment', () => {
    expect(last('seq 1 0 3')).toEqual({
      output: "seq: invalid Zero increment value: ‘0’\nTry 'seq --help' for more information.\n",
      status: 1,
    });
  });
  it('refuses a fourth operand and a missing one', () => {
    expect(last('seq 1 2 3 4').output).toBe("seq: extra operand ‘4’\nTry 'seq --help' for more information.\n");
    expect(last('seq')).toEqual({
      output: "seq: missing operand\nTry 'seq --help' for more information.\n",
      status: 1,
    });
  });
});

describe('yes', () => {
  it('feeds a pipe without hanging', () => {
    expect(last('yes | head -2; yes ok | head -1').output).toBe('y\ny\nok\n');
  });
});

describe('test and [', () => {
  it('compares integers', () => {
    expect(last('[ 2 -gt 10 ]; echo $?; [ 2 -lt 10 ]; echo $?').output).toBe('1\n0\n');
  });
  it('tests files and directories of the host', () => {
    expect(last('touch /tmp/f; [ -f /tmp/f ] && [ -d /tmp ] && [ ! -e /nope ] && echo ok').output).toBe('ok\n');
  });
  it('-z and -n test string length', () => {
    expect(last('[ -z "" ] && [ -n x ] && echo ok').output).toBe('ok\n');
  });
  it('combines with -a and -o', () => {
    expect(last('[ 1 = 1 -a 2 = 3 ]; echo $?; [ 1 = 1 -o 2 = 3 ]; echo $?').output).toBe('1\n0\n');
  });
  it('a lone argument is true when not empty', () => {
    expect(last('[ abc ]; echo $?; [ "" ]; echo $?; [ ]; echo $?').output).toBe('0\n1\n1\n');
  });
  it('complains of a missing ] with status 2', () => {
    expect(last('[ a')).toEqual({ output: "bash: [: missing `]'\n", status: 2 });
  });
  it('complains of a non-integer with status 2', () => {
    expect(last('[ x -lt 3 ]')).toEqual({ output: 'bash: [: x: integer expression expected\n', status: 2 });
  });
  it('complains of two words that are not a unary test', () => {
    expect(last('[ a b ]')).toEqual({ output: 'bash: [: a: unary operator expected\n', status: 2 });
  });
  it('complains of too many arguments', () => {
    expect(last('test a b c d')).toEqual({ output: 'bash: test: too many arguments\n', status: 2 });
  });
});

describe('basename and dirname', () => {
  it('ignore trailing slashes', () => {
    expect([baseName('/a/b/'), dirName('/a/b/')]).toEqual(['b', '/a']);
  });
  it('handle the root and names without a slash', () => {
    expect([baseName('/'), dirName('/'), dirName('a'), dirName('//a')]).toEqual(['/', '/', '.', '/']);
  });
  it('basename removes a suffix unless it is the whole name', () => {
    expect(last('basename /a/b.txt .txt; basename b.txt b.txt').output).toBe('b\nb.txt\n');
  });
  it('basename -a and -s take several names', () => {
    expect(last('basename -s .c /x/a.c b.c').output).toBe('a\nb\n');
  });
  it('basename refuses a third operand', () => {
    expect(last('basename a b c')).toEqual({
      output: "basename: extra operand ‘c’\nTry 'basename --help' for more information.\n",
      status: 1,
    });
  });
  it('dirname needs an operand', () => {
    expect(last('dirname')).toEqual({
      output: "dirname: missing operand\nTry 'dirname --help' for more information.\n",
      status: 1,
    });
  });
});

describe('which', () => {
  it('finds every layer’s commands, sbin tools under /usr/sbin', () => {
    expect(last('which lvs dmsetup awk docker')).toEqual({
      output: '/usr/sbin/lvs\n/usr/sbin/dmsetup\n/usr/bin/awk\n/usr/bin/docker\n',
      status: 0,
    });
  });
  it('says so for a name the shell cannot find, with status 1', () => {
    const r = last('which ls nosuchtool');
    expect(r.status).toBe(1);
    expect(r.output).toContain('/usr/bin/ls\n');
    expect(r.output).toContain('/usr/bin/which: no nosuchtool in (');
  });
});

describe('head -c and tail -c (bytes, as GNU coreutils)', () => {
  const file = 'printf "abcdef\\nxyz\\n" > /f; ';
  it('head -c N is the first N bytes, head -c -N all but the last N', () => {
    expect(last(file + 'head -c 3 /f').output).toBe('abc');
    expect(last(file + 'head -c -4 /f').output).toBe('abcdef\n');
  });
  it('tail -c N is the last N bytes, tail -c +N from byte N on', () => {
    expect(last(file + 'tail -c 4 /f').output).toBe('xyz\n');
    expect(last(file + 'tail -c +5 /f').output).toBe('ef\nxyz\n');
  });
  it('takes multipliers, counts UTF-8 bytes, and the last of -n/-c wins', () => {
    expect(last(file + 'head -c 2K /f | wc -c').output).toBe('11\n');
    expect(last("printf 'é!' | head -c 2").output).toBe('é');
    expect(last(file + 'head -n 1 -c 2 /f').output).toBe('ab');
    expect(last(file + 'head -c 2 -n 1 /f').output).toBe('abcdef\n');
  });
  it('refuses a count that is not a number', () => {
    expect(last(file + 'head -c x /f')).toEqual({ output: 'head: invalid number of bytes: ‘x’\n', status: 1 });
  });
});

describe('env runs its command with the environment it built', () => {
  it('NAME=VALUE, -i and -u reach the command, and a command run by another inherits its environment', () => {
    expect(last('export FOO=shell; env FOO=1 printenv FOO').output).toBe('1\n');
    expect(last('env -i BAR=2 env').output).toBe('BAR=2\n');
    expect(last('export FOO=shell; env -u FOO printenv FOO')).toEqual({ output: '', status: 1 });
    expect(last('echo x | FOO=4 xargs -I{} printenv FOO').output).toBe('4\n');
    expect(last('env FOO=5 xargs printenv FOO < /dev/null').output).toBe('5\n');
  });
});
