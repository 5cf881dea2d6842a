// Stand-in for grep, awk and sed in the worker bundle (see vite.config.ts).
import { lazyLayer } from '../lazyLayers';

export const { commands } = lazyLayer(
  'the text tools',
  ['grep', 'egrep', 'fgrep', 'awk', 'gawk', 'sed'],
  () => import('../commands/textTools'),
);
