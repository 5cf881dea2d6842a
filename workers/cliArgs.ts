// Argument parsing of `dmsim`, kept apart so it can be tested without running anything.

/** What `dmsim` was asked to do. */
export interface CliOptions {
  help: boolean;
  json: boolean;
  files: string[];
  puts: { vpath: string; local: string }[];
}

/** Parses `run FILE… [--put VPATH=LOCAL]… [--json]`; errors name the offending word. */
export function parseCliArgs(argv: string[]): { ok: true; options: CliOptions } | { ok: false; error: string } {
  const options: CliOptions = { help: false, json: false, files: [], puts: [] };
  if (argv.length === 0) return { ok: false, error: 'missing command' };
  const [cmd, ...rest] = argv;
  if (cmd === 'help' || cmd === '--help' || cmd === '-h') return { ok: true, options: { ...options, help: true } };
  if (cmd !== 'run') return { ok: false, error: `unknown command '${cmd}'` };
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    if (a === '--json') options.json = true;
    else if (a === '--help' || a === '-h') options.help = true;
    else if (a === '--put' || a.startsWith('--put=')) {
      const spec = a === '--put' ? rest[++i] : a.slice('--put='.length);
      const eq = spec?.indexOf('=') ?? -1;
      if (!spec || eq <= 0 || eq === spec.length - 1) return { ok: false, error: `--put needs VPATH=LOCALFILE` };
      const vpath = spec.slice(0, eq);
      if (!vpath.startsWith('/')) return { ok: false, error: `--put: VPATH must be absolute: '${vpath}'` };
      options.puts.push({ vpath, local: spec.slice(eq + 1) });
    } else if (a.startsWith('-')) return { ok: false, error: `unknown option '${a}'` };
    else options.files.push(a);
  }
  if (!options.help && options.files.length === 0) return { ok: false, error: 'no script given' };
  return { ok: true, options };
}
