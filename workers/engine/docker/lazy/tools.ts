// Stand-in for device_tool and the docker layer's sim subcommands in the worker bundle (see vite.config.ts); `sim help`
// lists them before they load.
import { lazyLayer } from '../../shell/lazyLayers';
import { dockerSimSynopsis } from '../cli/simSynopsis';

export const { commands, simCommands } = lazyLayer(
  'the docker tools',
  ['device_tool', './device_tool'],
  () => import('../commands/tools'),
  dockerSimSynopsis,
);
