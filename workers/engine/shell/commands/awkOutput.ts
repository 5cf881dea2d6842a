// Where awk's output goes: its own stdout (held so pipes interleave as in gawk), files through the VFS, commands.
import type { CommandContext } from '../types';
import { resolvePath } from '../../host/paths';
import { strerror } from '../../host/errno';

/** A run-time error that ends awk with status 2 (gawk's "fatal:"). */
export class AwkFatal {
  constructor(readonly msg: string) {}
}

export class AwkOutput {
  private pending = '';
  private files = new Set<string>();
  private pipes = new Map<string, string>();

  constructor(private readonly ctx: CommandContext) {}

  stdout(text: string) {
    this.pending += text;
  }

  /** print > name (truncates on first use, then appends), >> name, | "cmd" (fed when closed). */
  write(name: string, mode: '>' | '>>' | '|', text: string) {
    if (mode === '|') {
      // gawk synchronizes its output before it starts a new pipe.
      if (!this.pipes.has(name)) this.flush();
      this.pipes.set(name, (this.pipes.get(name) ?? '') + text);
      return;
    }
    if (name === '/dev/stdout' || name === '-') return this.stdout(text);
    if (name === '/dev/stderr') return this.ctx.err(text);
    if (name === '/dev/null') return;
    const append = mode === '>>' || this.files.has(name);
    const e = this.ctx.machine.host.vfs.writeFile(resolvePath(this.ctx.cwd, name), text, append);
    if (e) throw new AwkFatal(`can't redirect to \`${name}' (${strerror(e.errno)})`);
    this.files.add(name);
  }

  /** close(name) of an output: the command's status or 0; undefined when no output has that name. */
  close(name: string): number | undefined {
    if (this.pipes.has(name)) {
      const input = this.pipes.get(name)!;
      this.pipes.delete(name);
      return this.run(name, input);
    }
    return this.files.delete(name) ? 0 : undefined;
  }

  /** system(cmd): awk's output so far first, as gawk flushes before it. */
  system(cmd: string): number {
    this.flush();
    return this.run(cmd, '');
  }

  /** At exit, as gawk: commands fed by print | "cmd" finish before awk's own held output is written. */
  finish() {
    for (const name of [...this.pipes.keys()]) this.close(name);
    this.flush();
  }

  private flush() {
    if (this.pending) this.ctx.out(this.pending);
    this.pending = '';
  }

  /** Runs a plain command line (no shell syntax: the sandbox has no sh -c) with `input` on its stdin. */
  private run(cmd: string, input: string): number {
    if (!this.ctx.exec || /[|&;<>()$`"'\\*?[\]{}]/.test(cmd))
      throw new AwkFatal(`the sandbox's awk cannot run \`${cmd}' (only a plain command and its arguments)`);
    return this.ctx.exec(cmd.trim().split(/\s+/), input);
  }
}
