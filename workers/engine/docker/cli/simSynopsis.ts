// What `sim help` says of the docker layer's sim subcommands: shared by the commands and the worker's stand-ins.
import type { SimSynopsis } from '../../shell/lazyLayers';

export const dockerSimSynopsis = {
  read: { usage: 'CONTAINER BLOCK[+COUNT]', help: 'resolve a read of pool-sized blocks up the snapshot chain' },
  write: { usage: 'CONTAINER BLOCK[+COUNT]', help: "write whole blocks of a container's thin device" },
  discard: { usage: 'CONTAINER BLOCK[+COUNT]', help: "discard blocks of a container's thin device" },
  'docker-version': {
    usage: '[VERSION]',
    help: 'install another Docker version (e.g. 17.06.2-ce); it runs from the next daemon start',
  },
  reboot: { usage: '[--no-activate]', help: 'reboot the host (--no-activate: LVM leaves the volume groups inactive)' },
} satisfies SimSynopsis;
