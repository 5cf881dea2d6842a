// awk's messages and the gawk behaviours the real awk here (mawk) does not share: texts, statuses, the step budget.
import { describe, expect, it } from 'vitest';
import { Sandbox } from '../../sandbox';

/** Runs a script; what it printed (stdout and stderr) and its status. */
function run(script: string, sb = new Sandbox()): { output: string; status: number } {
  const r = sb.run(script);
  if (!r.ok) throw new Error(r.error.message);
  const e = r.entries[r.entries.length - 1];
  return { output: e.output, status: e.status };
}

describe('awk syntax errors are reported as gawk does, with the line and a caret, status 1', () => {
  it('an unfinished action: unexpected newline or end of string', () => {
    expect(run("awk 'BEGIN {'")).toEqual({
      output: 'awk: cmd. line:1: BEGIN {\nawk: cmd. line:1:        ^ unexpected newline or end of string\n',
      status: 1,
    });
  });

  it('an operator where an operand belongs: the caret under it', () => {
    expect(run("awk 'BEGIN { print 1 +* 2 }'").output).toBe(
      'awk: cmd. line:1: BEGIN { print 1 +* 2 }\nawk: cmd. line:1:                  ^ syntax error\n',
    );
  });

  it('an error on the second line names line 2', () => {
    expect(run("awk 'BEGIN {\n x = (1\n}'").output).toMatch(/^awk: cmd\. line:2: {2}x = \(1\n/);
  });

  it('a newline after a binary operator ends the statement (only && || , { do else continue a line)', () => {
    expect(run("awk 'BEGIN { x = 1 +\n 2 }'").status).toBe(1);
    expect(run('awk \'BEGIN { if (1 &&\n 1) print "ok" }\'').output).toBe('ok\n');
  });

  it('nothing runs when the program does not parse', () => {
    const sb = new Sandbox();
    expect(run('awk \'BEGIN { print "x" > "f.txt" } }\'', sb).status).toBe(1);
    expect(run('cat f.txt', sb).status).toBe(1);
  });
});

describe('awk statements out of place are syntax errors', () => {
  for (const [program, why] of [
    ['BEGIN { break }', "`break' is not allowed outside a loop"],
    ['BEGIN { next }', "`next' used in BEGIN action"],
    ['END { nextfile }', "`nextfile' used in END action"],
    ['{ return 1 }', "`return' used outside function context"],
  ]) {
    it(program, () => {
      const r = run(`awk '${program}'`);
      expect(r.status).toBe(1);
      expect(r.output.split('\n')[1]).toMatch(new RegExp(`\\^ ${why}$`));
    });
  }

  it('an error in a -f program file names the file', () => {
    const r = run("printf 'BEGIN {\\n  print (\\n}\\n' > bad.awk; awk -f bad.awk");
    expect(r.output).toMatch(/^awk: bad\.awk:2: {3}print \(\nawk: bad\.awk:2: /);
  });

  it('a missing -f program file', () => {
    expect(run('awk -f nope.awk')).toEqual({
      output: "awk: fatal: can't open source file `nope.awk' for reading (No such file or directory)\n",
      status: 2,
    });
  });
});

describe('awk fatal errors stop the run with status 2', () => {
  it('division by zero in BEGIN', () => {
    expect(run("awk 'BEGIN { print 1/0 }'")).toEqual({
      output: 'awk: cmd. line:1: fatal: division by zero attempted\n',
      status: 2,
    });
  });

  it('division by zero while reading records names the file and record', () => {
    expect(run("printf 'a\\nb\\n' | awk 'NR == 2 { print 1 % 0 }'").output).toBe(
      "awk: cmd. line:1: (FILENAME=- FNR=2) fatal: division by zero attempted in `%'\n",
    );
  });

  it('a format wanting more arguments than given prints nothing of it (gawk)', () => {
    const r = run('awk \'BEGIN {printf "%s %s\\n", "a"}\'');
    expect(r.status).toBe(2);
    expect(r.output).toBe(
      "awk: cmd. line:1: fatal: not enough arguments to satisfy format string\n\t`%s %s\n'\n\t    ^ ran out for this one\n",
    );
  });

  it('names the program line of the failing statement', () => {
    expect(run("awk 'BEGIN {\n  x = 1\n  print x / 0\n}'").output).toBe(
      'awk: cmd. line:3: fatal: division by zero attempted\n',
    );
  });

  it('output printed before the error stays printed', () => {
    expect(run('awk \'BEGIN { print "before"; print 1 / 0 }\'').output).toBe(
      'before\nawk: cmd. line:1: fatal: division by zero attempted\n',
    );
  });

  it('a missing input file', () => {
    expect(run("awk '{ print }' nope.txt")).toEqual({
      output: "awk: cmd. line:1: fatal: cannot open file `nope.txt' for reading (No such file or directory)\n",
      status: 2,
    });
  });

  it('an endless loop is stopped by the step budget instead of hanging the engine', () => {
    const r = run("awk 'BEGIN { while (1) x++ }'");
    expect(r.status).toBe(2);
    expect(r.output).toBe("awk: cmd. line:1: fatal: the sandbox's awk stopped after 1000000 steps (endless loop?)\n");
  });

  it('unbounded recursion is stopped too', () => {
    expect(run("awk 'function f(n) { return f(n + 1) } BEGIN { f(1) }'").status).toBe(2);
  });

  it('reading from a command is refused clearly', () => {
    const r = run('awk \'BEGIN { "date" | getline d; print d }\'');
    expect(r.status).toBe(2);
    expect(r.output).toMatch(/cannot read from a command/);
  });

  it('next reached from BEGIN through a function', () => {
    expect(run("awk 'function skip() { next } BEGIN { skip() }'").output).toBe(
      "awk: cmd. line:1: fatal: `next' cannot be called from a BEGIN rule\n",
    );
  });

  it('%c of a code beyond Unicode does not crash', () => {
    expect(run('awk \'BEGIN { printf "%c", 256 * 256 * 256 * 65 + 66 }\'').status).toBe(0);
  });

  it('a dynamic regex with an unclosed bracket', () => {
    expect(run('echo a | awk \'$0 ~ "x[" { print }\'').output).toBe(
      'awk: cmd. line:1: (FILENAME=- FNR=1) fatal: Unmatched [ or [^: /x[/\n',
    );
  });

  it('a command line with shell syntax is refused clearly (the sandbox has no sh -c)', () => {
    const r = run('awk \'BEGIN { print "b" | "sort | uniq" }\'');
    expect(r.status).toBe(2);
    expect(r.output).toBe(
      "awk: cmd. line:1: fatal: the sandbox's awk cannot run `sort | uniq' (only a plain command and its arguments)\n",
    );
  });

  it('a scalar used as an array', () => {
    expect(run("awk 'BEGIN { x = 1; x[1] = 2 }'").output).toBe(
      "awk: cmd. line:1: fatal: attempt to use scalar `x' as an array\n",
    );
  });
});

describe('awk options', () => {
  it('-v without var=value is refused with the usage', () => {
    const r = run("awk -v oops 'BEGIN {}'");
    expect(r.status).toBe(2);
    expect(r.output).toMatch(/^awk: `oops' argument to `-v' not in `var=value' form\n/);
  });

  it('no program prints the usage, status 2', () => {
    expect(run('awk').output).toMatch(/^Usage: awk \[POSIX or GNU style options\]/);
  });

  it('--version names gawk 4.0.2 as on RHEL 7', () => {
    expect(run('awk --version')).toMatchObject({ status: 0, output: expect.stringMatching(/^GNU Awk 4\.0\.2\n/) });
  });

  it('an unknown option is refused with the usage', () => {
    const r = run("awk -q '{}'");
    expect(r.status).toBe(2);
    expect(r.output).toMatch(/^awk: invalid option -- 'q'\nUsage: awk/);
  });

  it('-Ft means a tab, as in gawk', () => {
    expect(run("printf 'a\\tb\\n' | awk -Ft '{ print $2 }'").output).toBe('b\n');
  });
});

describe('gawk semantics where mawk differs', () => {
  it('substr moves a start below 1 to 1 and keeps the length (gawk 4.0; mawk differs)', () => {
    expect(run('awk \'BEGIN { print substr("hello", -1, 3) }\'').output).toBe('hel\n');
  });

  it('log and sqrt of negatives warn and give -nan, as gawk on x86 glibc', () => {
    expect(run("awk 'BEGIN { print log(-1), sqrt(-4) }' 2>/dev/null").output).toBe('-nan -nan\n');
    expect(run("awk 'BEGIN { x = log(-1) }' 2>&1").output).toBe(
      'awk: cmd. line:1: warning: log: received negative argument -1\n',
    );
  });

  it('large integral values print as integers', () => {
    expect(run("awk 'BEGIN { print 100000 * 100000, 2^53 }'").output).toBe('10000000000 9007199254740992\n');
  });

  it('** and **= are ^ and ^=', () => {
    expect(run("awk 'BEGIN { x = 2; x **= 3; print 2**3, x }'").output).toBe('8 8\n');
  });

  it('strings are not hexadecimal numbers', () => {
    expect(run("echo 0x10 | awk '{ print $1 + 0 }'").output).toBe('0\n');
  });

  it('index of the empty string is 0 (gawk special-cases it)', () => {
    expect(run('awk \'BEGIN { print index("abc", "") }\'').output).toBe('0\n');
  });

  it('length of an array is its element count', () => {
    expect(run("awk 'BEGIN { a[1]; a[2]; print length(a) }'").output).toBe('2\n');
  });
});

describe('awk output goes through the sandbox file system', () => {
  it('> truncates on first use then appends; >> appends', () => {
    const sb = new Sandbox();
    run('echo old > f.txt; printf \'1\\n2\\n\' | awk \'{ print $1 > "f.txt" } END { print "e" >> "f.txt" }\'', sb);
    expect(run('cat f.txt', sb).output).toBe('1\n2\ne\n');
  });

  it('/dev/stderr reaches the error stream', () => {
    const r = new Sandbox().run('awk \'BEGIN { print "oops" > "/dev/stderr" }\' 2>/dev/null');
    if (!r.ok) throw new Error(r.error.message);
    expect(r.entries[r.entries.length - 1].output).toBe('');
  });

  it('srand and rand repeat the same numbers for the same seed', () => {
    const a = run("awk 'BEGIN { srand(7); print rand(), rand() }'").output;
    expect(run("awk 'BEGIN { srand(7); print rand(), rand() }'").output).toBe(a);
    expect(run("awk 'BEGIN { print srand(3), srand(4) }'").output).toBe('0 3\n');
  });
});
