// Commands the shell layer adds to the shell: coreutils and friends (grep, awk and sed are textTools.ts).
import type { CommandTable } from '../types';
import { textCommands } from './text';
import { fileCommands } from './files';
import { systemCommands } from './system';
import { testCommands } from './test';
import { generateCommands } from './generate';
import { nameCommands } from './names';

export const commands: CommandTable = {
  ...textCommands,
  ...fileCommands,
  ...testCommands,
  ...generateCommands,
  ...nameCommands,
  ...systemCommands,
};
