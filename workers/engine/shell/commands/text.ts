// Text commands: echo, printf, cat, tee, head, tail, wc, sort, uniq, cut, tr, xargs.
import type { CommandContext, CommandTable } from '../types';
import { parseOpts, missingOperand } from './opts';
import { readInputs, lines, abs } from './io';
import { strerror } from '../../host/errno';
import { parseCoreutilsSize } from '../../units/parseSize';

/** Interprets echo -e / printf backslash escapes; returns the text and whether \c stopped output. */
function escapes(s: string, octalNeedsZero: boolean): { text: string; stop: boolean } {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c !== '\\' || i + 1 >= s.length) {
      out += c;
      continue;
    }
    const n = s[++i];
    const map: Record<string, string> = {
      n: '\n',
      t: '\t',
      r: '\r',
      a: '\x07',
      b: '\b',
      f: '\f',
      v: '\v',
      e: '\x1b',
      '\\': '\\',
    };
    if (n in map) out += map[n];
    else if (n === 'c') return { text: out, stop: true };
    else if (n === '0' || (!octalNeedsZero && /[0-7]/.test(n))) {
      const m = /^[0-7]{0,3}/.exec(s.slice(octalNeedsZero ? i + 1 : i))![0];
      out += String.fromCharCode(parseInt(m || '0', 8));
      i += octalNeedsZero ? m.length : m.length - 1;
    } else if (n === 'x') {
      const m = /^[0-9a-fA-F]{1,2}/.exec(s.slice(i + 1));
      if (m) {
        out += String.fromCharCode(parseInt(m[0], 16));
        i += m[0].length;
      } else out += '\\x';
    } else out += '\\' + n;
  }
  return { text: out, stop: false };
}

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
    const r = escapes(text, true);
    text = r.text;
    if (r.stop) newline = false;
  }
  ctx.out(text + (newline ? '\n' : ''));
  return 0;
}

function printf(ctx: CommandContext): number {
  const a = ctx.argv.slice(1);
  if (a[0] === '--') a.shift();
  if (!a.length) {
    ctx.err(`printf: usage: printf [-v var] format [arguments]\n`);
    return 2;
  }
  const fmt = a[0];
  const args = a.slice(1);
  let st = 0;
  let k = 0;
  const once = (): string => {
    let out = '';
    const re = /%([-+ #0]*)(\d+|\*)?(?:\.(\d+))?([sdiouxXcbf%])|\\./g;
    let last = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(fmt))) {
      out += fmt.slice(last, m.index);
      last = re.lastIndex;
      if (m[0].startsWith('\\')) {
        out += escapes(m[0], false).text;
        continue;
      }
      const conv = m[4];
      if (conv === '%') {
        out += '%';
        continue;
      }
      const arg = args[k++] ?? '';
      let s: string;
      if ('diouxX'.includes(conv)) {
        let n = 0;
        if (arg !== '' && !/^[-+]?\d+$/.test(arg)) {
          ctx.err(`bash: printf: ${arg}: invalid number\n`);
          st = 1;
        } else n = Number(arg || 0);
        s =
          conv === 'x'
            ? n.toString(16)
            : conv === 'X'
              ? n.toString(16).toUpperCase()
              : conv === 'o'
                ? n.toString(8)
                : String(Math.trunc(n));
      } else if (conv === 'f') s = Number(arg || 0).toFixed(m[3] ? Number(m[3]) : 6);
      else if (conv === 'c') s = arg.slice(0, 1);
      else if (conv === 'b') s = escapes(arg, true).text;
      else s = m[3] !== undefined ? arg.slice(0, Number(m[3])) : arg;
      const width = m[2] ? Number(m[2]) : 0;
      const left = m[1].includes('-');
      const zero = m[1].includes('0') && !left && 'dif'.includes(conv);
      s = left ? s.padEnd(width) : s.padStart(width, zero ? '0' : ' ');
      out += s;
    }
    return out + fmt.slice(last);
  };
  let out = once();
  while (k < args.length && /%[^%]/.test(fmt)) out += once();
  ctx.out(out);
  return st;
}

