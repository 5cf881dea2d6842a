// The thin_check command: reports the check passes and the superblock's figures.
import type { CommandContext } from '../../shell/types';
import { thinCheck, thinCheckCorrupt, type ThinCheckOptions } from '../thinCheck';
import { dieWithUsage, parseArgs } from './common';
import { metadataBlockSize, readMetadata } from './metadataSource';

/** thin_check [options] {device|file} */
export function thinCheckCommand(ctx: CommandContext): number {
  const p = parseArgs(ctx, 'thin_check', [
    { key: 'quiet', short: 'q', long: ['quiet'] },
    { key: 'snap', short: 'm', long: ['metadata-snap'] },
    { key: 'autoRepair', long: ['auto-repair'] },
    { key: 'override', long: ['override-mapping-root'], arg: 'required' },
    { key: 'clear', long: ['clear-needs-check-flag'] },
    { key: 'ignore', long: ['ignore-non-fatal-errors'] },
    { key: 'skipMappings', long: ['skip-mappings'] },
    { key: 'superBlockOnly', long: ['super-block-only'] },
  ]);
  if (typeof p === 'number') return p;
  const opts: ThinCheckOptions = {};
  for (const o of p.opts) {
    if (o.key === 'quiet') opts.quiet = true;
    else if (o.key === 'skipMappings') opts.skipMappings = true;
    else if (o.key === 'superBlockOnly') opts.superBlockOnly = true;
  }
  if (!p.operands.length) return dieWithUsage(ctx, 'thin_check', 'No input file provided.');
  const src = readMetadata(ctx, p.operands[0]);
  if (src.kind === 'missing' || src.kind === 'notRegular') {
    ctx.err("Couldn't stat path\n");
    return 1;
  }
  if (src.kind === 'tooSmall') {
    if (!opts.quiet) ctx.err('Metadata device/file too small.  Is this binary metadata?\n');
    return 1;
  }
  const r = src.kind === 'ok' ? thinCheck(src.md, Math.floor(src.size / metadataBlockSize), opts) : thinCheckCorrupt(opts);
  ctx.err(r.stderr);
  ctx.out(r.stdout);
  return r.status;
}
