// The headless `dmsim` command: replays scenario scripts on the engine and prints the transcript as the terminal shows it.
import { readFileSync } from 'node:fs';
import { Sandbox } from './engine/sandbox';
import { parseCliArgs, type CliOptions } from './cliArgs';

const usage = `Usage: dmsim run FILE... [--put VPATH=LOCALFILE]... [--json]

Replays each FILE (a scenario script: one command per line, as typed in the terminal)
in one simulated host and prints "$ <command>" then its output, for every command.

  --put VPATH=LOCALFILE  place a local file (e.g. a real thin_dump XML) at VPATH first
  --json                 print the final state summary as JSON instead of the transcript

Exit status: 0 when the scripts ran (commands may fail inside them, as in a terminal),
2 when a script cannot be parsed (FILE:LINE:COL: message) or the arguments are wrong.`;

/** Runs the CLI; returns the exit status. */
export function main(argv: string[], write: (s: string) => void, writeErr: (s: string) => void): number {
  const parsed = parseCliArgs(argv);
  if (!parsed.ok) {
    writeErr(`dmsim: ${parsed.error}\n${usage}\n`);
    return 2;
  }
  const opts: CliOptions = parsed.options;
  if (opts.help) {
    write(usage + '\n');
    return 0;
  }
  const scripts: { file: string; text: string }[] = [];
  for (const file of opts.files) {
    try {
      scripts.push({ file, text: readFileSync(file, 'utf8') });
    } catch (e) {
      writeErr(`dmsim: cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? String(e)}\n`);
      return 2;
    }
  }
  const sandbox = new Sandbox();
  // Every script is parsed before anything runs, so a bad file changes nothing.
  for (const s of scripts) {
    const err = sandbox.check(s.text);
    if (err) {
      writeErr(`${s.file}:${err.line}:${err.col}: ${err.message}\n`);
      return 2;
    }
  }
  for (const put of opts.puts) {
    let content: string;
    try {
      content = readFileSync(put.local, 'utf8');
    } catch (e) {
      writeErr(`dmsim: cannot read ${put.local}: ${(e as NodeJS.ErrnoException).code ?? String(e)}\n`);
      return 2;
    }
    const err = sandbox.putFile(put.vpath, content);
    if (err) {
      writeErr(`dmsim: --put ${put.vpath}: ${err}\n`);
      return 2;
    }
  }
  for (const s of scripts) {
    const result = sandbox.run(s.text);
    if (!result.ok) {
      writeErr(`${s.file}:${result.error.line}:${result.error.col}: ${result.error.message}\n`);
      return 2;
    }
    if (opts.json) continue;
    for (const e of result.entries) {
      write(`$ ${e.command}\n${e.output}`);
      if (e.output && !e.output.endsWith('\n')) write('\n');
    }
  }
  if (opts.json) write(JSON.stringify(sandbox.summary(), null, 2) + '\n');
  return 0;
}

const isEntry = process.argv[1] && /(cli\.ts|dmsim(\.mjs)?)$/.test(process.argv[1]);
if (isEntry) {
  let out = '';
  const code = main(
    process.argv.slice(2),
    (s) => (out += s),
    (s) => process.stderr.write(s),
  );
  process.stdout.write(out, () => process.exit(code));
}
