// Stand-in for the host layer's commands in the worker bundle (see vite.config.ts): losetup, lsblk, truncate… load
// when a script names them. `sim help` lists the sim subcommands before they load.
import { lazyLayer } from '../../shell/lazyLayers';
import { hostSimSynopsis } from '../commands/simSynopsis';

const names = [
  'losetup',
  'blockdev',
  'lsblk',
  'mount',
  'umount',
  'df',
  'truncate',
  'fallocate',
  'dd',
  'dmesg',
  'blkid',
];

export const { commands, simCommands } = lazyLayer(
  'the host tools',
  names,
  () => import('../commands/index'),
  hostSimSynopsis,
);
