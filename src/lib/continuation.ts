// Whether a typed line still needs more (bash's PS2 "> "): an open quote, a trailing backslash, an unfinished heredoc.

/** True when `text` is not yet a complete command and Enter should ask for another line. */
export function needsMoreInput(text: string): boolean {
  const lines = text.split('\n');
  if (/(^|[^\\])(\\\\)*\\$/.test(lines[lines.length - 1])) return true;
  let quote: string | null = null;
  const pending: string[] = [];
  for (let li = 0; li < lines.length; li++) {
    const line = lines[li];
    if (pending.length && quote === null) {
      const term = pending[0];
      if (line === term || line.replace(/^\t+/, '') === term) pending.shift();
      continue;
    }
    for (let i = 0; i < line.length; i++) {
      const c = line[i];
      if (quote) {
        if (c === quote) quote = null;
        else if (c === '\\' && quote === '"') i++;
        continue;
      }
      if (c === '\\') i++;
      else if (c === "'" || c === '"') quote = c;
      else if (c === '#' && (i === 0 || /\s/.test(line[i - 1]))) break;
      else if (c === '<' && line[i + 1] === '<' && line[i + 2] !== '<') {
        const m = /^<<-?\s*(['"]?)([A-Za-z_][\w]*)\1/.exec(line.slice(i));
        if (m) {
          pending.push(m[2]);
          i += m[0].length - 1;
        }
      }
    }
  }
  return quote !== null || pending.length > 0;
}
