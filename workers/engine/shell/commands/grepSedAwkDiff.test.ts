// Differential specification of grep, sed and awk: stdout and status in the sandbox equal the real tools' here.
import { describe, expect, it } from 'vitest';
import { realRun, sandboxRun } from './differential';

const G = "printf 'alpha one\\nBeta two\\ngamma three\\nalphabet\\n' > g.txt; printf 'x alpha\\n' > h.txt; ";
const A = "printf 'a 1 x\\nb 2 y\\na 3 z\\n' > a.txt; ";

const scripts: Record<string, string[]> = {
  grep: [
    G + 'grep alpha g.txt',
    G + 'grep -v alpha g.txt',
    G + 'grep -c alpha g.txt',
    G + 'grep -n a g.txt',
    G + 'grep -i beta g.txt',
    G + 'grep -w alpha g.txt',
    G + 'grep -x alphabet g.txt',
    G + 'grep -o "al[a-z]*" g.txt',
    G + "grep -E 'one|two' g.txt",
    G + "grep 'one\\|two' g.txt",
    G + 'grep -F "a.p" g.txt; echo $?',
    G + 'grep -q alpha g.txt; echo $?',
    G + 'grep -q zzz g.txt; echo $?',
    G + 'grep alpha g.txt h.txt',
    G + 'grep -l alpha g.txt h.txt',
    G + 'grep -h alpha g.txt h.txt',
    G + 'grep -c alpha g.txt h.txt',
    G + 'grep -e one -e two g.txt',
    G + 'grep -A1 Beta g.txt',
    G + 'grep -B1 Beta g.txt',
    G + 'grep zzz nope.txt; echo $?',
    G + "grep '^[ab]' g.txt",
    G + "grep -E 'a{2,}|m{2}' g.txt",
    G + 'cat g.txt | grep -n three',
    G + 'mkdir d; cp g.txt d/; grep -r gamma d',
    G + 'grep -L alpha g.txt h.txt; echo $?',
    G + 'grep -L Beta g.txt h.txt',
    G + 'mkdir d; cp g.txt d/; cd d; grep -r gamma; grep -r Beta .',
    G + 'mkdir -p d/e; cp g.txt d/e/; grep -rc alpha d',
  ],
  sed: [
    G + 'sed s/a/A/ g.txt',
    G + 'sed s/a/A/g g.txt',
    G + "sed -n '2p' g.txt",
    G + "sed -n '/Beta/,/gamma/p' g.txt",
    G + "sed '2d' g.txt",
    G + "sed '$d' g.txt",
    G + "sed -e 's/a/1/' -e 's/l/2/' g.txt",
    G + "sed 's/\\(al\\)pha/\\1-/' g.txt",
    G + "sed -E 's/(a)(l)/\\2\\1/' g.txt",
    G + "sed 's/a/&&/2' g.txt",
    G + "sed -i 's/alpha/ALPHA/' g.txt; cat g.txt",
    G + "sed '1!d' g.txt",
    G + "sed -n '$p' g.txt",
    G + "sed 's|a|/|g' g.txt",
    G + "sed '/alpha/s/one/1/' g.txt",
    G + "sed -n 's/one/1/p' g.txt",
    G + "sed '2q' g.txt",
    G + "sed '1i top' g.txt",
    G + "sed '1a after' g.txt",
    G + "sed 's/a/b/I' g.txt",
    G + 'sed = g.txt',
  ],
  awk: [
    A + "awk '{print $2}' a.txt",
    A + "awk '{print $1, $3}' a.txt",
    A + 'awk \'$1 == "a" {print $2}\' a.txt',
    A + "awk '{s += $2} END {print s}' a.txt",
    A + "awk '{print NR, NF}' a.txt",
    A + 'awk \'BEGIN {print "start"} END {print NR}\' a.txt',
    A + 'awk \'{printf "%s=%d\\n", $1, $2 * 10}\' a.txt',
    A + "awk -F' ' '{print $NF}' a.txt",
    "printf 'a:b:c\\n' | awk -F: '{print $2}'",
    "echo '5 3' | awk '{print $1 + $2, $1 - $2, $1 * $2, $1 / $2, $1 % $2}'",
    "echo 'x' | awk '{print length($0)}'",
    "echo 'hello world' | awk '{print toupper($1), substr($2, 2, 3)}'",
    A + "awk 'NR == 2' a.txt",
    A + "awk '/x|z/' a.txt",
    "awk -v n=4 'BEGIN {print n * 2}'",
    "echo 'a b' | awk '{print $1 $2}'",
    'awk \'BEGIN {printf "%5.2f|%-4s|%x|%05d|%e\\n", 3.14159, "ab", 255, 42, 1234.5}\'',
    'awk \'BEGIN {print int(3.9), length("abc")}\'',
    "printf 'a\\nb\\n' | awk 'END {print $0}'",
  ],
};

describe('grep, sed and awk print what the real ones print', () => {
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
