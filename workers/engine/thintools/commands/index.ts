// Commands the thintools layer adds to the shell: the thin-provisioning-tools 0.9.0 suite, and `sim import-pool`.
import type { SimTable } from '../../shell/sim';
import type { CommandTable } from '../../shell/types';
import { importPoolSim } from './importPoolCommand';
import { thinCheckCommand } from './thinCheckCommand';
import { thinDeltaCommand } from './thinDeltaCommand';
import { thinDumpCommand } from './thinDumpCommand';
import { thinLsCommand } from './thinLsCommand';
import { thinMetadataSizeCommand } from './thinMetadataSizeCommand';
import { thinRestoreCommand } from './thinRestoreCommand';
import { thinRmapCommand } from './thinRmapCommand';

/** thin_dump, thin_restore, thin_ls, thin_check, thin_delta, thin_rmap, thin_metadata_size. */
export const commands: CommandTable = {
  thin_dump: thinDumpCommand,
  thin_restore: thinRestoreCommand,
  thin_ls: thinLsCommand,
  thin_check: thinCheckCommand,
  thin_delta: thinDeltaCommand,
  thin_rmap: thinRmapCommand,
  thin_metadata_size: thinMetadataSizeCommand,
};

/** `sim import-pool`: a real pool's thin_dump XML as a live pool of the sandbox. */
export const simCommands: SimTable = { 'import-pool': importPoolSim };
