// Text commands every script may use: echo, printf, cat, tee, xargs (head/tail, wc, sort, uniq, cut, tr are textTools.ts).
import type { CommandContext, CommandTable } from '../types';
import { parseOpts } from './opts';
import { lines, abs } from './io';
import { strerror } from '../../host/errno';
import { expandToText } from './escapes';
import { printf } from './printf';
import { cat } from './cat';

function echo(ctx: CommandContext): number {
  const a = ctx.argv.slice(1);
  let newline = true;
  let interpret = false;
  while (a.length && /^-[neE]+$/.test(a[0])) {
    for (const c of a[0].slice(1)) {
      if (c === 'n') newline = false;
      else if (c === 'e') interpret = true;
      else interpret = false;
    }
    a.shift();
  }
  let text = a.join(' ');
  if (interpret) {
    const r = expandToText(text, 'echo');
    text = r.text;
    if (r.stop) newline = false;
  }
  ctx.out(text + (newline ? '\n' : ''));
  return 0;
}

function tee(ctx: CommandContext): number {
  const p = parseOpts(ctx, { flags: 'ai', long: { append: 'a' } });
  if (typeof p === 'number') return p;
  let st = 0;
  const vfs = ctx.machine.host.vfs;
  for (const f of p.args) {
    const e = vfs.writeFile(abs(ctx, f), ctx.stdin, 'a' in p.opts);
    if (e) {
      ctx.err(`tee: ${f}: ${strerror(e.errno)}\n`);
      st = 1;
    }
  }
  ctx.out(ctx.stdin);
  return st;
}

/** Text filters and printers. */
function xargs(ctx: CommandContext): number {
  const p = parseOpts(ctx, { flags: 'rt', withValue: 'nI', permute: false, long: { 'no-run-if-empty': 'r' } });
  if (typeof p === 'number') return p;
  const cmd = p.args.length ? p.args : ['echo'];
  const items = ctx.stdin.split(/\s+/).filter(Boolean);
  if (!items.length && 'r' in p.opts) return 0;
  if (!ctx.exec) return 1;
  const n = p.opts.n ? Number(p.opts.n) : items.length || 1;
  let st = 0;
  if (p.opts.I !== undefined) {
    for (const l of lines(ctx.stdin)) {
      const r = ctx.exec(
        cmd.map((x) => x.split(p.opts.I).join(l)),
        '',
      );
      if (r) st = 123;
    }
    return st;
  }
  for (let i = 0; i < Math.max(items.length, 1); i += n) {
    const r = ctx.exec([...cmd, ...items.slice(i, i + n)], '');
    if (r === 127) return 127;
    if (r) st = 123;
  }
  return st;
}

export const textCommands: CommandTable = {
  echo,
  printf,
  cat,
  tee,
  xargs,
};
