// cut: -b bytes, -c characters, -f fields (-d, -s), --complement, --output-delimiter.
import type { CommandContext } from '../types';
import { parseOpts } from './opts';
import { readInputs, lines } from './io';

/** cut's LIST (1,3-5,7-) as a predicate on 1-based positions, or the error GNU prints. */
function ranges(list: string): ((n: number) => boolean) | string {
  const parts: [number, number][] = [];
  for (const r of list.split(/[,\s]/)) {
    const m = /^(\d*)(-?)(\d*)$/.exec(r);
    if (!m || (!m[1] && !m[3]) || (!m[2] && m[3])) return 'invalid byte, character or field list';
    const lo = m[1] ? Number(m[1]) : 1;
    const hi = m[2] ? (m[3] ? Number(m[3]) : Infinity) : lo;
    if (lo === 0 || (m[3] && Number(m[3]) === 0)) return 'fields and positions are numbered from 1';
    if (hi < lo) return 'invalid decreasing range';
    parts.push([lo, hi]);
  }
  return (n) => parts.some(([lo, hi]) => n >= lo && n <= hi);
}

export function cut(ctx: CommandContext): number {
  const p = parseOpts(ctx, {
    flags: 'snz',
    withValue: 'dfcb',
    long: {
      'delimiter=': 'd',
      'fields=': 'f',
      'characters=': 'c',
      'bytes=': 'b',
      'only-delimited': 's',
      complement: 'complement',
      'output-delimiter=': 'output',
    },
  });
  if (typeof p === 'number') return p;
  const usage = (msg: string) => {
    ctx.err(`cut: ${msg}\nTry 'cut --help' for more information.\n`);
    return 1;
  };
  const modes = (['b', 'c', 'f'] as const).filter((k) => k in p.opts);
  if (!modes.length) return usage('you must specify a list of bytes, characters, or fields');
  if (modes.length > 1) return usage('only one type of list may be specified');
  const mode = modes[0];
  const picked = ranges(p.opts[mode]);
  if (typeof picked === 'string') return usage(picked);
  const pick = 'complement' in p.opts ? (n: number) => !picked(n) : picked;
  const d = p.opts.d ?? '\t';
  if (mode !== 'f' && p.opts.d !== undefined)
    return usage('an input delimiter may be specified only when operating on fields');
  if (mode !== 'f' && 's' in p.opts)
    return usage('suppressing non-delimited lines makes sense\n\tonly when operating on fields');
  if ([...d].length !== 1) return usage('the delimiter must be a single character');
  const outDelim = p.opts.output ?? (mode === 'f' ? d : '');
  const { inputs, ok } = readInputs(ctx, p.args);
  let out = '';
  for (const l of inputs.flatMap((i) => lines(i.text))) {
    if (mode === 'f') {
      if (!l.includes(d)) {
        if (!('s' in p.opts)) out += l + '\n';
        continue;
      }
      out +=
        l
          .split(d)
          .filter((_, i) => pick(i + 1))
          .join(outDelim) + '\n';
      continue;
    }
    const units = mode === 'b' ? [...new TextEncoder().encode(l)] : [...l];
    // Positions kept; an output delimiter goes between runs that are not adjacent.
    let prev = -2;
    const kept: (number | string)[] = [];
    units.forEach((u, i) => {
      if (!pick(i + 1)) return;
      if (outDelim && kept.length && i !== prev + 1) kept.push(outDelim);
      kept.push(u);
      prev = i;
    });
    const bytes = kept.flatMap((k) => (typeof k === 'number' ? [k] : [...new TextEncoder().encode(k)]));
    out += (mode === 'b' ? new TextDecoder().decode(new Uint8Array(bytes)) : kept.join('')) + '\n';
  }
  ctx.out(out);
  return ok ? 0 : 1;
}
