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
