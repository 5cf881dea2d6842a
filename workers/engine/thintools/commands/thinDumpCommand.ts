// The thin_dump command: XML or human readable dump of a metadata file or device, to stdout or -o FILE.
import { resolvePath } from '../../host/paths';
import type { CommandContext } from '../../shell/types';
import { thinDumpHuman } from '../thinDumpHuman';
import { thinDumpXml } from '../thinDumpXml';
import { dieWithUsage, parseArgs } from './common';
import { readMetadata, snapshotView, sourceError } from './metadataSource';

/** thin_dump [options] {device|file} */
export function thinDumpCommand(ctx: CommandContext): number {
  const p = parseArgs(ctx, 'thin_dump', [
    { key: 'format', short: 'f', long: ['format'], arg: 'required' },
    { key: 'repair', short: 'r', long: ['repair'] },
    { key: 'snap', short: 'm', long: ['metadata-snap'], arg: 'optional' },
    { key: 'output', short: 'o', arg: 'required' },
    { key: 'devId', long: ['dev-id'], arg: 'required' },
    { key: 'skip', long: ['skip-mappings'] },
  ]);
  if (typeof p === 'number') return p;
  let format = 'xml';
  let useSnap = false;
  let output: string | undefined;
  let devId: number | undefined;
  let skipMappings = false;
  for (const o of p.opts) {
    if (o.key === 'format') format = o.value!;
    else if (o.key === 'snap') useSnap = true;
    else if (o.key === 'output') output = o.value;
    else if (o.key === 'skip') skipMappings = true;
    else if (o.key === 'devId') {
      if (!/^\d+$/.test(o.value!)) return dieWithUsage(ctx, 'thin_dump', "couldn't parse <dev-id>");
      devId = Number(o.value);
    }
  }
  if (!p.operands.length) return dieWithUsage(ctx, 'thin_dump', 'No input file provided.');
  if (format !== 'xml' && format !== 'human_readable') {
    ctx.err(`unknown format '${format}'\n`);
    return 1;
  }
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
  const opts = { devId, skipMappings };
  const text = format === 'xml' ? thinDumpXml(md, opts) : thinDumpHuman(md, opts);
  if (output === undefined) {
    ctx.out(text);
    return 0;
  }
  const e = ctx.machine.host.vfs.writeFile(resolvePath(ctx.cwd || '/', output), text);
  if (e) {
    ctx.err(`couldn't open ${output} for writing\n`);
    return 1;
  }
  return 0;
}
