// Stand-ins for the thin_* commands in the worker bundle: they call the real ones once loadThinTools has run.
import type { SimTable } from '../../shell/sim';
import type { CommandHandler, CommandTable } from '../../shell/types';
import { loaded } from './load';

const names = ['thin_dump', 'thin_restore', 'thin_ls', 'thin_check', 'thin_delta', 'thin_rmap', 'thin_metadata_size'];

function stub(get: (t: NonNullable<ReturnType<typeof loaded>>['tools']) => CommandHandler | undefined): CommandHandler {
  return (ctx) => {
    const l = loaded();
    const h = l && get(l.tools);
    if (h) return h(ctx);
    ctx.err(`${ctx.argv[0]}: the thin-provisioning tools are still loading; run the command again\n`);
    return 1;
  };
}

/** The thin_* commands, resolved on use. */
export const commands: CommandTable = Object.fromEntries(names.map((n) => [n, stub((t) => t.commands[n])]));

/** `sim import-pool`, resolved on use (usage and help repeated here so `sim help` lists it before loading). */
export const simCommands: SimTable = {
  'import-pool': {
    usage: 'FILE.xml [NAME]',
    help: 'make a thin pool NAME from a thin_dump XML file (thin_restore, loop files, dmsetup create)',
    run: stub((t) => t.simCommands['import-pool']?.run),
  },
};
