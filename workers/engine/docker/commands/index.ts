// Commands the docker layer adds to the shell.
import type { CommandTable } from '../../shell/types';

export const commands: CommandTable = {};
