// Stand-in for grep, awk, sed and the line tools in the worker bundle (see vite.config.ts).
import { lazyLayer } from '../lazyLayers';

export const { commands } = lazyLayer(
  'the text tools',
  ['grep', 'egrep', 'fgrep', 'awk', 'gawk', 'sed', 'head', 'tail', 'wc', 'sort', 'uniq', 'cut', 'tr'],
  () => import('../commands/textTools'),
);
