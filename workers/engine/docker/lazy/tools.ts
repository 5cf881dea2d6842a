// Stand-in for device_tool and the docker layer's sim subcommands in the worker bundle (see vite.config.ts); `sim help`
// lists them before they load (a test keeps these texts equal to the real ones).
import { lazyLayer } from '../../shell/lazyLayers';

export const { commands, simCommands } = lazyLayer(
  'the docker tools',
  ['device_tool', './device_tool'],
  () => import('../commands/tools'),
  {
    read: { usage: 'CONTAINER BLOCK[+COUNT]', help: 'resolve a read of pool-sized blocks up the snapshot chain' },
    write: { usage: 'CONTAINER BLOCK[+COUNT]', help: "write whole blocks of a container's thin device" },
    discard: { usage: 'CONTAINER BLOCK[+COUNT]', help: "discard blocks of a container's thin device" },
    'docker-version': {
      usage: '[VERSION]',
      help: 'install another Docker version (e.g. 17.06.2-ce); it runs from the next daemon start',
    },
    reboot: {
      usage: '[--no-activate]',
      help: 'reboot the host (--no-activate: LVM leaves the volume groups inactive)',
    },
  },
);
