// Regex matching the POSIX way for awk: leftmost-longest matches, sub/gsub replacement, bracket validation.

/** sub/gsub over `text`: & is the match, \\& a literal &, \\\\ a backslash; the result and how many were replaced. */
export function replaceMatches(
  re: RegExp,
  repl: string,
  text: string,
  global: boolean,
): { out: string; count: number } {
  const g = new RegExp(re.source, re.flags + 'g');
  let out = '';
  let pos = 0;
  let count = 0;
  let lastEnd = -1;
  while (pos <= text.length) {
    const m = longest(g, text, pos);
    if (!m) break;
    if (m[0] === '' && m.index === lastEnd) {
      // An empty match right after a replaced one is not a new match.
      if (m.index < text.length) out += text[m.index];
      pos = m.index + 1;
      continue;
    }
    out += text.slice(pos, m.index) + expand(repl, m[0]);
    count++;
    lastEnd = m.index + m[0].length;
    if (m[0] === '') {
      if (m.index < text.length) out += text[m.index];
      pos = m.index + 1;
    } else pos = lastEnd;
    if (!global) break;
  }
  if (count && pos < text.length) out += text.slice(pos);
  return { out, count };
}

/**
 * The leftmost match from `from`, made the longest one there as POSIX wants (JS takes the first alternative:
 * /b|bc/ on "abcd" must match "bc").
 */
export function longest(re: RegExp, text: string, from: number): { index: number; 0: string } | null {
  const g = re.flags.includes('g') ? re : new RegExp(re.source, re.flags + 'g');
  g.lastIndex = from;
  const m = g.exec(text);
  if (!m) return null;
  // Anchors would match wrongly at the ends of a slice: those patterns keep JS's match.
  if (!re.source.includes('|') || /[$^]/.test(re.source)) return { index: m.index, 0: m[0] };
  const whole = new RegExp(`^(?:${re.source})$`, re.flags.replace('g', ''));
  for (let end = text.length; end > m.index + m[0].length; end--)
    if (whole.test(text.slice(m.index, end))) return { index: m.index, 0: text.slice(m.index, end) };
  return { index: m.index, 0: m[0] };
}

function expand(repl: string, matched: string): string {
  let out = '';
  for (let i = 0; i < repl.length; i++) {
    const c = repl[i];
    if (c === '\\' && (repl[i + 1] === '&' || repl[i + 1] === '\\')) out += repl[++i];
    else if (c === '&') out += matched;
    else out += c;
  }
  return out;
}

/** Whether a bracket expression never closes (`[`, `a[b`): JS would read `[]` where POSIX reports an error. */
export function unclosedBracket(src: string): boolean {
  for (let i = 0; i < src.length; i++) {
    if (src[i] === '\\') {
      i++;
      continue;
    }
    if (src[i] !== '[') continue;
    let j = i + 1;
    if (src[j] === '^') j++;
    if (src[j] === ']') j++;
    while (j < src.length && src[j] !== ']') {
      if (src[j] === '[' && src[j + 1] === ':') {
        const close = src.indexOf(':]', j + 2);
        if (close < 0) return true;
        j = close + 1;
      }
      j++;
    }
    if (j >= src.length) return true;
    i = j;
  }
  return false;
}
