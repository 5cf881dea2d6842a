// Commands the shell layer adds to the shell: coreutils, grep, awk, sed and friends.
import type { CommandTable } from '../types';
import { textCommands } from './text';
import { grepCommands } from './grep';
import { awkCommands } from './awk';
import { fileCommands } from './files';
import { systemCommands } from './system';
import { testCommands } from './test';
import { generateCommands } from './generate';
import { nameCommands } from './names';
import { sedCommands } from './sed';

export const commands: CommandTable = {};
Object.assign(commands, textCommands, grepCommands, awkCommands, fileCommands, sedCommands, testCommands, generateCommands, nameCommands, systemCommands(() => commands));
