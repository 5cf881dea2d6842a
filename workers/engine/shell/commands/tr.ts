// tr: translate, -d delete, -s squeeze, -c complement, -t truncate; SETs with ranges, [:classes:], [c*n], escapes.
import type { CommandContext } from '../types';
import { parseOpts, missingOperand } from './opts';
import { expandToText } from './escapes';

const CLASSES: Record<string, (c: number) => boolean> = {
  alnum: (c) => /[A-Za-z0-9]/.test(String.fromCharCode(c)),
  alpha: (c) => /[A-Za-z]/.test(String.fromCharCode(c)),
  blank: (c) => c === 32 || c === 9,
  cntrl: (c) => c < 32 || c === 127,
  digit: (c) => c >= 48 && c <= 57,
  graph: (c) => c > 32 && c < 127,
  lower: (c) => c >= 97 && c <= 122,
  print: (c) => c >= 32 && c < 127,
  punct: (c) => c > 32 && c < 127 && !/[A-Za-z0-9]/.test(String.fromCharCode(c)),
  space: (c) => c === 32 || (c >= 9 && c <= 13),
  upper: (c) => c >= 65 && c <= 90,
  xdigit: (c) => /[0-9A-Fa-f]/.test(String.fromCharCode(c)),
};

/** Expands a SET into its characters, or the error GNU prints; [c*] fills to `fill` (SET2 only). */
function expandSet(raw: string, fill = 0): string[] | string {
  const t = [...expandToText(raw, 'format').text];
  const out: string[] = [];
  let star: { at: number; ch: string } | null = null;
  for (let i = 0; i < t.length; i++) {
    const rest = t.slice(i).join('');
    const cls = /^\[:([a-z]+):\]/.exec(rest);
    if (cls) {
      const test = CLASSES[cls[1]];
      if (!test) return `invalid character class ‘${cls[1]}’`;
      for (let c = 0; c < 128; c++) if (test(c)) out.push(String.fromCharCode(c));
      i += cls[0].length - 1;
      continue;
    }
    const eq = /^\[=(.)=\]/su.exec(rest);
    if (eq) {
      out.push(eq[1]);
      i += [...eq[0]].length - 1;
      continue;
    }
    const rep = /^\[(.)\*(\d*)\]/su.exec(rest);
    if (rep) {
      const n = rep[2] ? parseInt(rep[2], rep[2].startsWith('0') ? 8 : 10) : 0;
      if (n) for (let k = 0; k < n; k++) out.push(rep[1]);
      else star = { at: out.length, ch: rep[1] };
      i += [...rep[0]].length - 1;
      continue;
    }
    if (t[i + 1] === '-' && i + 2 < t.length) {
      const lo = t[i].codePointAt(0)!;
      const hi = t[i + 2].codePointAt(0)!;
      if (hi < lo) return `range-endpoints of ‘${t[i]}-${t[i + 2]}’ are in reverse collating sequence order`;
      for (let c = lo; c <= hi; c++) out.push(String.fromCodePoint(c));
      i += 2;
      continue;
    }
    out.push(t[i]);
  }
  if (star) out.splice(star.at, 0, ...Array<string>(Math.max(0, fill - out.length)).fill(star.ch));
  return out;
}

/** The complement of a set: every byte value not in it, ascending, as GNU's tr -c builds it. */
function complement(set: string[]): string[] {
  const has = new Set(set);
  const out: string[] = [];
  for (let c = 0; c < 256; c++) if (!has.has(String.fromCharCode(c))) out.push(String.fromCharCode(c));
  return out;
}

export function tr(ctx: CommandContext): number {
  const p = parseOpts(ctx, {
    flags: 'cCdst',
    long: { complement: 'c', delete: 'd', 'squeeze-repeats': 's', 'truncate-set1': 't' },
  });
  if (typeof p === 'number') return p;
  const usage = (msg: string) => {
    ctx.err(`tr: ${msg}\nTry 'tr --help' for more information.\n`);
    return 1;
  };
  const del = 'd' in p.opts;
  const squeeze = 's' in p.opts;
  const comp = 'c' in p.opts || 'C' in p.opts;
  if (!p.args.length) return missingOperand(ctx);
  const needTwo = !del && !squeeze;
  const maxArgs = del && !squeeze ? 1 : 2;
  if (p.args.length < 2 && (needTwo || (del && squeeze))) {
    const why = needTwo
      ? 'Two strings must be given when translating.'
      : 'Two strings must be given when both deleting and squeezing repeats.';
    return usage(`missing operand after ‘${p.args[0]}’\n${why}`);
  }
  if (p.args.length > maxArgs) {
    const why = del && !squeeze ? '\nOnly one string may be given when deleting without squeezing repeats.' : '';
    return usage(`extra operand ‘${p.args[maxArgs]}’${why}`);
  }
  const s1 = expandSet(p.args[0]);
  if (typeof s1 === 'string') return usage(s1);
  let set1 = comp ? complement(s1) : s1;
  const s2 = p.args[1] !== undefined ? expandSet(p.args[1], set1.length) : null;
  if (typeof s2 === 'string') return usage(s2);
  const inSet1 = (c: string) => (comp ? !s1.includes(c) : s1.includes(c));
  let text = [...ctx.stdin];
  if (del) text = text.filter((c) => !inSet1(c));
  else if (s2) {
    if (!s2.length) return usage('when not truncating set1, string2 must be non-empty');
    if ('t' in p.opts) set1 = set1.slice(0, s2.length);
    const map = new Map<string, string>();
    set1.forEach((c, i) => map.set(c, s2[Math.min(i, s2.length - 1)]));
    text = text.map((c) => map.get(c) ?? (comp && !s1.includes(c) ? s2[s2.length - 1] : c));
  }
  if (squeeze) {
    const sq = s2 ? (c: string) => s2.includes(c) : inSet1;
    text = text.filter((c, i) => !(i > 0 && c === text[i - 1] && sq(c)));
  }
  ctx.out(text.join(''));
  return 0;
}
