// Differential specification of the text tools: stdout and status in the sandbox equal GNU coreutils' on this machine.
import { describe, expect, it } from 'vitest';
import { realRun, sandboxRun } from './differential';

/** Small inputs each script makes for itself. */
const S = "printf 'b 2\\na 10\\nc 1\\na 10\\n' > s.txt; ";
const W = "printf 'one two\\nthree\\n\\nfour  five six\\n' > w.txt; ";
const C = "printf 'x:1:alpha\\ny:22:beta\\nz:3:gamma\\n' > c.txt; ";
const N = "printf 'l1\\nl2\\nl3\\nl4\\nl5\\nl6\\nl7\\nl8\\nl9\\nl10\\nl11\\nl12\\n' > n.txt; ";

const scripts: Record<string, string[]> = {
  cat: [
    S + 'cat s.txt',
    S + W + 'cat s.txt w.txt',
    W + 'cat -n w.txt',
    W + 'cat -b w.txt',
    "printf 'a\\tb\\r\\n' | cat -A",
    "printf 'a\\tb\\n' | cat -T",
    "printf 'a\\n\\n\\n\\nb\\n' | cat -s",
    "printf 'a\\n' | cat -E",
    "printf 'no newline' | cat -n",
    S + "printf 'in\\n' | cat s.txt - s.txt",
    'cat nope; echo $?',
    'cat -z; echo $?',
  ],
  headTail: [
    N + 'head n.txt',
    N + 'head -n 3 n.txt',
    N + 'head -3 n.txt',
    N + 'head -n -9 n.txt',
    N + 'head -c 5 n.txt',
    N + 'tail n.txt',
    N + 'tail -n 2 n.txt',
    N + 'tail -2 n.txt',
    N + 'tail -n +11 n.txt',
    N + 'tail +11 n.txt',
    N + 'tail -c 4 n.txt',
    N + S + 'head -n 1 n.txt s.txt',
    N + S + 'tail -n 1 n.txt s.txt',
    N + S + 'head -q -n 1 n.txt s.txt',
    N + 'head -v -n 1 n.txt',
    "printf 'a\\nb' | tail -n 1",
    "printf 'a\\nb' | head -n 5",
    N + 'head -n x n.txt; echo $?',
    N + 'head -z n.txt; echo $?',
    'head nope; echo $?',
  ],
  wc: [
    W + 'wc w.txt',
    W + 'wc -l w.txt',
    W + 'wc -w w.txt',
    W + 'wc -c w.txt',
    "printf 'h\\xc3\\xa9llo\\n' | wc -m",
    "printf 'h\\xc3\\xa9llo\\n' | wc -c",
    W + 'wc -L w.txt',
    W + S + 'wc w.txt s.txt',
    W + S + 'wc -l w.txt s.txt',
    W + 'cat w.txt | wc',
    W + 'cat w.txt | wc -l',
    W + 'wc -lw w.txt',
    W + 'wc -lc w.txt',
    W + 'wc w.txt nope; echo $?',
    "printf '' | wc",
  ],
  sort: [
    S + 'sort s.txt',
    S + 'sort -r s.txt',
    S + 'sort -u s.txt',
    S + 'sort -n -k 2 s.txt',
    S + 'sort -k 2 s.txt',
    S + 'sort -k2n s.txt',
    S + 'sort -k2,2nr s.txt',
    C + 'sort -t: -k2 -n c.txt',
    C + 'sort -t : -k 3 -r c.txt',
    "printf '10\\n9\\n100\\n-1\\n' | sort -n",
    "printf '10\\n9\\n100\\n' | sort",
    "printf '2K\\n1M\\n3\\n1G\\n' | sort -h",
    "printf 'b\\nA\\na\\nB\\n' | sort -f",
    "printf 'a 1\\na 2\\nb 1\\n' | sort -k1,1 -u",
    "printf '3\\n1\\n2\\n' | sort -rn",
    "printf 'x\\n' | sort -Z; echo $?",
  ],
  uniq: [
    S + 'sort s.txt | uniq',
    S + 'sort s.txt | uniq -c',
    S + 'sort s.txt | uniq -d',
    S + 'sort s.txt | uniq -u',
    "printf 'a\\nA\\nb\\n' | uniq -i",
    "printf 'x a\\ny a\\nz b\\n' | uniq -f 1",
    "printf 'a\\na\\nb\\n' > u.txt; uniq u.txt out.txt; cat out.txt",
    "printf 'a\\na\\n' | uniq -q; echo $?",
  ],
  cut: [
    C + 'cut -d: -f1 c.txt',
    C + 'cut -d : -f 2,3 c.txt',
    C + 'cut -d: -f2- c.txt',
    C + 'cut -d: -f-2 c.txt',
    C + 'cut -c1-3 c.txt',
    C + 'cut -c 3- c.txt',
    C + 'cut -b 1,3 c.txt',
    "printf 'a\\tb\\tc\\nnodelim\\n' | cut -f2",
    "printf 'a\\tb\\tc\\nnodelim\\n' | cut -s -f2",
    C + 'cut -d: --output-delimiter=/ -f1,3 c.txt',
    C + 'cut -d: --complement -f2 c.txt',
    C + 'cut -d: -f3,1 c.txt',
    C + 'cut c.txt; echo $?',
    C + 'cut -f0 c.txt; echo $?',
  ],
  tr: [
    'echo hello | tr a-z A-Z',
    "echo hello | tr '[:lower:]' '[:upper:]'",
    'echo hello | tr -d l',
    "echo 'a  b   c' | tr -s ' '",
    "echo hello | tr -c 'a-z' '_'",
    "echo hello123 | tr -cd '0-9'",
    'echo hello | tr el ip',
    'echo hello | tr abcdefgh x',
    'echo aabbcc | tr -s a-c',
    "printf 'a\\nb\\n' | tr '\\n' ,",
    "echo 'hello world' | tr -s 'lo' 'xy'",
    'echo abc | tr -d; echo $?',
    "echo 'a1b2' | tr -d '[:digit:]'",
    "echo 'x' | tr -x a b; echo $?",
  ],
  tee: [
    'echo hi | tee t1; cat t1',
    'echo one > t2; echo two | tee -a t2 > /dev/null; cat t2',
    'echo hi | tee t3 t4 > /dev/null; cat t3 t4',
    'echo hi | tee nodir/x; echo $?',
  ],
  xargs: [
    "printf 'a b\\nc\\n' | xargs echo",
    "printf 'a b c d e\\n' | xargs -n 2 echo",
    "printf 'a\\nb\\n' | xargs -I{} echo 'x{}y'",
    "printf 'a\\nb\\n' | xargs -I % echo % %",
    "printf '' | xargs echo go",
    "printf '' | xargs -r echo go",
    "printf '1 2 3\\n' | xargs",
    "printf 'a\\nb\\n' | xargs -n1",
    "printf 'x\\n' | xargs false; echo $?",
  ],
};

describe('text tools print what GNU coreutils print', () => {
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
