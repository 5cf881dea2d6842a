// grep, awk and sed: a layer of their own, so the worker bundle can load them on first use (see vite.config.ts).
import type { CommandTable } from '../types';
import { grepCommands } from './grep';
import { awkCommands } from './awk';
import { sedCommands } from './sed';

export const commands: CommandTable = { ...grepCommands, ...awkCommands, ...sedCommands };
