// The thin_ls command: one row of figures per thin device of a metadata file or device.
import type { CommandContext } from '../../shell/types';
import { defaultThinLsFields, parseThinLsFields, thinLs, type ThinLsField } from '../thinLs';
import { dieWithUsage, parseArgs } from './common';
import { readMetadata, snapshotView, sourceError } from './metadataSource';

/** thin_ls [options] {metadata device} */
export function thinLsCommand(ctx: CommandContext): number {
  const p = parseArgs(ctx, 'thin_ls', [
    { key: 'snap', short: 'm', long: ['metadata-snap'] },
    { key: 'noHeaders', long: ['no-headers'] },
    { key: 'format', short: 'o', long: ['format'], arg: 'required' },
  ]);
  if (typeof p === 'number') return p;
  let fields: ThinLsField[] = defaultThinLsFields;
  let useSnap = false;
  let noHeaders = false;
  for (const o of p.opts) {
    if (o.key === 'snap') useSnap = true;
    else if (o.key === 'noHeaders') noHeaders = true;
    else if (o.key === 'format') {
      const f = parseThinLsFields(o.value!);
      if (!f) {
        ctx.err('unknown field\n');
        return 1;
      }
      fields = f;
    }
  }
  if (!p.operands.length) return dieWithUsage(ctx, 'thin_ls', 'No input file provided.');
  const src = readMetadata(ctx, p.operands[0]);
  const bad = sourceError(src);
  if (bad || src.kind !== 'ok') {
    ctx.err(bad + '\n');
    return 1;
  }
  const md = useSnap ? snapshotView(src) : src.md;
  if (!md) {
    ctx.err('no current metadata snap\n');
    return 1;
  }
  ctx.out(thinLs(md, fields, { noHeaders }));
  return 0;
}
