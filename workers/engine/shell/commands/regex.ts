// POSIX basic/extended regular expressions translated to JavaScript ones (grep, sed, awk).

/** Translates a BRE (grep, sed) or ERE (grep -E, awk) into a JS regex source; null when it is invalid. */
export function posixToJs(pattern: string, extended: boolean): string {
  const classes: Record<string, string> = {
    '[:alpha:]': 'A-Za-z', '[:digit:]': '0-9', '[:alnum:]': 'A-Za-z0-9', '[:space:]': ' \\t\\n\\r\\f\\v',
    '[:upper:]': 'A-Z', '[:lower:]': 'a-z', '[:blank:]': ' \\t', '[:punct:]': '!-\\/:-@\\[-`{-~', '[:xdigit:]': '0-9A-Fa-f',
  };
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '[') {
      let j = i + 1;
      if (pattern[j] === '^') j++;
      if (pattern[j] === ']') j++;
      while (j < pattern.length && pattern[j] !== ']') {
        if (pattern[j] === '[' && pattern[j + 1] === ':') j = pattern.indexOf(':]', j + 2) + 1;
        j++;
      }
      let body = pattern.slice(i + 1, j);
      for (const [k, v] of Object.entries(classes)) body = body.split(k).join(v);
      body = body.replace(/\\/g, '\\\\').replace(/^(\^?)\]/, '$1\\]');
      out += `[${body}]`;
      i = j;
      continue;
    }
    if (c === '\\' && i + 1 < pattern.length) {
      const n = pattern[++i];
      if (!extended && '(){}|+?'.includes(n)) out += n;
      else if ('<>'.includes(n)) out += '\\b';
      else if (/[wWsSbB]/.test(n)) out += '\\' + n;
      else out += '\\' + n;
      continue;
    }
    if (!extended && '(){}|+?'.includes(c)) {
      out += '\\' + c;
      continue;
    }
    if (c === '*' && (out === '' || out.endsWith('(') || out.endsWith('|') || (out === '^'))) {
      out += '\\*';
      continue;
    }
    if (c === '/') {
      out += '\\/';
      continue;
    }
    out += c;
  }
  return out;
}

/** Builds a JS RegExp from a POSIX pattern, or null when it does not compile. */
export function compilePosix(pattern: string, extended: boolean, flags = ''): RegExp | null {
  try {
    return new RegExp(posixToJs(pattern, extended), flags);
  } catch {
    return null;
  }
}
