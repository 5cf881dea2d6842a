// The thin_delta command: the differences between two thin devices' mappings.
import type { CommandContext } from '../../shell/types';
import { thinDelta } from '../thinDelta';
import { dieWithUsage, parseArgs } from './common';
import { readMetadata, snapshotView, sourceError } from './metadataSource';

/** thin_delta [options] --thin1 A --thin2 B <device or file> */
export function thinDeltaCommand(ctx: CommandContext): number {
  const p = parseArgs(ctx, 'thin_delta', [
    { key: 'snap1', long: ['thin1', 'snap1'], arg: 'required' },
    { key: 'snap2', long: ['thin2', 'snap2'], arg: 'required' },
    { key: 'snap', short: 'm', long: ['metadata-snap'], arg: 'optional' },
    { key: 'verbose', long: ['verbose'] },
  ]);
  if (typeof p === 'number') return p;
  let a: number | undefined;
  let b: number | undefined;
  let useSnap = false;
  let verbose = false;
  for (const o of p.opts) {
    if (o.key === 'snap1' || o.key === 'snap2') {
      if (!/^\d+$/.test(o.value!))
        return dieWithUsage(ctx, 'thin_delta', `Couldn't parse thin id ${o.key === 'snap1' ? 1 : 2}: '${o.value}'`);
      if (o.key === 'snap1') a = Number(o.value);
      else b = Number(o.value);
    } else if (o.key === 'snap') {
      if (o.value !== undefined && !/^\d+$/.test(o.value))
        return dieWithUsage(ctx, 'thin_delta', `Couldn't parse metadata snapshot block: '${o.value}'`);
      useSnap = true;
    } else if (o.key === 'verbose') verbose = true;
  }
  if (!p.operands.length) return dieWithUsage(ctx, 'thin_delta', 'No input device provided.');
  if (a === undefined) return dieWithUsage(ctx, 'thin_delta', '--snap1 not specified.');
  if (b === undefined) return dieWithUsage(ctx, 'thin_delta', '--snap2 not specified.');
  const src = readMetadata(ctx, p.operands[0]);
  const bad = sourceError(src);
  if (bad || src.kind !== 'ok') return dieWithUsage(ctx, 'thin_delta', bad!);
  const md = useSnap ? snapshotView(src) : src.md;
  if (!md) return dieWithUsage(ctx, 'thin_delta', 'no current metadata snap');
  const r = thinDelta(md, a, b, { verbose });
  if (!r.ok) return dieWithUsage(ctx, 'thin_delta', r.error);
  ctx.out(r.text);
  return 0;
}
