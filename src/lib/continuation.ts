// Whether a typed line still needs more (bash's PS2 "> "): an open quote, a trailing backslash, an unfinished heredoc,
// or a compound command (for/while/until/if, { … }) whose done/fi/} has not come yet.

/** True when `text` is not yet a complete command and Enter should ask for another line. */
export function needsMoreInput(text: string): boolean {
  const lines = text.split('\n');
  if (/(^|[^\\])(\\\\)*\\$/.test(lines[lines.length - 1])) return true;
  let quote: string | null = null;
  const pending: string[] = [];
  // The unquoted text of each line (quoted parts blanked), for counting compound-command keywords.
  const bare: string[] = [];
  for (let li = 0; li < lines.length; li++) {
    const line = lines[li];
    if (pending.length && quote === null) {
      const term = pending[0];
      if (line === term || line.replace(/^\t+/, '') === term) pending.shift();
      continue;
    }
    let b = '';
    for (let i = 0; i < line.length; i++) {
      const c = line[i];
      if (quote) {
        if (c === quote) quote = null;
        else if (c === '\\' && quote === '"') i++;
        b += 'x';
        continue;
      }
      b += c;
      if (c === '\\') i++;
      else if (c === "'" || c === '"') quote = c;
      else if (c === '#' && (i === 0 || /\s/.test(line[i - 1]))) {
        b = b.slice(0, -1);
        break;
      }
      else if (c === '<' && line[i + 1] === '<' && line[i + 2] !== '<') {
        const m = /^<<-?\s*(['"]?)([A-Za-z_][\w]*)\1/.exec(line.slice(i));
        if (m) {
          pending.push(m[2]);
          i += m[0].length - 1;
        }
      }
    }
    bare.push(b);
  }
  return quote !== null || pending.length > 0 || openCompounds(bare.join('\n')) > 0;
}

const openers = new Set(['for', 'while', 'until', 'if', 'case', '{']);
const closers = new Set(['done', 'fi', 'esac', '}']);
// After these a new command starts, so the next word may be a keyword.
const commandStarts = new Set(['do', 'then', 'else', 'elif', '{', '!']);

/** Compound commands opened and not yet closed in unquoted shell text (keywords count only in command position). */
export function openCompounds(text: string): number {
  let depth = 0;
  let atStart = true;
  for (const tok of text.match(/&&|\|\||[;&|\n()]|[^\s;&|()]+/g) ?? []) {
    if (tok === '\n' || tok === ';' || tok === '&' || tok === '|' || tok === '&&' || tok === '||' || tok === '(' || tok === ')') {
      atStart = true;
      continue;
    }
    if (atStart && openers.has(tok)) depth++;
    else if (atStart && closers.has(tok)) depth = Math.max(0, depth - 1);
    atStart = commandStarts.has(tok) || (atStart && closers.has(tok));
  }
  return depth;
}
