// Backslash escapes of printf's format, printf %b and echo -e: byte escapes (\x41, \101) join into UTF-8 as in bash.

/** Where the escapes appear: their octal forms differ (format: \NNN; %b: \0NNN and \NNN; echo -e: \0NNN only). */
export type EscapeDialect = 'format' | 'b' | 'echo';

const SIMPLE: Record<string, number> = { a: 7, b: 8, e: 27, E: 27, f: 12, n: 10, r: 13, t: 9, v: 11, '\\': 92 };

/** Bytes of text with escapes expanded; `stop` when \c ended the output (%b and echo -e). */
export function expandEscapes(s: string, dialect: EscapeDialect): { bytes: number[]; stop: boolean } {
  const bytes: number[] = [];
  const text = (t: string) => bytes.push(...new TextEncoder().encode(t));
  let i = 0;
  while (i < s.length) {
    const c = s[i];
    if (c !== '\\' || i + 1 >= s.length) {
      const cp = s.codePointAt(i)!;
      text(String.fromCodePoint(cp));
      i += cp > 0xffff ? 2 : 1;
      continue;
    }
    const n = s[i + 1];
    i += 2;
    if (n in SIMPLE) bytes.push(SIMPLE[n]);
    else if (dialect === 'format' && (n === '"' || n === "'" || n === '?')) bytes.push(n.charCodeAt(0));
    else if (n === 'c' && dialect !== 'format') return { bytes, stop: true };
    else if (/[0-7]/.test(n) && (dialect === 'format' || n === '0' || dialect === 'b')) {
      // \0 of %b and echo is a prefix: up to three more digits follow it.
      const extra = n === '0' && dialect !== 'format' ? 3 : 2;
      const m = /^[0-7]*/.exec(s.slice(i, i + extra))![0];
      const digits = n === '0' && dialect !== 'format' ? m : n + m;
      bytes.push(parseInt(digits || '0', 8) & 0xff);
      i += m.length;
    } else if (n === 'x' && /^[0-9a-fA-F]/.test(s.slice(i))) {
      const m = /^[0-9a-fA-F]{1,2}/.exec(s.slice(i))![0];
      bytes.push(parseInt(m, 16));
      i += m.length;
    } else if ((n === 'u' || n === 'U') && /^[0-9a-fA-F]/.test(s.slice(i))) {
      const m = new RegExp(`^[0-9a-fA-F]{1,${n === 'u' ? 4 : 8}}`).exec(s.slice(i))![0];
      text(String.fromCodePoint(Math.min(parseInt(m, 16), 0x10ffff)));
      i += m.length;
    } else text('\\' + n);
  }
  return { bytes, stop: false };
}

/** Bytes as the sandbox's text: UTF-8 decoded (a stray byte becomes U+FFFD, as a terminal would show it). */
export function bytesToText(bytes: number[]): string {
  return new TextDecoder().decode(new Uint8Array(bytes));
}

/** Text with escapes expanded, and whether \c stopped it. */
export function expandToText(s: string, dialect: EscapeDialect): { text: string; stop: boolean } {
  const r = expandEscapes(s, dialect);
  return { text: bytesToText(r.bytes), stop: r.stop };
}
