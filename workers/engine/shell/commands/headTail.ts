// head and tail: lines (-n N, -n -N, -n +N, -N, tail's obsolete +N) or bytes (-c), -z records, -q/-v headers.
import type { CommandContext } from '../types';
import { parseOpts } from './opts';
import { readInputs, type Input } from './io';
import { parseCoreutilsSize } from '../../units/parseSize';

/** Records with their terminators; the last keeps none when the input did not end with one. */
function records(text: string, sep: string): string[] {
  const out: string[] = [];
  let at = 0;
  while (at < text.length) {
    const i = text.indexOf(sep, at);
    const end = i < 0 ? text.length : i + 1;
    out.push(text.slice(at, end));
    at = end;
  }
  return out;
}

/** The selection of one input: `sign` '-' (head: all but the last N), '+' (tail: from the Nth on) or ''. */
function select(items: string[] | Uint8Array, head: boolean, sign: string, n: number) {
  const len = items.length;
  if (head) return items.slice(0, sign === '-' ? Math.max(0, len - n) : n);
  if (sign === '+') return items.slice(Math.max(0, n - 1));
  return n === 0 ? items.slice(0, 0) : items.slice(Math.max(0, len - n));
}

export function headTail(ctx: CommandContext, head: boolean): number {
  const tool = ctx.argv[0];
  // -N is -n N unless it is the value of -n/-c (head -c -4); tail's lone +N (with at most one file) is -n +N.
  const argv = ctx.argv.map((x, i) => {
    if (i > 0 && /^-\d+$/.test(x) && !/^-(n|c|-lines|-bytes)$/.test(ctx.argv[i - 1])) return `-n${x.slice(1)}`;
    if (!head && i === 1 && /^\+\d+$/.test(x) && ctx.argv.length <= 3) return `-n${x}`;
    return x;
  });
  const p = parseOpts(
    { ...ctx, argv },
    {
      flags: 'qvfz',
      withValue: 'nc',
      long: {
        'lines=': 'n',
        'bytes=': 'c',
        quiet: 'q',
        silent: 'q',
        verbose: 'v',
        follow: 'f',
        'zero-terminated': 'z',
      },
    },
  );
  if (typeof p === 'number') return p;
  // Whichever of -n and -c comes last counts, as in coreutils.
  const last = p.all.filter(([k]) => k === 'n' || k === 'c').pop();
  const bytes = last?.[0] === 'c';
  const spec = last?.[1] ?? '10';
  const sign = /^[+-]/.test(spec) ? spec[0] : '';
  const size = parseCoreutilsSize(spec.slice(sign.length));
  if (!size.ok || size.op) {
    ctx.err(`${tool}: invalid number of ${bytes ? 'bytes' : 'lines'}: ‘${spec}’\n`);
    return 1;
  }
  const { inputs, ok } = readInputs(ctx, p.args);
  // Headers: with several files unless -q, always with -v; the last of -q/-v wins.
  const hv = p.all.filter(([k]) => k === 'q' || k === 'v').pop()?.[0];
  const headers = hv === 'v' || (hv !== 'q' && p.args.length > 1);
  const sep = 'z' in p.opts ? '\0' : '\n';
  inputs.forEach((inp: Input, idx) => {
    if (headers) ctx.out(`${idx ? '\n' : ''}==> ${inp.name === '-' ? 'standard input' : inp.name} <==\n`);
    if (bytes)
      ctx.out(
        new TextDecoder().decode(select(new TextEncoder().encode(inp.text), head, sign, size.bytes) as Uint8Array),
      );
    else ctx.out((select(records(inp.text, sep), head, sign, size.bytes) as string[]).join(''));
  });
  return ok ? 0 : 1;
}
