// Commands the host layer adds to the shell, and its `sim` subcommands.
import type { CommandTable } from '../../shell/types';
import type { SimTable } from '../../shell/sim';
import { loopCommands } from './loop';
import { blockdevCommands } from './blockdev';
import { lsblkCommands } from './lsblk';
import { mountCommands } from './mounts';
import { fileToolCommands } from './files';
import { miscCommands, hostSimCommands } from './misc';

export const commands: CommandTable = {
  ...loopCommands,
  ...blockdevCommands,
  ...lsblkCommands,
  ...mountCommands,
  ...fileToolCommands,
  ...miscCommands,
};

/** `sim disk`, `sim hostfree`. */
export const simCommands: SimTable = hostSimCommands;
