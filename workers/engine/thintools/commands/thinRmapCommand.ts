// The thin_rmap command: reverse map from data block ranges to thin devices.
import type { CommandContext } from '../../shell/types';
import { parseRegion, thinRmap, type BlockRange } from '../thinRmap';
import { dieWithUsage, parseArgs } from './common';
import { readMetadata, sourceError } from './metadataSource';

/** thin_rmap --region B..E [--region …] {device|file} */
export function thinRmapCommand(ctx: CommandContext): number {
  const p = parseArgs(ctx, 'thin_rmap', [{ key: 'region', long: ['region'], arg: 'required' }]);
  if (typeof p === 'number') return p;
  const regions: BlockRange[] = [];
  for (const o of p.opts) {
    if (o.key !== 'region') continue;
    const r = parseRegion(o.value!);
    if ('error' in r) {
      // thin_rmap prints these without a newline.
      ctx.err(r.error);
      return 1;
    }
    regions.push(r);
  }
  if (!p.operands.length) return dieWithUsage(ctx, 'thin_rmap', 'No input file provided.');
  if (!regions.length) return dieWithUsage(ctx, 'thin_rmap', 'No regions provided.');
  const src = readMetadata(ctx, p.operands[0]);
  const bad = sourceError(src);
  if (bad || src.kind !== 'ok') {
    ctx.err(bad!);
    return 1;
  }
  ctx.out(thinRmap(src.md, regions));
  return 0;
}
