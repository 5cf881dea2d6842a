// uniq: adjacent duplicates, compared after -f fields and -s chars, on -w chars, -i case-blind; -c -d -D -u; OUTPUT file.
import type { CommandContext } from '../types';
import { parseOpts } from './opts';
import { readInputs, lines, abs } from './io';
import { strerror } from '../../host/errno';

export function uniq(ctx: CommandContext): number {
  const p = parseOpts(ctx, {
    flags: 'cdDiuz',
    withValue: 'fsw',
    long: {
      count: 'c',
      repeated: 'd',
      'all-repeated': 'D',
      'ignore-case': 'i',
      unique: 'u',
      'skip-fields=': 'f',
      'skip-chars=': 's',
      'check-chars=': 'w',
    },
  });
  if (typeof p === 'number') return p;
  for (const k of ['f', 's', 'w'] as const) {
    const v = p.opts[k];
    if (v !== undefined && !/^\d+$/.test(v)) {
      const what = { f: 'fields to skip', s: 'bytes to skip', w: 'bytes to compare' }[k];
      ctx.err(`uniq: ${v}: invalid number of ${what}\n`);
      return 1;
    }
  }
  if (p.args.length > 2) {
    ctx.err(`uniq: extra operand ‘${p.args[2]}’\nTry 'uniq --help' for more information.\n`);
    return 1;
  }
  const o = p.opts;
  const skipFields = Number(o.f ?? 0);
  const skipChars = Number(o.s ?? 0);
  const check = o.w !== undefined ? Number(o.w) : Infinity;
  const keyOf = (l: string) => {
    let i = 0;
    for (let f = 0; f < skipFields; f++) {
      while (i < l.length && (l[i] === ' ' || l[i] === '\t')) i++;
      while (i < l.length && l[i] !== ' ' && l[i] !== '\t') i++;
    }
    const k = l.slice(i + skipChars).slice(0, check);
    return 'i' in o ? k.toLowerCase() : k;
  };
  const { inputs, ok } = readInputs(ctx, p.args.slice(0, 1));
  if (!ok) return 1;
  const groups: string[][] = [];
  for (const l of inputs.flatMap((i) => lines(i.text))) {
    const g = groups[groups.length - 1];
    if (g && keyOf(g[0]) === keyOf(l)) g.push(l);
    else groups.push([l]);
  }
  let out = '';
  for (const g of groups) {
    if (('d' in o || 'D' in o) && g.length < 2) continue;
    if ('u' in o && g.length > 1) continue;
    if ('D' in o) out += g.map((l) => l + '\n').join('');
    else out += 'c' in o ? `${String(g.length).padStart(7)} ${g[0]}\n` : `${g[0]}\n`;
  }
  if (p.args[1] === undefined || p.args[1] === '-') ctx.out(out);
  else {
    const e = ctx.machine.host.vfs.writeFile(abs(ctx, p.args[1]), out);
    if (e) {
      ctx.err(`uniq: ${p.args[1]}: ${strerror(e.errno)}\n`);
      return 1;
    }
  }
  return 0;
}
