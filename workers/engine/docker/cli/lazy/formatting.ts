// Stand-in for the client's output formatting in the worker bundle (see vite.config.ts): a script naming the commands
// that format (ps, images, ls, inspect, system df, --format/-f) loads it before it runs.
import type * as Real from '../formatting';
import type { Docker } from '../../docker';
import type { CommandContext } from '../../../shell/types';
import { lazyModule, registerLazy } from '../../../shell/lazyLayers';

const { load, get } = lazyModule(() => import('../formatting'));

const formats = /(?<![\w-])(?:ps|images|ls|list|inspect|df|--format|-f)(?![\w-])/;
registerLazy({ mentionedIn: (s) => /\bdocker\b/.test(s) && formats.test(s), load });

type Printer<A extends unknown[]> = (docker: Docker, ctx: CommandContext, ...rest: A) => number;

// Reached before loading only when the words were built at run time: the command is asked for again.
function standIn<A extends unknown[]>(pick: (m: typeof Real) => Printer<A>): Printer<A> {
  return (docker, ctx, ...rest) => {
    const real = get();
    if (real) return pick(real)(docker, ctx, ...rest);
    void load();
    ctx.err('docker: the output formatter is still loading; run the command again\n');
    return 1;
  };
}

export const inspectCommand = standIn((m) => m.inspectCommand);
export const listContainers = standIn((m) => m.listContainers);
export const listImages = standIn((m) => m.listImages);
export const printInfoFormat = standIn((m) => m.printInfoFormat);
export const printSystemDf = standIn((m) => m.printSystemDf);
