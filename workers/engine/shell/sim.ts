// The `sim` helper: what no real command can do from a shell (attach a disk, set host free space, block I/O…). Not a real tool.
import type { CommandContext, CommandHandler } from './types';

/** One `sim` subcommand; its handler gets the full argv (`['sim', 'disk', 'xvdg', '100G']`). */
export interface SimCommand {
  /** Arguments synopsis, e.g. 'NAME SIZE'. */
  usage: string;
  /** One line saying what it does. */
  help: string;
  run: CommandHandler;
}

/** Subcommands by name; layers add theirs with registerSimCommand or a `simCommands` table in their commands/index.ts. */
export type SimTable = Record<string, SimCommand>;

const registry: SimTable = {};

/** Adds a `sim` subcommand (layers call this at import time). */
export function registerSimCommand(name: string, usage: string, help: string, run: CommandHandler): void {
  registry[name] = { usage, help, run };
}

/** Builds the `sim` command over the registered subcommands plus `extra` tables. */
export function simCommand(...extra: SimTable[]): CommandHandler {
  return (ctx: CommandContext) => {
    const table: SimTable = Object.assign({}, ...extra, registry);
    const sub = ctx.argv[1];
    if (sub === undefined || sub === 'help' || sub === '--help' || sub === '-h') {
      const names = Object.keys(table).sort();
      const width = Math.max(...names.map((n) => `sim ${n} ${table[n].usage}`.trimEnd().length), 'sim help'.length);
      let text = 'sim: helper commands of this sandbox. sim is not a real tool: it stands for what you would do outside the\n';
      text += 'shell (attach a disk, fill the host filesystem, do block I/O inside a container, reboot).\n\n';
      for (const n of names) text += `  ${`sim ${n} ${table[n].usage}`.trimEnd().padEnd(width)}  ${table[n].help}\n`;
      text += `  ${'sim help'.padEnd(width)}  this list\n`;
      ctx.out(text);
      return sub === undefined ? 2 : 0;
    }
    const cmd = table[sub];
    if (!cmd) {
      ctx.err(`sim: unknown command '${sub}'. Try 'sim help'.\n`);
      return 2;
    }
    return cmd.run(ctx);
  };
}
