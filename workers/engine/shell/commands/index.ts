// Commands the shell layer adds to the shell: coreutils, grep, awk, sed and friends.
import type { CommandTable } from '../types';
import { textCommands } from './text';
import { grepCommands } from './grep';
import { awkCommands } from './awk';
import { fileCommands } from './files';
import { systemCommands } from './system';

export const commands: CommandTable = {};
Object.assign(commands, textCommands, grepCommands, awkCommands, fileCommands, systemCommands(() => commands));
