// GNU-style option parsing for the tools (clustered short flags, -n5 / -n 5, --long[=value], --), with their error texts.
import type { CommandContext } from '../types';

/** What a tool accepts: short flags without/with a value, long options mapped to short keys or themselves. */
export interface OptSpec {
  /** Short flags without a value, e.g. 'lhsa1'. */
  flags?: string;
  /** Short options taking a value, e.g. 'n'. */
  withValue?: string;
  /** Long options: name → key; a trailing '=' on the name means it takes a value. */
  long?: Record<string, string>;
  /** Exit status for usage errors (ls uses 2, most tools 1). */
  usageStatus?: number;
  /** Whether options may follow operands (GNU permutation; off for tools like echo, xargs). */
  permute?: boolean;
}

/** Parsed options: keys to values ('' for flags; repeated keys keep the last value, counted in `count`). */
export interface Parsed {
  opts: Record<string, string>;
  count: Record<string, number>;
  all: [string, string][];
  args: string[];
}

/** Parses argv[1..]; on a bad option prints the GNU message and returns the exit status instead. */
export function parseOpts(ctx: CommandContext, spec: OptSpec): Parsed | number {
  const tool = ctx.argv[0];
  const flags = spec.flags ?? '';
  const withValue = spec.withValue ?? '';
  const status = spec.usageStatus ?? 1;
  const res: Parsed = { opts: {}, count: {}, all: [], args: [] };
  const set = (k: string, v: string) => {
    res.opts[k] = v;
    res.count[k] = (res.count[k] ?? 0) + 1;
    res.all.push([k, v]);
  };
  const bad = (msg: string) => {
    ctx.err(`${tool}: ${msg}\nTry '${tool} --help' for more information.\n`);
    return status;
  };
  const a = ctx.argv;
  for (let i = 1; i < a.length; i++) {
    const arg = a[i];
    if (arg === '--') {
      res.args.push(...a.slice(i + 1));
      break;
    }
    if (arg.startsWith('--')) {
      const [name, value] = arg.slice(2).split(/=(.*)/s);
      const long = spec.long ?? {};
      const matches = Object.keys(long).filter((k) => k.replace(/=$/, '') === name || k.replace(/=$/, '').startsWith(name));
      const exact = matches.find((k) => k.replace(/=$/, '') === name);
      const key = exact ?? (matches.length === 1 ? matches[0] : undefined);
      if (!key) return bad(matches.length > 1 ? `option '--${name}' is ambiguous` : `unrecognized option '--${name}'`);
      const takes = key.endsWith('=');
      if (takes) {
        let v = value;
        if (v === undefined) {
          if (i + 1 >= a.length) return bad(`option '--${key.slice(0, -1)}' requires an argument`);
          v = a[++i];
        }
        set(long[key], v);
      } else {
        if (value !== undefined) return bad(`option '--${key}' doesn't allow an argument`);
        set(long[key], '');
      }
      continue;
    }
    if (arg.startsWith('-') && arg.length > 1) {
      for (let j = 1; j < arg.length; j++) {
        const c = arg[j];
        if (withValue.includes(c)) {
          let v = arg.slice(j + 1);
          if (!v) {
            if (i + 1 >= a.length) return bad(`option requires an argument -- '${c}'`);
            v = a[++i];
          }
          set(c, v);
          break;
        }
        if (!flags.includes(c)) return bad(`invalid option -- '${c}'`);
        set(c, '');
      }
      continue;
    }
    if (spec.permute === false) {
      res.args.push(...a.slice(i));
      break;
    }
    res.args.push(arg);
  }
  return res;
}

/** The usual "missing operand" error. */
export function missingOperand(ctx: CommandContext, what = 'operand'): number {
  ctx.err(`${ctx.argv[0]}: missing ${what}\nTry '${ctx.argv[0]} --help' for more information.\n`);
  return 1;
}
