// sort: keys (-k F[.C][OPTS][,F[.C][OPTS]]), -t, orderings -n -h -g -f -d -b -r, -u by key, -s, -c, -o; C.UTF-8 collation.
import type { CommandContext } from '../types';
import { parseOpts } from './opts';
import { readInputs, abs } from './io';
import { strerror } from '../../host/errno';

/** How a key compares: the ordering flags GNU lets each key carry. */
interface Ordering {
  b: boolean;
  d: boolean;
  f: boolean;
  g: boolean;
  h: boolean;
  n: boolean;
  r: boolean;
}

interface Key extends Ordering {
  sField: number;
  sChar: number;
  eField: number;
  eChar: number;
  /** Blanks skipped at the key's end position (a 'b' written after the end field). */
  eb: boolean;
}

const ORDER_FLAGS = 'bdfghnr';

function ordering(flags: string, base?: Ordering): Ordering {
  const o: Ordering = base ? { ...base } : { b: false, d: false, f: false, g: false, h: false, n: false, r: false };
  for (const c of flags) o[c as keyof Ordering] = true;
  return o;
}

/** Parses one -k; null when malformed. */
function parseKey(spec: string, global: Ordering): Key | null {
  const m = /^(\d+)(?:\.(\d+))?([bdfghnr]*)(?:,(\d+)(?:\.(\d+))?([bdfghnr]*))?$/.exec(spec);
  if (!m || Number(m[1]) === 0 || m[2] === '0') return null;
  const flags = (m[3] ?? '') + (m[6] ?? '');
  // A key without any flags inherits the global ones; a 'b' counts where it is written (start or end).
  const o = flags ? ordering(flags.replace(/b/g, '')) : { ...global };
  o.b = flags ? (m[3] ?? '').includes('b') : global.b;
  return {
    ...o,
    sField: Number(m[1]),
    sChar: m[2] ? Number(m[2]) : 1,
    eField: m[4] ? Number(m[4]) : Infinity,
    eChar: m[5] ? Number(m[5]) : 0,
    eb: (m[6] ?? '').includes('b') || (!flags && global.b),
  };
}

const isBlank = (c: string | undefined) => c === ' ' || c === '\t';

/** Index where field f (1-based) starts: with -t after the (f-1)th separator, else leading blanks belong to it. */
function fieldStart(line: string, f: number, tab: string | undefined): number {
  let i = 0;
  for (let k = 1; k < f && i < line.length; k++) {
    if (tab !== undefined) {
      const j = line.indexOf(tab, i);
      i = j < 0 ? line.length : j + 1;
    } else {
      while (i < line.length && isBlank(line[i])) i++;
      while (i < line.length && !isBlank(line[i])) i++;
    }
  }
  return i;
}

function keyText(line: string, k: Key, tab: string | undefined): string {
  let s = fieldStart(line, k.sField, tab);
  if (k.b) while (s < line.length && isBlank(line[s])) s++;
  s = Math.min(line.length, s + k.sChar - 1);
  let e = line.length;
  if (k.eField !== Infinity) {
    e = fieldStart(line, k.eField, tab);
    if (k.eChar === 0) {
      // The end of field E: up to its separator, or past its leading blanks and its word.
      if (tab !== undefined) {
        const j = line.indexOf(tab, e);
        e = j < 0 ? line.length : j;
      } else {
        while (e < line.length && isBlank(line[e])) e++;
        while (e < line.length && !isBlank(line[e])) e++;
      }
    } else {
      if (k.eb) while (e < line.length && isBlank(line[e])) e++;
      e = Math.min(line.length, e + k.eChar);
    }
  }
  return e > s ? line.slice(s, e) : '';
}

const cmpStr = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** -n: leading blanks, optional minus, digits, a fraction; anything else is zero. */
function numeric(s: string): number {
  const m = /^[ \t]*(-?\d*(?:\.\d*)?)/.exec(s)![1];
  const v = parseFloat(m);
  return Number.isNaN(v) ? 0 : v;
}

const SUFFIXES = 'KMGTPEZY';

/** -h: the suffix's rank first, then the number. */
function human(s: string): [number, number] {
  const m = /^[ \t]*(-?\d*(?:\.\d*)?)([KMGTPEZYk]?)/.exec(s)!;
  const v = parseFloat(m[1]);
  const n = Number.isNaN(v) ? 0 : v;
  const rank = m[2] ? SUFFIXES.indexOf(m[2].toUpperCase()) + 1 : 0;
  return [n === 0 ? 0 : Math.sign(n) * rank, n];
}

