// Parameter expansion helpers: `${NAME#pat}`-style trimming with shell patterns, and bash's $RANDOM generator.

/** A shell pattern (`*`, `?`, `[…]`, `\x`) as an anchored regex; unlike pathname globbing, `*` also matches `/`. */
export function patternRegex(pattern: string): RegExp {
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\' && i + 1 < pattern.length) re += pattern[++i].replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
    else if (c === '*') re += '[\\s\\S]*';
    else if (c === '?') re += '[\\s\\S]';
    else if (c === '[') {
      const end = pattern.indexOf(']', i + 2);
      if (end < 0) re += '\\[';
      else {
        let cls = pattern.slice(i + 1, end);
        if (cls.startsWith('!')) cls = '^' + cls.slice(1);
        re += `[${cls.replace(/\\/g, '\\\\')}]`;
        i = end;
      }
    } else re += c.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

/** `${v#p}` `${v##p}` (shortest/longest matching prefix removed) and `${v%p}` `${v%%p}` (suffix). */
export function trimPattern(value: string, op: '#' | '##' | '%' | '%%', pattern: string): string {
  const re = patternRegex(pattern);
  const n = value.length;
  if (op === '#') {
    for (let i = 0; i <= n; i++) if (re.test(value.slice(0, i))) return value.slice(i);
  } else if (op === '##') {
    for (let i = n; i >= 0; i--) if (re.test(value.slice(0, i))) return value.slice(i);
  } else if (op === '%') {
    for (let i = n; i >= 0; i--) if (re.test(value.slice(i))) return value.slice(0, i);
  } else {
    for (let i = 0; i <= n; i++) if (re.test(value.slice(i))) return value.slice(0, i);
  }
  return value;
}

/** bash 4.2's $RANDOM: the C-library LCG, 15 bits, never the same value twice in a row; assigning RANDOM reseeds it. */
export class ShellRandom {
  private last = -1;
  constructor(private seed: number) {}

  /** `RANDOM=n` */
  reseed(n: number): void {
    this.seed = n >>> 0;
    this.last = -1;
  }

  /** The next value of $RANDOM (0–32767). */
  next(): number {
    let rv: number;
    do {
      this.seed = (Math.imul(this.seed, 1103515245) + 12345) >>> 0;
      rv = (this.seed >>> 16) & 32767;
    } while (rv === this.last);
    this.last = rv;
    return rv;
  }
}
