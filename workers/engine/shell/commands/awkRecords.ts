// How awk cuts input into records (RS: newline, one character, "" for paragraphs, a regex) and records into fields (FS).
import { compilePosix } from './regex';

/** Text being read record by record; `pos` is where the next record starts. */
export interface Source {
  text: string;
  pos: number;
}

/** Every non-empty match of `re` in `s`, in order (no captured groups leak in as String.split would). */
function cuts(s: string, re: RegExp): { at: number; len: number }[] {
  const g = new RegExp(re.source, re.flags.includes('g') ? re.flags : re.flags + 'g');
  const out: { at: number; len: number }[] = [];
  let m: RegExpExecArray | null;
  while ((m = g.exec(s))) {
    if (m[0] === '') {
      g.lastIndex++;
      continue;
    }
    out.push({ at: m.index, len: m[0].length });
  }
  return out;
}

/** Splits text by a regex into the pieces between its matches. */
export function splitByRegex(s: string, re: RegExp): string[] {
  const parts: string[] = [];
  let from = 0;
  for (const c of cuts(s, re)) {
    parts.push(s.slice(from, c.at));
    from = c.at + c.len;
  }
  parts.push(s.slice(from));
  return parts;
}

/** The fields of a record under FS: " " splits on blank runs and trims; one other character is literal; else a regex. */
export function splitFields(s: string, fs: string, paragraph: boolean, regex: (src: string) => RegExp): string[] {
  if (s === '') return [];
  // An empty FS (gawk) puts each character in a field of its own.
  if (fs === '') return [...s];
  if (fs === ' ') return s.split(/[ \t\n]+/).filter(Boolean);
  const sep =
    fs.length === 1 && fs !== '\\' ? escapeChar(fs) + (paragraph ? '|\\n' : '') : fs + (paragraph ? '|\n' : '');
  return splitByRegex(s, fs.length === 1 && fs !== '\\' ? new RegExp(sep) : regex(sep));
}

const escapeChar = (c: string) => c.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');

/** The next record of `src` under RS, or null at its end. */
export function nextRecord(src: Source, rs: string): string | null {
  const { text } = src;
  if (rs === '') {
    while (src.pos < text.length && text[src.pos] === '\n') src.pos++;
    if (src.pos >= text.length) return null;
    const m = /\n\n+/g;
    m.lastIndex = src.pos;
    const hit = m.exec(text);
    const end = hit ? hit.index : text.replace(/\n+$/, '').length;
    const rec = text.slice(src.pos, end);
    src.pos = hit ? hit.index + hit[0].length : text.length;
    return rec;
  }
  if (src.pos >= text.length) return null;
  if (rs.length === 1) {
    const idx = text.indexOf(rs, src.pos);
    const end = idx < 0 ? text.length : idx;
    const rec = text.slice(src.pos, end);
    src.pos = idx < 0 ? text.length : idx + 1;
    return rec;
  }
  const re = compilePosix(rs, true, 'g') ?? new RegExp(escapeChar(rs), 'g');
  const hit = cuts(text.slice(src.pos), re)[0];
  const rec = hit ? text.slice(src.pos, src.pos + hit.at) : text.slice(src.pos);
  src.pos = hit ? src.pos + hit.at + hit.len : text.length;
  return rec;
}
