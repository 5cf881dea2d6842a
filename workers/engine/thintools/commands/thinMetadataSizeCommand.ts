// The thin_metadata_size command: estimates the metadata device size for a pool.
import type { CommandContext } from '../../shell/types';
import { thinMetadataSize, type MetadataSizeArg } from '../thinMetadataSize';
import { getopt } from './getopt';
import { toolsVersion, usage } from './usage';

/** thin_metadata_size -b BLOCK -s POOL -m THINS [-u UNIT] [-n[short|long]] */
export function thinMetadataSizeCommand(ctx: CommandContext): number {
  const r = getopt('thin_metadata_size', ctx.argv.slice(1), [
    { key: 'b', short: 'b', long: ['block-size'], arg: 'required' },
    { key: 's', short: 's', long: ['pool-size'], arg: 'required' },
    { key: 'm', short: 'm', long: ['max-thins'], arg: 'required' },
    { key: 'u', short: 'u', long: ['unit'], arg: 'required' },
    { key: 'n', short: 'n', long: ['numeric-only'], arg: 'optional' },
    { key: 'h', short: 'h', long: ['help'] },
    { key: 'V', short: 'V', long: ['version'] },
  ]);
  const args: MetadataSizeArg[] = [];
  for (const o of r.opts) {
    if (o.key === 'h') {
      ctx.out(usage.thin_metadata_size);
      return 0;
    }
    if (o.key === 'V') {
      ctx.out(toolsVersion + '\n');
      return 0;
    }
    args.push({ opt: o.key as 'b', value: o.value! });
  }
  // Options are acted on as getopt delivers them: an error in an earlier option wins over getopt's own.
  const res = thinMetadataSize(args, 'thin_metadata_size', r.error !== undefined);
  if (r.error && !res.status) {
    ctx.err(r.error);
    return 1;
  }
  ctx.out(res.stdout);
  ctx.err(res.stderr);
  return res.status;
}