function cat(ctx: CommandContext): number {
  const p = parseOpts(ctx, { flags: 'nAEsTuv', long: { number: 'n', 'show-all': 'A' } });
  if (typeof p === 'number') return p;
  let ok = true;
  const files = p.args.length ? p.args : ['-'];
  let n = 0;
  for (const f of files) {
    const { inputs, ok: o } = readInputs(ctx, [f]);
    ok &&= o;
    for (const i of inputs) {
      if ('n' in p.opts)
        ctx.out(
          lines(i.text)
            .map((l) => `${String(++n).padStart(6)}\t${l}\n`)
            .join(''),
        );
      else ctx.out(i.text);
    }
  }
  return ok ? 0 : 1;
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

/** head/tail share their count syntax: -n N, -N, and for tail -n +N. */
function headTail(ctx: CommandContext, head: boolean): number {
  // -N is -n N, unless it is the value of -n or -c (head -c -4).
  const argv = ctx.argv.map((x, i) =>
    i > 0 && /^-\d+$/.test(x) && !/^-(n|c|-lines|-bytes)$/.test(ctx.argv[i - 1]) ? `-n${x.slice(1)}` : x,
  );
  const p = parseOpts(
    { ...ctx, argv },
    { flags: 'qvf', withValue: 'nc', long: { 'lines=': 'n', 'bytes=': 'c', quiet: 'q', follow: 'f' } },
  );
  if (typeof p === 'number') return p;
  // Whichever of -n and -c comes last counts, as in coreutils.
  const byBytes = p.all.filter(([k]) => k === 'n' || k === 'c').pop()?.[0] === 'c';
  if (byBytes) return headTailBytes(ctx, head, p.opts.c, p.args);
  const spec = p.opts.n ?? '10';
  if (!/^[+-]?\d+$/.test(spec)) {
    ctx.err(`${ctx.argv[0]}: invalid number of lines: ‘${spec}’\n`);
    return 1;
  }
  const { inputs, ok } = readInputs(ctx, p.args);
  inputs.forEach((inp, idx) => {
    if (inputs.length > 1) ctx.out(`${idx ? '\n' : ''}==> ${inp.name === '-' ? 'standard input' : inp.name} <==\n`);
    const ls = lines(inp.text);
    const n = Math.abs(Number(spec));
    let sel: string[];
    if (head) sel = spec.startsWith('-') ? ls.slice(0, Math.max(0, ls.length - n)) : ls.slice(0, n);
    else sel = spec.startsWith('+') ? ls.slice(Math.max(0, n - 1)) : n === 0 ? [] : ls.slice(-n);
    ctx.out(sel.map((l) => l + '\n').join(''));
  });
  return ok ? 0 : 1;
}

/** head -c / tail -c: bytes of the UTF-8 text, with coreutils' multipliers (K, M, kB…), head -c -N, tail -c +N. */
function headTailBytes(ctx: CommandContext, head: boolean, spec: string, args: string[]): number {
  const sign = /^[+-]/.test(spec) ? spec[0] : '';
  const size = parseCoreutilsSize(spec.slice(sign.length));
  if (!size.ok || size.op) {
    ctx.err(`${ctx.argv[0]}: invalid number of bytes: ‘${spec}’\n`);
    return 1;
  }
  const n = size.bytes;
  const { inputs, ok } = readInputs(ctx, args);
  inputs.forEach((inp, idx) => {
    if (inputs.length > 1) ctx.out(`${idx ? '\n' : ''}==> ${inp.name === '-' ? 'standard input' : inp.name} <==\n`);
    const bytes = new TextEncoder().encode(inp.text);
    let sel: Uint8Array;
    if (head) sel = sign === '-' ? bytes.subarray(0, Math.max(0, bytes.length - n)) : bytes.subarray(0, n);
    else if (sign === '+') sel = bytes.subarray(Math.max(0, n - 1));
    else sel = n === 0 ? bytes.subarray(0, 0) : bytes.subarray(Math.max(0, bytes.length - n));
    ctx.out(new TextDecoder().decode(sel));
  });
  return ok ? 0 : 1;
}

function wc(ctx: CommandContext): number {
  const p = parseOpts(ctx, { flags: 'lcwmL', long: { lines: 'l', bytes: 'c', words: 'w', chars: 'm' } });
  if (typeof p === 'number') return p;
  const sel = ['l', 'w', 'c'].filter((k) => k in p.opts || ('m' in p.opts && k === 'c'));
  const which = sel.length ? sel : ['l', 'w', 'c'];
  const { inputs, ok } = readInputs(ctx, p.args);
  const rows = inputs.map((i) => ({
    name: p.args.length ? i.name : '',
    v: {
      l: (i.text.match(/\n/g) ?? []).length,
      w: i.text.split(/\s+/).filter(Boolean).length,
      c: new TextEncoder().encode(i.text).length,
    } as Record<string, number>,
  }));
  if (rows.length > 1) rows.push({ name: 'total', v: { l: 0, w: 0, c: 0 } });
  if (rows.length > 1)
    for (const r of rows.slice(0, -1)) for (const k of ['l', 'w', 'c']) rows[rows.length - 1].v[k] += r.v[k];
  const single = which.length === 1 && rows.length === 1;
  const width = single
    ? 1
    : !p.args.length
      ? 7
      : Math.max(1, ...rows.flatMap((r) => which.map((k) => String(r.v[k]).length)));
  for (const r of rows)
    ctx.out(which.map((k) => String(r.v[k]).padStart(width)).join(' ') + (r.name ? ` ${r.name}` : '') + '\n');
  return ok ? 0 : 1;
}

function sort(ctx: CommandContext): number {
  const p = parseOpts(ctx, { flags: 'nrufh', withValue: 'kt', long: { numeric: 'n', reverse: 'r', unique: 'u' } });
  if (typeof p === 'number') return p;
  const { inputs, ok } = readInputs(ctx, p.args);
  let all = inputs.flatMap((i) => lines(i.text));
  const key = (l: string) => {
    if (!p.opts.k) return l;
    const f = Number(p.opts.k.split(',')[0]) - 1;
    const parts = p.opts.t ? l.split(p.opts.t) : l.trim().split(/\s+/);
    return parts.slice(f).join(p.opts.t ?? ' ');
  };
  const num = (s: string) => parseFloat(s) || 0;
  all.sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    const c = 'n' in p.opts ? num(ka) - num(kb) : ka < kb ? -1 : ka > kb ? 1 : 0;
    return c || (a < b ? -1 : a > b ? 1 : 0);
  });
  if ('r' in p.opts) all.reverse();
  if ('u' in p.opts) all = all.filter((l, i) => i === 0 || l !== all[i - 1]);
  ctx.out(all.map((l) => l + '\n').join(''));
  return ok ? 0 : 2;
}

