// The shell's command table: every layer's commands/index.ts merged, plus `sim` over every layer's sim subcommands.
import type { CommandTable } from './types';
import { simCommand, type SimTable } from './sim';
import * as shellLayer from './commands/index';
import * as textLayer from './commands/textTools';
import * as hostLayer from '../host/commands/index';
import * as dmLayer from '../dm/commands/index';
import * as lvmLayer from '../lvm/commands/index';
import * as dockerLayer from '../docker/commands/index';
import * as dockerToolsLayer from '../docker/commands/tools';
import * as thinLayer from '../thintools/commands/index';
import * as fsLayer from '../fs/commands/index';

type LayerModule = { commands: CommandTable; simCommands?: SimTable };

const layers: LayerModule[] = [
  shellLayer,
  textLayer,
  hostLayer,
  dmLayer,
  lvmLayer,
  dockerLayer,
  dockerToolsLayer,
  thinLayer,
  fsLayer,
];

/** All commands of all layers; later layers do not override earlier names. */
export function buildCommandTable(): CommandTable {
  const table: CommandTable = {};
  for (const l of layers) for (const [name, h] of Object.entries(l.commands)) if (!(name in table)) table[name] = h;
  const sims = layers.map((l) => l.simCommands).filter((s): s is SimTable => !!s);
  table.sim = simCommand(...sims);
  return table;
}
