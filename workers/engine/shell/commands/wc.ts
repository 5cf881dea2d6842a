// wc: lines, words, chars, bytes, max line length, in that order; column width from the files' total size as GNU's.
import type { CommandContext } from '../types';
import { parseOpts } from './opts';
import { failed } from '../../host/errno';
import { readInputs, abs } from './io';

const ORDER = ['l', 'w', 'm', 'c', 'L'] as const;
type Count = (typeof ORDER)[number];

/** Display width of a line: tabs to the next multiple of 8, one column per character. */
function lineWidth(line: string): number {
  let w = 0;
  for (const ch of line) w = ch === '\t' ? w + 8 - (w % 8) : w + 1;
  return w;
}

function counts(text: string): Record<Count, number> {
  const ls = text.split('\n');
  return {
    l: ls.length - 1,
    w: text.split(/[ \t\n\v\f\r]+/).filter(Boolean).length,
    m: [...text].length,
    c: new TextEncoder().encode(text).length,
    L: Math.max(0, ...ls.map(lineWidth)),
  };
}

/** A file's bytes past its text are NULs (dd's zeros, holes): bytes and characters, never lines or words. */
function withZeros(ctx: CommandContext, name: string, v: Record<Count, number>): Record<Count, number> {
  if (name === '-') return v;
  const s = ctx.machine.host.vfs.stat(abs(ctx, name));
  const extra = failed(s) || s.kind !== 'file' ? 0 : Math.max(0, s.size - v.c);
  return { ...v, c: v.c + extra, m: v.m + extra };
}

export function wc(ctx: CommandContext): number {
  const p = parseOpts(ctx, {
    flags: 'lcwmL',
    long: { lines: 'l', bytes: 'c', words: 'w', chars: 'm', 'max-line-length': 'L' },
  });
  if (typeof p === 'number') return p;
  const chosen = ORDER.filter((k) => k in p.opts);
  const which = chosen.length ? chosen : (['l', 'w', 'c'] as Count[]);
  const { inputs, ok } = readInputs(ctx, p.args);
  const rows = inputs.map((i) => ({ name: p.args.length ? i.name : '', v: withZeros(ctx, i.name, counts(i.text)) }));
  if (p.args.length > 1) {
    const total = { name: 'total', v: { l: 0, w: 0, m: 0, c: 0, L: 0 } };
    for (const r of rows)
      for (const k of ORDER) total.v[k] = k === 'L' ? Math.max(total.v.L, r.v.L) : total.v[k] + r.v[k];
    rows.push(total);
  }
  const w = width(ctx, p.args, which.length);
  ctx.out(
    rows
      .map((r) => which.map((k) => String(r.v[k]).padStart(w)).join(' ') + (r.name ? ` ${r.name}` : '') + '\n')
      .join(''),
  );
  return ok ? 0 : 1;
}

/** GNU's number width: 1 for one count of one input, else the digits of the regular files' total size (7 with stdin). */
function width(ctx: CommandContext, files: string[], nCounts: number): number {
  if (files.length <= 1 && nCounts === 1) return 1;
  if (!files.length) return 7;
  const vfs = ctx.machine.host.vfs;
  const first = vfs.stat(abs(ctx, files[0]));
  if (files[0] !== '-' && failed(first)) return 1;
  let total = 0;
  let minimum = 1;
  for (const f of files) {
    const s = f === '-' ? null : vfs.stat(abs(ctx, f));
    if (s && failed(s)) continue;
    if (!s || s.kind !== 'file') minimum = 7;
    else total += s.size;
  }
  return Math.max(minimum, String(total).length);
}