function uniq(ctx: CommandContext): number {
  const p = parseOpts(ctx, { flags: 'cdu', long: { count: 'c' } });
  if (typeof p === 'number') return p;
  const { inputs, ok } = readInputs(ctx, p.args.slice(0, 1));
  const ls = inputs.flatMap((i) => lines(i.text));
  const groups: [string, number][] = [];
  for (const l of ls) {
    if (groups.length && groups[groups.length - 1][0] === l) groups[groups.length - 1][1]++;
    else groups.push([l, 1]);
  }
  for (const [l, n] of groups) {
    if ('d' in p.opts && n < 2) continue;
    if ('u' in p.opts && n > 1) continue;
    ctx.out('c' in p.opts ? `${String(n).padStart(7)} ${l}\n` : `${l}\n`);
  }
  return ok ? 0 : 1;
}

/** Parses cut's LIST (1,3-5,7-). */
function ranges(list: string): ((n: number) => boolean) | null {
  const parts = list.split(',').map((r) => /^(\d*)(-?)(\d*)$/.exec(r));
  if (parts.some((m) => !m || (!m[1] && !m[3]))) return null;
  return (n) =>
    parts.some((m) => {
      const lo = m![1] ? Number(m![1]) : 1;
      const hi = m![2] ? (m![3] ? Number(m![3]) : Infinity) : lo;
      return n >= lo && n <= hi;
    });
}