function general(s: string): number {
  const v = parseFloat(s.trim());
  return Number.isNaN(v) ? -Infinity : v;
}

function compareKey(a: string, b: string, o: Ordering): number {
  let c: number;
  if (o.n) c = numeric(a) - numeric(b);
  else if (o.h) {
    const [ra, na] = human(a);
    const [rb, nb] = human(b);
    c = ra - rb || na - nb;
  } else if (o.g) {
    const ga = general(a);
    const gb = general(b);
    c = ga < gb ? -1 : ga > gb ? 1 : 0;
  } else {
    let x = a;
    let y = b;
    if (o.d) [x, y] = [x, y].map((t) => t.replace(/[^A-Za-z0-9 \t]/g, ''));
    if (o.f) [x, y] = [x.toUpperCase(), y.toUpperCase()];
    c = cmpStr(x, y);
  }
  return o.r ? -c : c;
}

export function sort(ctx: CommandContext): number {
  const p = parseOpts(ctx, {
    flags: 'bcdfghnrsu',
    withValue: 'kto',
    usageStatus: 2,
    long: {
      'ignore-leading-blanks': 'b',
      check: 'c',
      'dictionary-order': 'd',
      'ignore-case': 'f',
      'general-numeric-sort': 'g',
      'human-numeric-sort': 'h',
      'numeric-sort': 'n',
      reverse: 'r',
      stable: 's',
      unique: 'u',
      'key=': 'k',
      'field-separator=': 't',
      'output=': 'o',
    },
  });
  if (typeof p === 'number') return p;
  const global = ordering([...ORDER_FLAGS].filter((c) => c in p.opts).join(''));
  const keys: Key[] = [];
  for (const [k, v] of p.all) {
    if (k !== 'k') continue;
    const key = parseKey(v, global);
    if (!key) {
      ctx.err(`sort: invalid number at field start: invalid count at start of ‘${v}’\n`);
      return 2;
    }
    keys.push(key);
  }
  const tab = p.opts.t;
  if (tab !== undefined && [...tab].length !== 1) {
    ctx.err(tab ? `sort: multi-character tab ‘${tab}’\n` : 'sort: empty tab\n');
    return 2;
  }
  const { inputs, ok } = readInputs(ctx, p.args);
  if (!ok) return 2;
  const all = inputs.flatMap((i) => (i.text ? i.text.replace(/\n$/, '').split('\n') : []));
  const byKeys = (a: string, b: string): number => {
    if (!keys.length) return compareKey(a, b, global);
    for (const k of keys) {
      const c = compareKey(keyText(a, k, tab), keyText(b, k, tab), k);
      if (c) return c;
    }
    return 0;
  };
  // Lines equal by their keys fall back to a bytewise comparison of the whole line, unless -s or -u.
  const lastResort = !('s' in p.opts) && !('u' in p.opts);
  const cmp = (a: string, b: string) => byKeys(a, b) || (lastResort ? (global.r ? -cmpStr(a, b) : cmpStr(a, b)) : 0);
  if ('c' in p.opts) {
    for (let i = 1; i < all.length; i++) {
      const c = cmp(all[i - 1], all[i]);
      if (c > 0 || (c === 0 && 'u' in p.opts)) {
        ctx.err(`sort: ${p.args[0] ?? '-'}:${i + 1}: disorder: ${all[i]}\n`);
        return 1;
      }
    }
    return 0;
  }
  let sorted = all
    .map((l, i) => [l, i] as const)
    .sort((x, y) => cmp(x[0], y[0]) || x[1] - y[1])
    .map(([l]) => l);
  if ('u' in p.opts) sorted = sorted.filter((l, i) => i === 0 || byKeys(sorted[i - 1], l) !== 0);
  const text = sorted.map((l) => l + '\n').join('');
  if (p.opts.o === undefined) ctx.out(text);
  else {
    const e = ctx.machine.host.vfs.writeFile(abs(ctx, p.opts.o), text);
    if (e) {
      ctx.err(`sort: open failed: ${p.opts.o}: ${strerror(e.errno)}\n`);
      return 2;
    }
  }
  return 0;
}
