// grep (GNU grep 2.20): -E -F -i -v -c -q -w -x -o -n -l -L -h -e -r, context -A -B -C.
import type { CommandContext, CommandTable } from '../types';
import { parseOpts } from './opts';
import { readInputs, lines, abs } from './io';
import { failed } from '../../host/errno';
import { compilePosix } from './regex';

function grep(ctx: CommandContext, mode: 'G' | 'E' | 'F'): number {
  const p = parseOpts(ctx, {
    flags: 'EFGivcqwxonlLhHsrR',
    withValue: 'eABC',
    usageStatus: 2,
    long: {
      'extended-regexp': 'E',
      'fixed-strings': 'F',
      'ignore-case': 'i',
      'invert-match': 'v',
      count: 'c',
      quiet: 'q',
      silent: 'q',
      'word-regexp': 'w',
      'line-regexp': 'x',
      'only-matching': 'o',
      'line-number': 'n',
      'files-with-matches': 'l',
      'files-without-match': 'L',
      recursive: 'r',
      'dereference-recursive': 'R',
      'no-filename': 'h',
      'with-filename': 'H',
      'no-messages': 's',
      'regexp=': 'e',
      'color=': 'color',
      colour: 'color',
      'after-context=': 'A',
      'before-context=': 'B',
      'context=': 'C',
    },
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
  const context = (k: 'A' | 'B'): number | string => {
    const v = p.all.filter(([x]) => x === k || x === 'C').pop()?.[1];
    if (v === undefined) return 0;
    return /^\d+$/.test(v) ? Number(v) : v;
  };
  const after = context('A');
  const before = context('B');
  for (const v of [after, before])
    if (typeof v === 'string') {
      ctx.err(`grep: ${v}: invalid context length argument\n`);
      return 2;
    }
  const [nAfter, nBefore] = [after as number, before as number];
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
  const recursive = 'r' in o || 'R' in o;
  const operands = recursive ? recurse(ctx, args.length ? args : ['']) : args;
  const { inputs, ok } = readInputs(ctx, operands);
  // Names are shown for several inputs, and for anything found under a directory.
  const underDir = recursive && operands.join('\0') !== args.join('\0');
  const prefix = ('H' in o || inputs.length > 1 || underDir) && !('h' in o);
  let any = false;
  for (const inp of inputs) {
    const name = inp.name === '-' ? '(standard input)' : inp.name;
    let count = 0;
    // Context lines take '-' after the name and number, matches ':'; '--' separates groups that do not touch.
    let lastPrinted = -1;
    let afterLeft = 0;
    const all = lines(inp.text);
    const show = (idx: number, sep: string) => {
      if ((nAfter || nBefore) && lastPrinted >= 0 && idx > lastPrinted + 1) ctx.out('--\n');
      ctx.out((prefix ? `${name}${sep}` : '') + ('n' in o ? `${idx + 1}${sep}` : '') + all[idx] + '\n');
      lastPrinted = idx;
    };
    all.forEach((l, idx) => {
      re.lastIndex = 0;
      const hit = re.test(l);
      if (hit === 'v' in o) {
        if (afterLeft > 0 && !('q' in o || 'c' in o || 'l' in o)) {
          afterLeft--;
          show(idx, '-');
        }
        return;
      }
      count++;
      any = true;
      if ('q' in o || 'c' in o || 'l' in o || 'L' in o) return;
      if ('o' in o && !('v' in o)) {
        const pre = (prefix ? `${name}:` : '') + ('n' in o ? `${idx + 1}:` : '');
        re.lastIndex = 0;
        for (const m of l.matchAll(re)) if (m[0]) ctx.out(pre + m[0] + '\n');
        return;
      }
      for (let b = Math.max(lastPrinted + 1, idx - nBefore); b < idx; b++) show(b, '-');
      show(idx, ':');
      afterLeft = nAfter;
    });
    if ('q' in o && any) return 0;
    if ('c' in o) ctx.out((prefix ? `${name}:` : '') + count + '\n');
    if ('l' in o && count) ctx.out(name + '\n');
    if ('L' in o && !count) ctx.out(name + '\n');
  }
  if (!ok && !('q' in o && any)) return 2;
  return any ? 0 : 1;
}

/** -r: directory operands become the files under them (NAME/sub/file; bare names under the working directory for none). */
function recurse(ctx: CommandContext, args: string[]): string[] {
  const vfs = ctx.machine.host.vfs;
  return args.flatMap((a) => {
    const root = abs(ctx, a);
    const st = vfs.stat(root);
    if (failed(st) || st.kind !== 'dir') return [a];
    return vfs
      .walk(root)
      .filter((p) => {
        const s = vfs.stat(p);
        return !failed(s) && s.kind === 'file';
      })
      .map((p) => (a === '' ? p.slice(root.length + 1) : `${a.replace(/\/+$/, '')}${p.slice(root.length)}`));
  });
}

/** grep and its egrep/fgrep forms. */
export const grepCommands: CommandTable = {
  grep: (ctx) => grep(ctx, 'G'),
  egrep: (ctx) => grep(ctx, 'E'),
  fgrep: (ctx) => grep(ctx, 'F'),
};
