// Shared steps of the thin_* command handlers: option parsing with help/version, and failing with usage.
import type { CommandContext } from '../../shell/types';
import { getopt, type OptSpec } from './getopt';
import { toolsVersion, usage } from './usage';

/** Parsed options as a handler consumes them, or the exit status when parsing already finished the command. */
export type Parsed = { opts: { key: string; value?: string }[]; operands: string[] } | number;

/** Runs getopt; handles -h/-V when they come before any error, and getopt's own errors (message + usage, exit 1). */
export function parseArgs(ctx: CommandContext, tool: string, specs: OptSpec[]): Parsed {
  const r = getopt(tool, ctx.argv.slice(1), [
    ...specs,
    { key: 'help', short: 'h', long: ['help'] },
    { key: 'version', short: 'V', long: ['version'] },
  ]);
  for (const o of r.opts) {
    if (o.key === 'help') {
      ctx.out(usage[tool]);
      return 0;
    }
    if (o.key === 'version') {
      ctx.out(toolsVersion + '\n');
      return 0;
    }
  }
  if (r.error) {
    ctx.err(r.error);
    ctx.err(usage[tool]);
    return 1;
  }
  return { opts: r.opts, operands: r.operands };
}

/** Prints a message and the usage text on stderr; exit status 1. */
export function dieWithUsage(ctx: CommandContext, tool: string, message: string): number {
  ctx.err(message + '\n' + usage[tool]);
  return 1;
}
