// glibc getopt_long as the thin_* tools call it: permutation, clustered short options, long-name prefixes, its messages.

/** One option the tool accepts: `arg` none, required or optional (optional only attached: -m5, --snap=5). */
export interface OptSpec {
  key: string;
  short?: string;
  long?: string[];
  arg?: 'none' | 'required' | 'optional';
}

/** Options in order up to the first bad one, the operands, and getopt's stderr message if one was bad. */
export interface GetoptResult {
  opts: { key: string; value?: string }[];
  operands: string[];
  error?: string;
}

/** Parses argv (without argv[0]) against the specs, reporting errors as glibc does for program `prg`. */
export function getopt(prg: string, args: string[], specs: OptSpec[]): GetoptResult {
  const opts: { key: string; value?: string }[] = [];
  const operands: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--') {
      operands.push(...args.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = a.slice(2, eq < 0 ? undefined : eq);
      const exact = specs.filter((s) => s.long?.includes(name));
      const matches = exact.length ? exact : specs.filter((s) => s.long?.some((l) => l.startsWith(name)));
      const distinct = [...new Set(matches)];
      if (!distinct.length) return { opts, operands, error: `${prg}: unrecognized option '${a}'\n` };
      if (distinct.length > 1) {
        const names = specs.flatMap((s) => (s.long ?? []).filter((l) => l.startsWith(name)).map((l) => `'--${l}'`));
        return { opts, operands, error: `${prg}: option '${a.slice(0, eq < 0 ? undefined : eq)}' is ambiguous; possibilities: ${names.join(' ')}\n` };
      }
      const spec = distinct[0];
      const full = spec.long!.find((l) => l === name) ?? spec.long!.find((l) => l.startsWith(name))!;
      const arg = spec.arg ?? 'none';
      if (eq >= 0) {
        if (arg === 'none') return { opts, operands, error: `${prg}: option '--${full}' doesn't allow an argument\n` };
        opts.push({ key: spec.key, value: a.slice(eq + 1) });
      } else if (arg === 'required') {
        if (i + 1 >= args.length) return { opts, operands, error: `${prg}: option '--${full}' requires an argument\n` };
        opts.push({ key: spec.key, value: args[++i] });
      } else opts.push({ key: spec.key });
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      for (let k = 1; k < a.length; k++) {
        const c = a[k];
        const spec = specs.find((s) => s.short === c);
        if (!spec) return { opts, operands, error: `${prg}: invalid option -- '${c}'\n` };
        const arg = spec.arg ?? 'none';
        if (arg === 'none') {
          opts.push({ key: spec.key });
          continue;
        }
        const rest = a.slice(k + 1);
        if (rest) opts.push({ key: spec.key, value: rest });
        else if (arg === 'required') {
          if (i + 1 >= args.length) return { opts, operands, error: `${prg}: option requires an argument -- '${c}'\n` };
          opts.push({ key: spec.key, value: args[++i] });
        } else opts.push({ key: spec.key });
        break;
      }
      continue;
    }
    operands.push(a);
  }
  return { opts, operands };
}
