// Stand-ins for the thin_* commands in the worker bundle: they call the real ones once loadThinTools has run.
import type { SimTable } from '../../shell/sim';
import type { CommandHandler, CommandTable } from '../../shell/types';
import { loadThinTools, loaded } from './load';
import { standIn } from '../../shell/lazyLayers';
import { importPoolSynopsis } from '../commands/importPoolSynopsis';

const names = ['thin_dump', 'thin_restore', 'thin_ls', 'thin_check', 'thin_delta', 'thin_rmap', 'thin_metadata_size'];

type Tools = NonNullable<ReturnType<typeof loaded>>['tools'];
const stub = (get: (t: Tools) => CommandHandler | undefined): CommandHandler =>
  standIn(
    'the thin-provisioning tools',
    () => {
      const l = loaded();
      return l && get(l.tools);
    },
    loadThinTools,
  );

/** The thin_* commands, resolved on use. */
export const commands: CommandTable = Object.fromEntries(names.map((n) => [n, stub((t) => t.commands[n])]));

/** `sim import-pool`, resolved on use (`sim help` lists it before loading). */
export const simCommands: SimTable = {
  'import-pool': {
    ...importPoolSynopsis,
    run: stub((t) => t.simCommands['import-pool']?.run),
  },
};
