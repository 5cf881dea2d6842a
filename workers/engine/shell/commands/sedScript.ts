// Parses sed scripts (GNU sed 4.2 syntax subset): addresses N, $, /re/, 0,/re/, ranges and `!`; commands p d q Q = s y a i c { }.
import { compilePosix } from './regex';

/** A line address. */
export type Address = { kind: 'line'; n: number } | { kind: 'last' } | { kind: 're'; re: RegExp };

/** One piece of an `s` replacement. */
export type ReplacementPart = { kind: 'text'; text: string } | { kind: 'group'; n: number };

/** A parsed sed command with its addresses. */
export interface SedCommand {
  addr1?: Address;
  addr2?: Address;
  negate: boolean;
  name: string;
  /** `s`: the regex, replacement, which match (0 = all with g), and the p flag. */
  subst?: { re: RegExp; replacement: ReplacementPart[]; global: boolean; nth: number; print: boolean };
  /** a / i / c text. */
  text?: string;
  /** `y`: each character of the source set maps to the one at the same place in the target set. */
  translate?: Map<string, string>;
  /** q / Q exit status. */
  exitCode?: number;
  /** `{`: the index of the matching `}`; `}`: unused. */
  jump?: number;
}

/** A script error: sed prints `sed: -e expression #E, char C: message`. */
export class SedError {
  constructor(
    readonly char: number,
    readonly message: string,
  ) {}
}

