// Differential specification of printf/echo/seq, names, test, env and the file tools against the real ones here.
import { describe, expect, it } from 'vitest';
import { realRun, sandboxRun } from './differential';

const scripts: Record<string, string[]> = {
  printf: [
    "printf '%s-%s\\n' a b c d",
    "printf '%d %x %X %o\\n' 255 255 255 8",
    "printf '%05.2f|%.3f|%f\\n' 3.14159 2 1.5",
    "printf '%5s|%-5s|%.2s\\n' ab cd efgh",
    "printf '%05d|%-4d|%+d\\n' 42 7 5",
    "printf '%b\\n' 'a\\tb\\x41\\0101'",
    "printf 'tab\\there\\x41\\101\\n'",
    "printf '%c%c\\n' hello world",
    "printf '%%|%s\\n' x",
    "printf '%s\\n'",
    "printf '%d\\n' abc; echo $?",
    "printf '%d\\n' 0x1f 010 -3",
    "printf '%e\\n' 12345.678",
    "printf '%g %g\\n' 0.0001 1000000",
    "printf '%*d|\\n' 5 3",
    "printf '%s %q\\n' a 'b c'",
    "printf 'h\\xc3\\xa9\\n' | wc -c",
  ],
  echo: [
    'echo a   b c',
    'echo -n no-newline',
    "echo -e 'a\\tb\\nc'",
    "echo 'a\\tb'",
    "echo -e 'x\\cy'",
    'echo -ne "a\\n"',
    'echo -- -n',
    'echo -x',
    "echo -e '\\0101\\x42'",
  ],
  seq: [
    'seq 3',
    'seq 2 5',
    'seq 1 3 10',
    'seq 5 -1 3',
    'seq -s: 4',
    'seq -w 9 11',
    'seq 0.5 0.5 2',
    "seq -f '%03g' 3",
    'seq 1 0; echo $?',
    'seq -1 1',
  ],
  names: [
    'basename /usr/lib/x.so .so',
    'basename -a /a/b /c/d/',
    'basename -s .txt a.txt b.txt',
    'basename /',
    'dirname /usr/lib/x.so',
    'dirname a b/c /d/e/',
    'dirname .',
  ],
  test: [
    'test 3 -eq 3; echo $?',
    '[ 3 -ne 3 ]; echo $?',
    '[ abc = abc ]; echo $?',
    '[ abc != abd ]; echo $?',
    '[ -z "" ] && echo empty',
    'touch f; [ -f f ] && [ -e f ] && [ ! -d f ] && echo file',
    'mkdir d; [ -d d ]; echo $?',
    'printf x > g; [ -s g ] && echo nonempty; : > h; [ -s h ] || echo empty',
    '[ 1 -lt 2 -a 3 -gt 2 ]; echo $?',
    '[ ! 1 -eq 1 ]; echo $?',
    '[ 5 -ge 5 ] && [ 4 -le 3 ]; echo $?',
    '[ a \\< b ]; echo $?',
    '[ x -eq 1 ]; echo $?',
    'true; echo $?; false; echo $?',
    '! true; echo $?',
  ],
  env: [
    'env FOO=bar printenv FOO',
    'env -i A=1 B=2 printenv A B',
    'FOO=1 printenv FOO',
    'env -u HOME printenv HOME; echo $?',
    'env A=1 nosuchcmd; echo $?',
  ],
  files: [
    'dd if=/dev/zero of=z bs=1024 count=3 2>/dev/null; wc -c z',
    'dd if=/dev/zero bs=10 count=2 2>/dev/null | wc -c',
    'printf abcdef > f; dd if=f bs=1 skip=2 count=3 2>/dev/null; echo',
    'printf abc > f; stat -c "%s %n %F" f',
    'mkdir d; stat -c %F d',
    ': > e; stat -c "%s|%F" e',
    'printf abc > f; stat -c %a f; mkdir d; stat -c %a d',
    'printf abc > f; stat --format="%s" f',
    'stat -c %s nope; echo $?',
    'printf abc > f; du -s --apparent-size -b f',
    'printf abc > f; du -b f',
    'mkdir -p a/b; printf x > a/b/c; printf y > a/d; ls a',
    'mkdir a; touch a/z a/m a/.h; ls -a a',
    'mkdir a; touch a/z a/m a/.h; ls -1 a',
    'mkdir a; touch a/z a/m a/.h; ls -A a',
    'mkdir a b; touch a/x b/y; ls a b',
    'ls nope; echo $?',
    'touch f; ls -d f .',
    'mkdir a; touch a/b a/c; ls -r a',
    'touch f; ls --bogus; echo $?',
    'rm nope; echo $?',
    'rm -f nope; echo $?',
    'mkdir d; rm d; echo $?',
    'mkdir -p x/y; rmdir x; echo $?',
    'mkdir -p x/y/z && ls x/y',
    'mkdir x; mkdir x; echo $?',
    'printf hi > a; cp a b; cat b',
    'printf hi > a; mv a b; cat b; [ -e a ]; echo $?',
    'touch a; cp a; echo $?',
  ],
};

describe('coreutils and bash builtins print what the real ones print', () => {
  for (const [group, list] of Object.entries(scripts)) {
    describe(group, () => {
      for (const script of list) {
        it(script, () => {
          expect(sandboxRun(script)).toEqual(realRun(script));
        });
      }
    });
  }
});
