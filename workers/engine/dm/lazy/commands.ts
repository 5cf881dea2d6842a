// Stand-in for dmsetup in the worker bundle (see vite.config.ts): it loads when a script names it.
import { lazyLayer } from '../../shell/lazyLayers';

export const { commands } = lazyLayer('the device-mapper tools', ['dmsetup'], () => import('../commands/index'));
