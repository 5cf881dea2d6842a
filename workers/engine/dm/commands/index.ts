// Commands the dm layer adds to the shell.
import type { CommandTable } from '../../shell/types';
import { dmsetup } from './dmsetup';

export const commands: CommandTable = { dmsetup };
