import { describe, expect, it } from 'vitest';
import { needsMoreInput } from './continuation';

describe('continuation lines', () => {
  it('a plain command is complete', () => {
    expect(needsMoreInput('docker info')).toBe(false);
  });

  it('a trailing backslash asks for more', () => {
    expect(needsMoreInput('lvconvert -y --zero n \\')).toBe(true);
  });

  it('an open quote asks for more until it closes', () => {
    expect(needsMoreInput('echo "abc')).toBe(true);
    expect(needsMoreInput('echo "abc\ndef"')).toBe(false);
  });

  it('a heredoc asks for more until its terminator line', () => {
    const start = "cat > /etc/docker/daemon.json <<'EOF'";
    expect(needsMoreInput(start)).toBe(true);
    expect(needsMoreInput(`${start}\n{`)).toBe(true);
    expect(needsMoreInput(`${start}\n{\n}\nEOF`)).toBe(false);
  });

  it('a quote inside a comment does not count', () => {
    expect(needsMoreInput("lvs # don't")).toBe(false);
  });
});

describe('compound commands ask for more lines until they are closed', () => {
  it('waits after `for … do` and is complete after `done`', () => {
    expect(needsMoreInput('for i in 1 2; do')).toBe(true);
    expect(needsMoreInput('for i in 1 2; do\n  echo $i')).toBe(true);
    expect(needsMoreInput('for i in 1 2; do\n  echo $i\ndone')).toBe(false);
  });
  it('counts nested if inside while, and { … } groups', () => {
    expect(needsMoreInput('while true; do\nif [ -f x ]; then break; fi')).toBe(true);
    expect(needsMoreInput('while true; do\nif [ -f x ]; then break; fi\ndone')).toBe(false);
    expect(needsMoreInput('{ echo a')).toBe(true);
    expect(needsMoreInput('{ echo a; }')).toBe(false);
  });
  it('ignores keywords that are arguments or quoted', () => {
    expect(needsMoreInput('echo for while if')).toBe(false);
    expect(needsMoreInput("grep 'do' file")).toBe(false);
    expect(needsMoreInput('docker run busybox echo done')).toBe(false);
  });
  it('waits for esac, and for the closing brace of a function', () => {
    expect(needsMoreInput('case $1 in')).toBe(true);
    expect(needsMoreInput('case $1 in\n  (start) echo go;;\n  stop|halt) echo no ;;')).toBe(true);
    expect(needsMoreInput('case $1 in\n  (start) echo go;;\n  stop|halt) echo no ;;\nesac')).toBe(false);
    expect(needsMoreInput('pool() {\n  docker info | awk \'/Pool Name/ {print $3}\'')).toBe(true);
    expect(needsMoreInput('function pool {\n  dmsetup ls\n}')).toBe(false);
    expect(needsMoreInput('[[ -b /dev/xvdf && $(id -u) -eq 0 ]] && echo ok')).toBe(false);
  });
});
