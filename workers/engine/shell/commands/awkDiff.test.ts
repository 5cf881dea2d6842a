// Differential specification of awk: each program's stdout and status in the sandbox equal the real awk's here.
import { describe, expect, it } from 'vitest';
import { realRun, sandboxRun } from './differential';

const A = "printf 'a 1 x\\nb 2 y\\na 3 z\\n' > a.txt; ";
const P = "printf 'web 10 up\\ndb 25 down\\nweb 7 up\\ncache 3 up\\n' > p.txt; ";
const C = "printf 'k1,v1,10\\nk2,,20\\nk3,v3,30\\n' > c.csv; ";

const programs: Record<string, string[]> = {
  'patterns and ranges': [
    P + "awk '$2 > 8' p.txt",
    P + "awk '/up/ && $2 < 8 {print $1}' p.txt",
    P + "awk '!/up/' p.txt",
    P + 'awk \'/db/,/cache/ {print NR": "$0}\' p.txt',
    P + "awk 'NR==2, NR==3' p.txt",
    P + "awk '$1 ~ /^w/ {n++} END {print n}' p.txt",
    P + 'awk \'$1 !~ "e"\' p.txt',
    P + "awk 'length > 8' p.txt",
    P + "awk 'NR > 1 {print $1}' p.txt",
    P + 'awk \'$3 == "up" && ($2 % 2)\' p.txt',
    "printf '10\\n9\\n010\\n1e1\\nabc\\n' | awk '$1 == 10'",
    "printf '10\\n9\\n' | awk '$1 < \"9\"'",
    "printf 'a\\n\\nb\\n' | awk 'NF'",
  ],
  'control flow': [
    'echo \'a b c\' | awk \'{for (i = NF; i > 0; i--) printf "%s ", $i; print ""}\'',
    'awk \'BEGIN {x = 7; if (x > 5) print "big"; else print "small"}\'',
    "awk 'BEGIN {i = 0; while (i < 5) {i++; if (i == 2) continue; if (i == 4) break; print i}}'",
    "awk 'BEGIN {do {n++} while (n < 3); print n}'",
    "awk 'BEGIN {for (;;) {if (++k > 4) break}; print k}'",
    P + 'awk \'{if ($3 == "down") next; print $1}\' p.txt',
    P + "awk 'NR == 2 {exit} {print}' p.txt",
    P + 'awk \'{print} END {print "end"}\' p.txt | head -n 2',
    'awk \'BEGIN {exit 3} END {print "still"}\'; echo $?',
    "echo x | awk '{exit 4} END {exit}'; echo $?",
    'awk \'BEGIN {if (!(3 in a)) print "no"; a[3]; if (3 in a) print "yes"}\'',
    "awk 'BEGIN {for (i = 0; i < 3; i++) for (j = 0; j < 2; j++) s = s i j; print s}'",
  ],
  arrays: [
    P + 'awk \'{s[$1] += $2} END {print s["web"], s["db"], s["cache"]}\' p.txt',
    P + "awk '{c[$3]++} END {for (k in c) print k, c[k]}' p.txt | sort",
    "awk 'BEGIN {a[1,2] = 3; for (k in a) {split(k, p, SUBSEP); print p[1], p[2], a[k]}}'",
    "awk 'BEGIN {a[1,2] = 3; print ((1,2) in a), ((2,1) in a)}'",
    'awk \'BEGIN {a["x"]; a["y"]; delete a["x"]; for (k in a) print k; delete a; print length(a)}\'',
    'awk \'BEGIN {n = split("a:b:c", p, ":"); print n, p[1], p[3]}\'',
    'awk \'BEGIN {n = split("a1b22c", p, /[0-9]+/); print n, p[1] p[2] p[3]}\'',
    'awk \'BEGIN {n = split("  x  y ", p); print n, p[1], p[2]}\'',
    'awk \'BEGIN {a[01] = "one"; print a[1], a["01"] "|"}\'',
    P + "awk '!seen[$1]++ {print $1}' p.txt",
  ],
  'fields and records': [
    'echo a | awk \'BEGIN { printf "[%s]", FILENAME } { print FILENAME }\'',
    'echo \'a b c\' | awk \'{ $7 = "g"; print; print NF; NF = 2; print; $0 = "x y"; print $2 }\'',
    "echo 'a,b;c' | awk -F'[,;]' '{ print $3 }'",
    'awk \'BEGIN { n = split("", arr); print n, length(arr) }\'',
    A + 'awk \'{$2 = "X"; print; print NF}\' a.txt',
    A + 'awk \'{$5 = "e"; print; print NF}\' a.txt',
    A + "awk -v OFS=- '{$1 = $1; print}' a.txt",
    A + "awk '{NF = 2; print}' a.txt",
    A + 'awk \'BEGIN {OFS = ":"} {print $1, $2}\' a.txt',
    A + 'awk \'BEGIN {ORS = ";"} {print $1} END {printf "\\n"}\' a.txt',
    C + 'awk -F, \'{print $2 "|" NF}\' c.csv',
    C + 'awk \'BEGIN {FS = ","} $3 >= 20 {print $1}\' c.csv',
    "echo 'a1b22c' | awk -F'[0-9]+' '{print $1, $2, $3, NF}'",
    "printf 'a\\tb c\\td\\n' | awk -F'\\t' '{print $2}'",
    'printf \'p1 l1\\np1 l2\\n\\np2 l1\\n\' | awk \'BEGIN {RS = ""} {print NR ": " $1 " " NF}\'',
    "printf 'a;b;c' | awk -v RS=';' '{print NR, $0}'",
    A + "awk '{print FILENAME, FNR, NR}' a.txt a.txt",
    A + "awk '{print v, $1}' v=1 a.txt v=2 a.txt",
    'echo \'  lead  trail  \' | awk \'{print "[" $1 "]", NF}\'',
    A + 'awk \'NR == 1 {getline; print "got", $0} NR == 3 {print "three", $0}\' a.txt',
    A + "awk 'NR == 1 {getline line; print line, NR, $0}' a.txt",
    A + 'awk \'BEGIN {while ((getline l < "a.txt") > 0) n++; print n}\'',
    A + 'awk \'{$0 = "q r"; print $2, NF}\' a.txt',
    "echo 'a b c' | awk '{$2 = \"\"; print; print NF}'",
  ],
  'strings and numbers': [
    'awk \'BEGIN { print substr("hello", 0, 2) "|" substr("abc", 2, 1.5) "|" substr("abcdef", 2.5, 2) "|" substr("abc", 2, 0.5) "|" }\'',
    'echo 65 | awk \'{ printf "%c|%c\\n", $1, $1 "" }\'',
    "printf 'a\\n' > in.txt; awk '{ print v, $0 }' 'v=x\\ty' in.txt",
    'awk \'BEGIN { print match("abcd", /ab|abcd/), RLENGTH; x = "abcd"; sub(/b|bc/, "X", x); print x }\'',
    "echo 'one two' | awk '{ gsub(/o|on|one/, \"<&>\"); print }'",
    'awk \'BEGIN { printf "%5s|%-5d|%+.2e|%o|%X|%i\\n", "ab", 42, 12345.678, 8, 255, 3.9 }\'',
    'awk \'BEGIN { x["a"] = 1; f(x); print x["b"] } function f(arr) { arr["b"] = 2 }\'',
    'awk \'BEGIN { print substr("abc", 2, -1) "|" }\'',
    'awk \'BEGIN { s = "foo.bar"; print (s ~ "\\\\."), (s ~ /\\./), ("x" ~ "^x$"), ("fooxbar" ~ "o\\\\.b") }\'',
    "awk 'BEGIN { a = \"10\"; b = 9; print (a < b), (\"10\" < 9) }'; echo '10 9' | awk '{ print ($1 < $2) }'",
    "echo hello | awk '{ print length, length() }'",
    "awk 'BEGIN {print 1/3, 1000 * 1000, 0.1 + 0.2, 1e6, 1e-5, 17/4}'",
    'awk \'BEGIN {CONVFMT = "%.2f"; x = 3.14159; y = x ""; print y; OFMT = "%.3f"; print x, 2.0}\'',
    'awk \'BEGIN {print "10" < "9", 10 < 9, "abc" < "abd", "" == 0}\'',
    "awk 'BEGIN {print 2^10, 2^3^2, -2^2, 7 % 3, -7 % 3}'",
    "awk 'BEGIN {x = 5; x += 2; x -= 1; x *= 3; x /= 2; x %= 5; x ^= 2; print x}'",
    "awk 'BEGIN {i = 5; print i++, i, ++i, i--, --i}'",
    'awk \'BEGIN {print 1 " " 2, 1 2, "a" (1 + 2) "b"}\'',
    'awk \'BEGIN {print (1 == 1 ? "yes" : "no"), (0 ? "t" : "f")}\'',
    'awk \'BEGIN {print length("hello"), substr("hello", 2), substr("hello", 4, 10)}\'',
    'awk \'BEGIN {print index("foobar", "bar"), index("foo", "z")}\'',
    'awk \'BEGIN {s = "aaa"; n = gsub(/a/, "b&b", s); print n, s}\'',
    'awk \'BEGIN {s = "hello"; sub(/l+/, "[&]", s); print s; t = "a.b.c"; gsub("\\\\.", "-", t); print t}\'',
    'awk \'BEGIN {s = "a&b"; gsub(/&/, "\\\\&\\\\&", s); print s}\'',
    "echo 'x abc y' | awk '{gsub(/b/, \"B\"); print; print $2}'",
    'awk \'BEGIN {s = "abc"; gsub(/x*/, "-", s); print s}\'',
    'awk \'BEGIN {print match("foobar", /o+/), RSTART, RLENGTH; print match("x", /y/), RSTART, RLENGTH}\'',
    'awk \'BEGIN {print toupper("abc") tolower("DEF"), int(-3.7), int("42abc")}\'',
    'awk \'BEGIN {printf "%.4f %.4f %.4f %.4f\\n", sqrt(2), exp(1), log(10), atan2(1, 1) * 4}\'',
    'awk \'BEGIN {printf "%.3f %.3f\\n", sin(1), cos(1)}\'',
    'awk \'BEGIN {s = sprintf("%-5s|%5.1f|%03d|%c|%c", "ab", 2.345, 7, 65, "hi"); print s}\'',
    'awk \'BEGIN {printf "%d%%\\n", 50}\'',
    'awk \'BEGIN {x; print x + 0, "[" x "]", length(x)}\'',
    "echo '3 apples' | awk '{print $1 * 2, $2 + 0, ($1 > 10)}'",
    "echo '010 .5 +3 -2e2x' | awk '{print $1 + 0, $2 + 0, $3 + 0, $4 + 0}'",
    "awk -v s='a\\tb' 'BEGIN {print s}'",
    'awk \'BEGIN {print substr("hello", 2, 3) "|" substr("hello", 3)}\'',
    "awk 'function add(a, b) {return a + b} BEGIN {print add(2, 3)}'",
    "awk 'function fill(arr, n,  i) {for (i = 1; i <= n; i++) arr[i] = i * i} BEGIN {fill(sq, 3); print sq[1], sq[3]}'",
    "awk 'function f(n) {return n <= 1 ? 1 : n * f(n - 1)} BEGIN {print f(10)}'",
    "awk 'BEGIN { print 1; print 2 }\nEND { print 3 }' < /dev/null",
    'awk \'BEGIN {\n  x = 1 + \\\n    2\n  if (x == 3)\n    print "three"\n  else\n    print "no"\n}\'',
  ],
  'operators’ scripts': [
    "printf 'Pool Name: docker-8:1-123-pool\\nData Space Used: 10 MB\\n' | awk '/Pool Name/ {print $3}'",
    "printf '  LV   VG   Attr\\n  data vg0 twi\\n  meta vg0 -wi\\n' | awk 'NR>1 {print $1}'",
    P + "awk '{s+=$2} END {print s}' p.txt",
    P + 'awk \'{s+=$2} END {printf "avg %.2f over %d\\n", s/NR, NR}\' p.txt',
    P + 'awk \'max == "" || $2 > max {max = $2; who = $1} END {print who, max}\' p.txt',
    "printf '0 209715200 thin-pool 253:0 253:1 128 32768 1 skip_block_zeroing\\n' | awk '{print $2 * 512 / 1024 / 1024 / 1024 \" GiB\"}'",
  ],
  'output redirection': [
    'awk \'BEGIN { print "main1"; print "b" | "sort"; print "a" | "sort"; print "main2" }\'',
    'echo a b | awk \'{ print > "o.txt" }\'; cat o.txt',
    'printf \'x 1\\ny 2\\n\' | awk \'{ print $1 | "sort -r" } END { close("sort -r"); print "done" }\'',
    'printf \'BEGIN { print "from file" }\\n\' > p.awk; awk -f p.awk',
    P +
      'awk \'{print $1 > "out.txt"} END {close("out.txt"); while ((getline l < "out.txt") > 0) print "read", l}\' p.txt',
    P + 'awk \'{print $1 > "o.txt"}\' p.txt; awk \'{print $2 >> "o.txt"}\' p.txt; cat o.txt',
    P + 'awk \'{print $3 | "sort"}\' p.txt',
  ],
};

describe('awk prints what the real awk prints', () => {
  for (const [group, list] of Object.entries(programs)) {
    describe(group, () => {
      for (const script of list) {
        it(script, () => {
          expect(sandboxRun(script)).toEqual(realRun(script));
        });
      }
    });
  }
});
