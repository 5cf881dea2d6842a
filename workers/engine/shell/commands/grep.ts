// grep (GNU grep 2.20): -E -F -i -v -c -q -w -x -o -n -l -h -e.
import type { CommandContext, CommandTable } from '../types';
import { parseOpts } from './opts';
import { readInputs, lines } from './io';
import { compilePosix } from './regex';

function grep(ctx: CommandContext, mode: 'G' | 'E' | 'F'): number {
  const p = parseOpts(ctx, {
    flags: 'EFGivcqwxonlhHsr',
    withValue: 'e',
    usageStatus: 2,
    long: { 'extended-regexp': 'E', 'fixed-strings': 'F', 'ignore-case': 'i', 'invert-match': 'v', count: 'c', quiet: 'q', silent: 'q',
      'word-regexp': 'w', 'line-regexp': 'x', 'only-matching': 'o', 'line-number': 'n', 'files-with-matches': 'l', 'no-filename': 'h',
      'with-filename': 'H', 'no-messages': 's', 'regexp=': 'e', 'color=': 'color', colour: 'color' },
  });
  if (typeof p === 'number') return p;
  for (const [k] of p.all) if (k === 'E' || k === 'F' || k === 'G') mode = k;
  const patterns = p.all.filter(([k]) => k === 'e').map(([, v]) => v);
  const args = [...p.args];
  if (!patterns.length) {
    if (!args.length) {
      ctx.err(`Usage: grep [OPTION]... PATTERN [FILE]...\nTry 'grep --help' for more information.\n`);
      return 2;
    }
    patterns.push(...args.shift()!.split('\n'));
  }
  const o = p.opts;
  const flags = 'i' in o ? 'gi' : 'g';
  const sources = patterns.map((pat) => {
    let src = mode === 'F' ? pat.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&') : null;
    if (src === null) {
      const re = compilePosix(pat, mode === 'E', flags);
      if (!re) return null;
      src = re.source;
    }
    if ('w' in o) src = `(?<![A-Za-z0-9_])(?:${src})(?![A-Za-z0-9_])`;
    if ('x' in o) src = `^(?:${src})$`;
    return src;
  });
  if (sources.some((s) => s === null)) {
    ctx.err(`grep: Unmatched [ or [^\n`);
    return 2;
  }
  const re = new RegExp(sources.map((s) => `(?:${s})`).join('|'), flags);
  const { inputs, ok } = readInputs(ctx, args);
  const prefix = ('H' in o || inputs.length > 1) && !('h' in o);
  let any = false;
  for (const inp of inputs) {
    const name = inp.name === '-' ? '(standard input)' : inp.name;
    let count = 0;
    lines(inp.text).forEach((l, idx) => {
      re.lastIndex = 0;
      const hit = re.test(l);
      if (hit === 'v' in o) return;
      count++;
      any = true;
      if ('q' in o || 'c' in o || 'l' in o) return;
      const pre = (prefix ? `${name}:` : '') + ('n' in o ? `${idx + 1}:` : '');
      if ('o' in o && !('v' in o)) {
        re.lastIndex = 0;
        for (const m of l.matchAll(re)) if (m[0]) ctx.out(pre + m[0] + '\n');
      } else ctx.out(pre + l + '\n');
    });
    if ('q' in o && any) return 0;
    if ('c' in o) ctx.out((prefix ? `${name}:` : '') + count + '\n');
    if ('l' in o && count) ctx.out(name + '\n');
  }
  if (!ok && !('q' in o && any)) return 2;
  return any ? 0 : 1;
}

/** grep and its egrep/fgrep forms. */
export const grepCommands: CommandTable = {
  grep: (ctx) => grep(ctx, 'G'),
  egrep: (ctx) => grep(ctx, 'E'),
  fgrep: (ctx) => grep(ctx, 'F'),
};
