// What `sim help` says of the host layer's sim subcommands: shared by the commands and the worker's stand-ins.
import type { SimSynopsis } from '../../shell/lazyLayers';

export const hostSimSynopsis = {
  disk: { usage: 'NAME SIZE', help: 'attach a new disk /dev/NAME of SIZE (e.g. sim disk xvdg 100G)' },
  hostfree: {
    usage: 'SIZE',
    help: 'set the free space of the filesystem holding /var/lib/docker (e.g. sim hostfree 2G)',
  },
} satisfies SimSynopsis;
