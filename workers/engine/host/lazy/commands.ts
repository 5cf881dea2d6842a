// Stand-in for the host layer's commands in the worker bundle (see vite.config.ts): losetup, lsblk, truncate… load
// when a script names them. `sim help` lists the sim subcommands before they load (a test keeps these texts equal).
import { lazyLayer } from '../../shell/lazyLayers';

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

export const { commands, simCommands } = lazyLayer('the host tools', names, () => import('../commands/index'), {
  disk: { usage: 'NAME SIZE', help: 'attach a new disk /dev/NAME of SIZE (e.g. sim disk xvdg 100G)' },
  hostfree: {
    usage: 'SIZE',
    help: 'set the free space of the filesystem holding /var/lib/docker (e.g. sim hostfree 2G)',
  },
});