/** Parses one -e expression into commands (appended to `into`, sharing `{ }` nesting with earlier ones). */
export function parseSedScript(src: string, extended: boolean, into: SedCommand[], open: number[]): void {
  let i = 0;
  const err = (msg: string, at = i): never => {
    throw new SedError(at, msg);
  };
  const blanks = () => {
    while (i < src.length && /[ \t]/.test(src[i])) i++;
  };
  const regexUntil = (delim: string, what: string): string => {
    let out = '';
    for (;;) {
      if (i >= src.length) err(what, src.length);
      const c = src[i];
      if (c === '\\' && i + 1 < src.length) {
        out += src[i + 1] === delim ? delim : src[i + 1] === 'n' ? '\n' : c + src[i + 1];
        i += 2;
        continue;
      }
      if (c === '\n') err(what, i);
      i++;
      if (c === delim) return out;
      out += c;
    }
  };
  const compile = (pattern: string, flags = ''): RegExp => {
    const re = compilePosix(pattern, extended, flags);
    if (!re) err('Invalid preceding regular expression');
    return re!;
  };
  const address = (): Address | undefined => {
    const c = src[i];
    if (c === '$') {
      i++;
      return { kind: 'last' };
    }
    if (/\d/.test(c ?? '')) {
      const m = /^\d+/.exec(src.slice(i))!;
      i += m[0].length;
      return { kind: 'line', n: Number(m[0]) };
    }
    if (c === '/' || c === '\\') {
      let delim = '/';
      if (c === '\\') {
        delim = src[i + 1];
        i++;
      }
      i++;
      const pattern = regexUntil(delim, 'unterminated address regex');
      let flags = '';
      while (src[i] === 'I') {
        flags = 'i';
        i++;
      }
      return { kind: 're', re: compile(pattern, flags) };
    }
    return undefined;
  };
  const textArg = (): string => {
    // GNU one-liner forms: `a text`, `a\text`, and `a\` newline text.
    blanks();
    if (src[i] === '\\') {
      i++;
      if (src[i] === '\n') i++;
    }
    let end = src.indexOf('\n', i);
    if (end < 0) end = src.length;
    const text = src.slice(i, end).replace(/\\(.)/g, '$1');
    i = end;
    return text;
  };
  for (;;) {
    while (i < src.length && /[ \t\n;]/.test(src[i])) i++;
    if (i >= src.length) return;
    const cmd: SedCommand = { negate: false, name: '' };
    cmd.addr1 = address();
    if (cmd.addr1 && src[i] === ',') {
      i++;
      blanks();
      cmd.addr2 = address();
      if (!cmd.addr2) err("unexpected `,'", i + 1);
    }
    blanks();
    while (src[i] === '!') {
      cmd.negate = true;
      i++;
      blanks();
    }
    if (i >= src.length) err('missing command', i);
    const name = src[i++];
    cmd.name = name;
    if (cmd.addr1?.kind === 'line' && cmd.addr1.n === 0 && cmd.addr2?.kind !== 're')
      err('invalid usage of line address 0', i);
    switch (name) {
      case 'p':
      case 'd':
      case '=':
      case 'n':
        break;
      case 'q':
      case 'Q': {
        blanks();
        const m = /^\d+/.exec(src.slice(i));
        if (m) i += m[0].length;
        cmd.exitCode = m ? Number(m[0]) : 0;
        break;
      }
      case 'a':
      case 'i':
      case 'c':
        cmd.text = textArg();
        break;
      case '{':
        open.push(into.length);
        break;
      case '}':
        if (cmd.addr1) err("} doesn't want any addresses", i);
        if (!open.length) err("unexpected `}'", i);
        into[open.pop()!].jump = into.length;
        break;
      case 's': {
        const delim = src[i];
        if (!delim || delim === '\n' || delim === '\\') err("unterminated `s' command", src.length);
        i++;
        const pattern = regexUntil(delim, "unterminated `s' command");
        const replacement = replacementUntil(src, i, delim);
        if (!replacement) err("unterminated `s' command", src.length);
        i = replacement!.end;
        let global = false;
        let nth = 1;
        let print = false;
        let icase = false;
        while (i < src.length && !/[;\n}# \t]/.test(src[i])) {
          const f = src[i];
          if (f === 'g') global = true;
          else if (f === 'p') print = true;
          else if (f === 'I' || f === 'i') icase = true;
          else if (/\d/.test(f)) {
            const m = /^\d+/.exec(src.slice(i))!;
            nth = Number(m[0]);
            i += m[0].length - 1;
          } else err("unknown option to `s'", i + 1);
          i++;
        }
        cmd.subst = { re: compile(pattern, icase ? 'gi' : 'g'), replacement: replacement!.parts, global, nth, print };
        break;
      }
      case 'y': {
        const delim = src[i];
        if (!delim || delim === '\n' || delim === '\\') err("unterminated `y' command", src.length);
        i++;
        // Only \\, \n and the escaped delimiter are special in y's sets.
        const set = (): string[] => {
          const out: string[] = [];
          for (;;) {
            if (i >= src.length || src[i] === '\n') err("unterminated `y' command", src.length);
            const c = src[i++];
            if (c === delim) return out;
            if (c === '\\' && i < src.length) {
              const e = src[i++];
              out.push(e === 'n' ? '\n' : e === '\\' || e === delim ? e : `\\${e}`);
            } else out.push(c);
          }
        };
        const from = set();
        const to = set();
        if (from.length !== to.length || from.some((c) => c.length > 1) || to.some((c) => c.length > 1))
          err("strings for `y' command are different lengths", i);
        cmd.translate = new Map(from.map((c, k) => [c, to[k]]));
        break;
      }
      default:
        err(`unknown command: \`${name}'`, i);
    }
    blanks();
    if (i < src.length && !/[;\n}#]/.test(src[i]) && name !== '{') err(`extra characters after command`, i + 1);
    if (src[i] === '#') while (i < src.length && src[i] !== '\n') i++;
    into.push(cmd);
  }
}

/** The replacement of `s` up to the delimiter: `\1`…`\9` and `&` become group references. */
function replacementUntil(src: string, from: number, delim: string): { parts: ReplacementPart[]; end: number } | null {
  const parts: ReplacementPart[] = [];
  const text = (t: string) => {
    const last = parts[parts.length - 1];
    if (last?.kind === 'text') last.text += t;
    else parts.push({ kind: 'text', text: t });
  };
  for (let i = from; i < src.length; i++) {
    const c = src[i];
    if (c === '\\' && i + 1 < src.length) {
      const n = src[++i];
      if (/\d/.test(n)) parts.push({ kind: 'group', n: Number(n) });
      else text(n === 'n' ? '\n' : n === 't' ? '\t' : n);
    } else if (c === '&') parts.push({ kind: 'group', n: 0 });
    else if (c === delim) return { parts, end: i + 1 };
    else text(c);
  }
  return null;
}
