// pflag-style parsing of docker subcommand flags, with the docker client's error texts.

/** One flag a subcommand accepts. */
export interface FlagSpec {
  long: string;
  short?: string;
  kind: 'bool' | 'string' | 'list';
}

/** Parsed flags and positional arguments, or the client's error. */
export type FlagResult =
  | { ok: true; flags: Record<string, string | boolean | string[]>; args: string[] }
  | { ok: false; error: string };

/**
 * Parses argv after the subcommand. `interspersed` false (run, exec, create) stops at the first positional,
 * so the container's own command keeps its flags.
 */
export function parseFlags(argv: string[], specs: FlagSpec[], sub: string, interspersed = true): FlagResult {
  const flags: Record<string, string | boolean | string[]> = {};
  const args: string[] = [];
  const byLong = new Map(specs.map((s) => [s.long, s]));
  const byShort = new Map(specs.filter((s) => s.short).map((s) => [s.short!, s]));
  const set = (s: FlagSpec, v: string | boolean) => {
    if (s.kind === 'list') flags[s.long] = [...((flags[s.long] as string[]) ?? []), String(v)];
    else flags[s.long] = v;
  };
  const unknown = (f: string) => ({ ok: false as const, error: `unknown ${f}\nSee 'docker ${sub} --help'.` });
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      args.push(...argv.slice(i + 1));
      break;
    }
    if (a.startsWith('--') && a.length > 2) {
      const eq = a.indexOf('=');
      const name = eq > 0 ? a.slice(2, eq) : a.slice(2);
      const spec = byLong.get(name);
      if (!spec) return unknown(`flag: --${name}`);
      if (spec.kind === 'bool') set(spec, eq > 0 ? a.slice(eq + 1) !== 'false' : true);
      else if (eq > 0) set(spec, a.slice(eq + 1));
      else if (i + 1 < argv.length) set(spec, argv[++i]);
      else return { ok: false, error: `flag needs an argument: --${name}\nSee 'docker ${sub} --help'.` };
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      // Short flags may be bundled: -it, -dit; a value-taking one consumes the rest or the next word.
      for (let j = 1; j < a.length; j++) {
        const c = a[j];
        const spec = byShort.get(c);
        if (!spec) return unknown(`shorthand flag: '${c}' in ${a}`);
        if (spec.kind === 'bool') {
          set(spec, true);
          continue;
        }
        const rest = a.slice(j + 1).replace(/^=/, '');
        if (rest) set(spec, rest);
        else if (i + 1 < argv.length) set(spec, argv[++i]);
        else return { ok: false, error: `flag needs an argument: '${c}' in -${c}\nSee 'docker ${sub} --help'.` };
        break;
      }
      continue;
    }
    args.push(a);
    if (!interspersed) {
      args.push(...argv.slice(i + 1));
      break;
    }
  }
  return { ok: true, flags, args };
}
