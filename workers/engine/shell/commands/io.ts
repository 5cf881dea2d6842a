// Reading a tool's input files (or stdin for none or '-') with coreutils' error messages.
import type { CommandContext } from '../types';
import { failed, strerror } from '../../host/errno';
import { resolvePath } from '../../host/paths';

/** One input of a filter. */
export interface Input {
  name: string;
  text: string;
}

/** Reads FILE operands (stdin when none); unreadable ones are reported and skipped, `ok` false then. */
export function readInputs(ctx: CommandContext, files: string[]): { inputs: Input[]; ok: boolean } {
  if (!files.length) return { inputs: [{ name: '-', text: ctx.stdin }], ok: true };
  const inputs: Input[] = [];
  let ok = true;
  for (const f of files) {
    if (f === '-') {
      inputs.push({ name: '-', text: ctx.stdin });
      continue;
    }
    const t = ctx.machine.host.vfs.readFile(resolvePath(ctx.cwd, f));
    if (failed(t)) {
      ctx.err(`${ctx.argv[0]}: ${f}: ${strerror(t.errno)}\n`);
      ok = false;
    } else inputs.push({ name: f, text: t });
  }
  return { inputs, ok };
}

/** Splits text into lines without the final empty piece. */
export function lines(text: string): string[] {
  if (!text) return [];
  const l = text.split('\n');
  if (l[l.length - 1] === '') l.pop();
  return l;
}

/** Absolute path of an operand. */
export function abs(ctx: CommandContext, p: string): string {
  return resolvePath(ctx.cwd, p);
}
