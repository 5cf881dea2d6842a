// Differential specification: each script's stdout and exit status in the sandbox equal those of the real bash here.
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { Sandbox } from '../sandbox';

/** stdout and status of the real bash (stderr dropped: its messages carry "bash: -c: line 1:" prefixes). */
function realBash(script: string): { out: string; status: number } {
  try {
    return {
      out: execFileSync('bash', ['-c', script], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
        env: { ...process.env, LC_ALL: 'C' },
      }),
      status: 0,
    };
  } catch (e) {
    const err = e as { stdout: string; status: number };
    return { out: err.stdout, status: err.status };
  }
}

/** stdout and status of the sandbox running the script as one command (stderr goes to a file nobody reads). */
function sandbox(script: string): { out: string; status: number } {
  const r = new Sandbox().run(`{\n${script}\n} 2>/dev/null`);
  if (!r.ok) throw new Error(`${r.error.line}:${r.error.col}: ${r.error.message}`);
  const e = r.entries[r.entries.length - 1];
  return { out: e.output, status: e.status };
}

const scripts: Record<string, string[]> = {
  case: [
    'case abc in a) echo one;; a*) echo star;; *) echo any;; esac',
    'case abc in x|y|ab?) echo alt;; esac',
    'case b in [a-c]) echo class;; esac; case d in [!a-c]) echo negated;; esac',
    'x="*"; case abc in "$x") echo literal;; $x) echo pattern;; esac',
    'case "a*" in "a*") echo quoted;; esac; case a in \'a\'*) echo mixed;; esac',
    'case x in y) echo no;; esac; echo "status=$?"',
    'case x in x) false;; esac; echo "status=$?"',
    'case x in x) ;; esac; echo "status=$?"',
    'case a in (a) echo paren;; esac',
    'case a in a) echo 1;& b) echo 2;& c) echo 3;; d) echo 4;; esac',
    'case ab in a*) echo 1;;& *b) echo 2;;& x) echo 3;; *) echo 4;; esac',
    'v=hello.tar.gz; case $v in *.tar.gz|*.tgz) echo tarball;; *) echo other;; esac',
    'case "" in "") echo empty;; esac',
    'case a/b in *) echo slash-matches-star;; esac',
    'for w in 1 x 22; do case $w in [0-9]) echo digit;; [0-9][0-9]) echo two;; *) echo word;; esac; done',
    'case x in\n  x)\n    echo multi\n    echo line\n    ;;\n  *)\n    echo no\nesac',
    'case y in x) echo a;; y) echo last-without-semis\nesac',
  ],
  cond: [
    '[[ -n abc && -z "" ]]; echo $?',
    '[[ abc == a* ]] && echo glob; [[ abc == "a*" ]] || echo literal',
    'p="a*"; [[ abc == $p ]] && echo var-pattern; [[ abc == "$p" ]] || echo var-literal',
    '[[ abc != b* ]]; echo $?',
    '[[ b > a && a < b ]]; echo $?',
    '[[ 10 -gt 9 ]]; echo $?; [[ 10 > 9 ]]; echo $?',
    '[[ 1+1 -eq 2 ]] && echo arithmetic; n=5; [[ n -ge 5 ]] && echo by-name',
    '[[ ! -z x ]] && echo not; [[ ! ( a == b || c == d ) ]] && echo group',
    '[[ a == b || ( c == c && d == d ) ]]; echo $?',
    'x="a b"; [[ $x == "a b" ]] && echo no-splitting; [[ * == "*" ]] && echo no-globbing',
    '[[ -f /etc/hostname && -s /etc/hostname ]]; echo $?; [[ -d /etc ]]; echo $?; [[ -e /nonexistent || -f /etc ]]; echo $?',
    '[[ ab12 =~ ^[a-z]+([0-9]+)$ ]] && echo "match $BASH_REMATCH"',
    '[[ a.c =~ "a.c" ]] && echo q1; [[ abc =~ "a.c" ]]; echo $?',
    '[[ x =~ y|x ]] && echo alternation',
    '[[ "" ]]; echo $?; [[ word ]]; echo $?',
    'unset u; [[ -z $u ]] && echo unset-empty',
    '[[ 1 -eq 1 ]] && [[ 2 -lt 1 ]]; echo $?',
  ],
  functions: [
    'f() { echo "$# [$1] [$2]"; }; f a "b c" d',
    'f() { for a in "$@"; do echo "<$a>"; done; }; f "1 2" "" 3',
    'f() { for a in $@; do echo "<$a>"; done; }; f "1 2" 3',
    'f() { echo "[$*]"; }; f a b c',
    'f() { return 3; echo not; }; f; echo $?',
    'f() { false; return; }; f; echo $?',
    'f() { return 300; }; f; echo $?',
    'x=outer; f() { local x=inner; echo $x; g; }; g() { echo "g sees $x"; }; f; echo $x',
    'f() { local y; y=1; }; y=0; f; echo $y',
    'f() { x=global; }; f; echo $x',
    'function f { echo kw; }; f; function g() { echo kw-parens; }; g',
    'echo() { printf "shadow %s\\n" "$1"; }; echo hi; true() { return 7; }; true; echo $?',
    'fact() { if [ $1 -le 1 ]; then echo 1; else echo $(( $1 * $(fact $(( $1 - 1 ))) )); fi; }; fact 6',
    'f() { echo "$1"; shift; echo "$1 $#"; }; f a b c',
    'f() { echo in; } > /dev/null; f; echo after',
    'f() { echo "args:$#"; }; f; echo "top:$#"',
    'f() { (return 4); echo "sub:$?"; }; f',
    'f() { for i in 1 2 3; do [ $i = 2 ] && return $i; done; }; f; echo $?',
    'f() { echo $1; }; g() { f "$2"; }; g a b',
    'f() { echo one; }; f() { echo two; }; f',
    'f() { :; }; unset -f f; f 2>/dev/null; echo $?',
    'f() { case $1 in -h) echo help;; *) echo "arg $1";; esac; }; f -h; f x',
    'f()\n{\n  echo newline-brace\n}\nf',
  ],
};

describe('the sandbox shell behaves as bash', () => {
  for (const [group, list] of Object.entries(scripts)) {
    describe(group, () => {
      for (const script of list.map((s) => s.replace(/\\n/g, '\n'))) {
        it(script.replace(/\n/g, '⏎'), () => {
          expect(sandbox(script)).toEqual(realBash(script));
        });
      }
    });
  }
});
