// Tab completion of command names: the first word of the line, as bash completes from $PATH.

/** What Tab does to a line: the new line, and the candidates when more than one remains. */
export interface Completion {
  line: string;
  candidates: string[];
}

/** Completes the command word at the start of `line` (after an optional `sudo`) from `names`. */
export function completeCommand(line: string, names: readonly string[]): Completion {
  const m = /^(\s*(?:sudo\s+)?)(\S*)$/.exec(line);
  if (!m) return { line, candidates: [] };
  const [, lead, word] = m;
  const matches = [...new Set(names.filter((n) => n.startsWith(word)))].sort();
  if (matches.length === 0) return { line, candidates: [] };
  if (matches.length === 1) return { line: lead + matches[0] + ' ', candidates: [] };
  const prefix = commonPrefix(matches);
  return { line: lead + prefix, candidates: prefix.length > word.length ? [] : matches };
}

function commonPrefix(words: string[]): string {
  let p = words[0];
  for (const w of words) while (!w.startsWith(p)) p = p.slice(0, -1);
  return p;
}