function cut(ctx: CommandContext): number {
  const p = parseOpts(ctx, {
    flags: 's',
    withValue: 'dfcb',
    long: { 'delimiter=': 'd', 'fields=': 'f', 'characters=': 'c' },
  });
  if (typeof p === 'number') return p;
  const list = p.opts.f ?? p.opts.c ?? p.opts.b;
  if (!list) {
    ctx.err(`cut: you must specify a list of bytes, characters, or fields\nTry 'cut --help' for more information.\n`);
    return 1;
  }
  const pick = ranges(list);
  if (!pick) {
    ctx.err(`cut: invalid byte, character or field list\nTry 'cut --help' for more information.\n`);
    return 1;
  }
  const d = p.opts.d ?? '\t';
  if (d.length !== 1) {
    ctx.err(`cut: the delimiter must be a single character\nTry 'cut --help' for more information.\n`);
    return 1;
  }
  const { inputs, ok } = readInputs(ctx, p.args);
  for (const l of inputs.flatMap((i) => lines(i.text))) {
    if (p.opts.f) {
      if (!l.includes(d)) {
        if (!('s' in p.opts)) ctx.out(l + '\n');
        continue;
      }
      ctx.out(
        l
          .split(d)
          .filter((_, i) => pick(i + 1))
          .join(d) + '\n',
      );
    } else ctx.out([...l].filter((_, i) => pick(i + 1)).join('') + '\n');
  }
  return ok ? 0 : 1;
}

/** Expands a tr SET (ranges, [:classes:], escapes). */
function trSet(s: string): string {
  const classes: Record<string, string> = {
    '[:lower:]': 'abcdefghijklmnopqrstuvwxyz',
    '[:upper:]': 'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
    '[:digit:]': '0123456789',
    '[:space:]': ' \t\n\r\f\v',
    '[:blank:]': ' \t',
  };
  let out = '';
  const t = escapes(s, false).text;
  for (let i = 0; i < t.length; i++) {
    const cls = Object.keys(classes).find((c) => t.startsWith(c, i));
    if (cls) {
      out += classes[cls];
      i += cls.length - 1;
    } else if (t[i + 1] === '-' && i + 2 < t.length) {
      for (let c = t.charCodeAt(i); c <= t.charCodeAt(i + 2); c++) out += String.fromCharCode(c);
      i += 2;
    } else out += t[i];
  }
  return out;
}

function tr(ctx: CommandContext): number {
  const p = parseOpts(ctx, { flags: 'dsc', long: { delete: 'd', 'squeeze-repeats': 's' } });
  if (typeof p === 'number') return p;
  if (!p.args.length) return missingOperand(ctx);
  const from = trSet(p.args[0]);
  let text = ctx.stdin;
  if ('d' in p.opts) text = [...text].filter((c) => !from.includes(c)).join('');
  else if (p.args[1] !== undefined) {
    const to = trSet(p.args[1]);
    text = [...text].map((c) => (from.includes(c) ? (to[from.indexOf(c)] ?? to[to.length - 1] ?? '') : c)).join('');
  } else if (!('s' in p.opts)) {
    ctx.err(
      `tr: missing operand after ‘${p.args[0]}’\nTwo strings must be given when translating.\nTry 'tr --help' for more information.\n`,
    );
    return 1;
  }
  if ('s' in p.opts) {
    const sq = p.args[1] !== undefined && !('d' in p.opts) ? trSet(p.args[1]) : from;
    text = text.replace(/(.)\1+/gs, (m, c: string) => (sq.includes(c) ? c : m));
  }
  ctx.out(text);
  return 0;
}

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

/** Text filters and printers. */
export const textCommands: CommandTable = {
  echo,
  printf,
  cat,
  tee,
  head: (ctx) => headTail(ctx, true),
  tail: (ctx) => headTail(ctx, false),
  wc,
  sort,
  uniq,
  cut,
  tr,
  xargs,
};

export { escapes };
