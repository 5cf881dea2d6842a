// getopt_long-style parsing of lvm command lines, with lvm's error texts for unknown options and bad values.
import type { CommandContext } from '../../shell/types';
import type { LvmOutput } from '../output';

/** An option a command takes: its long name, short letter, and whether it has a value. */
export interface OptionSpec {
  long: string;
  short?: string;
  value: boolean;
}

/** Options seen (long name → values in order) and positional words. */
export interface ParsedArgs {
  opts: Map<string, string[]>;
  positional: string[];
}

/** Parses argv[1..]; returns an error line (getopt's) for an unknown option or a missing value. */
export function parseArgs(cmd: string, argv: string[], specs: OptionSpec[]): ParsedArgs | { error: string } {
  const opts = new Map<string, string[]>();
  const positional: string[] = [];
  const add = (s: OptionSpec, v: string) => opts.set(s.long, [...(opts.get(s.long) ?? []), v]);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      positional.push(...argv.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = a.slice(2, eq < 0 ? undefined : eq);
      const s = specs.find((o) => o.long === name);
      if (!s) return { error: `${cmd}: unrecognized option '${a}'` };
      if (!s.value) add(s, '');
      else if (eq >= 0) add(s, a.slice(eq + 1));
      else if (i + 1 < argv.length) add(s, argv[++i]);
      else return { error: `${cmd}: option '--${name}' requires an argument` };
      continue;
    }
    if (a.startsWith('-') && a.length > 1 && !/^-\d/.test(a)) {
      for (let j = 1; j < a.length; j++) {
        const s = specs.find((o) => o.short === a[j]);
        if (!s) return { error: `${cmd}: invalid option -- '${a[j]}'` };
        if (!s.value) {
          add(s, '');
          continue;
        }
        const rest = a.slice(j + 1);
        if (rest) add(s, rest);
        else if (i + 1 < argv.length) add(s, argv[++i]);
        else return { error: `${cmd}: option requires an argument -- '${a[j]}'` };
        break;
      }
      continue;
    }
    positional.push(a);
  }
  return { opts, positional };
}

/** Options every lvm tool accepts. */
export const commonOptions: OptionSpec[] = [
  { long: 'verbose', short: 'v', value: false },
  { long: 'debug', short: 'd', value: false },
  { long: 'quiet', short: 'q', value: false },
  { long: 'test', short: 't', value: false },
  { long: 'yes', short: 'y', value: false },
  { long: 'force', short: 'f', value: false },
  { long: 'help', short: 'h', value: false },
  { long: 'version', value: false },
  { long: 'config', value: true },
  { long: 'commandprofile', value: true },
];

/** Prints an LvmOutput to the command's streams and returns its status. */
export function emit(ctx: CommandContext, out: LvmOutput): number {
  for (const l of out.lines) (l.fd === 1 ? ctx.out : ctx.err)(`${l.text}\n`);
  return out.status;
}

/** lvm's answer to a command line it cannot parse (exit 3). */
export function parseFailure(ctx: CommandContext, line: string): number {
  ctx.err(line.startsWith('  ') || /^[a-z]+: /.test(line) ? `${line}\n` : `  ${line}\n`);
  ctx.err('  Error during parsing of command line.\n');
  return 3;
}

/** The last value of an option, if given. */
export function last(p: ParsedArgs, long: string): string | undefined {
  const v = p.opts.get(long);
  return v ? v[v.length - 1] : undefined;
}

/** Parses y/n option values as lvm does (y, n, yes, no). */
export function yesNo(v: string): boolean | null {
  if (/^(y|yes)$/i.test(v)) return true;
  if (/^(n|no)$/i.test(v)) return false;
  return null;
}
