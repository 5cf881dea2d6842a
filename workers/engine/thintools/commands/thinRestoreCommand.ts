// The thin_restore command: imports thin_dump XML from a host file into a metadata file or device.
import { resolvePath } from '../../host/paths';
import type { CommandContext } from '../../shell/types';
import { dieWithUsage, parseArgs } from './common';
import { isPoolLike, locate, metadataBlockSize } from './metadataSource';
import { parseThinDumpXmlCached } from './parseCache';
import { usage } from './usage';

const outputHint = `
The output file should either be a block device,
or an existing file.  The file needs to be large
enough to hold the metadata.
`;

// Largest metadata device the space map can address (255 bitmaps × 16,320 blocks).
const maxMetadataBlocks = 4161600;
// Smallest output thin_restore accepts: below it, "Output file too small." (measured between 20 KiB and 32 KiB).
const minOutputBytes = 6 * metadataBlockSize;

/** thin_restore -i XML -o METADATA */
export function thinRestoreCommand(ctx: CommandContext): number {
  const p = parseArgs(ctx, 'thin_restore', [
    { key: 'input', short: 'i', long: ['input'], arg: 'required' },
    { key: 'output', short: 'o', long: ['output'], arg: 'required' },
    { key: 'transaction', long: ['transaction-id'], arg: 'required' },
    { key: 'blockSize', long: ['data-block-size'], arg: 'required' },
    { key: 'nrBlocks', long: ['nr-data-blocks'], arg: 'required' },
    { key: 'quiet', short: 'q', long: ['quiet'] },
  ]);
  if (typeof p === 'number') return p;
  let input: string | undefined;
  let output: string | undefined;
  const overrides: { transaction?: number; dataBlockSize?: number; nrDataBlocks?: number } = {};
  for (const o of p.opts) {
    if (o.key === 'input') input = o.value;
    else if (o.key === 'output') output = o.value;
    else if (o.key === 'transaction' || o.key === 'blockSize' || o.key === 'nrBlocks') {
      if (!/^\d+$/.test(o.value!)) return dieWithUsage(ctx, 'thin_restore', `couldn't parse ${o.value}`);
      const n = Number(o.value);
      if (o.key === 'transaction') overrides.transaction = n;
      else if (o.key === 'blockSize') overrides.dataBlockSize = n;
      else overrides.nrDataBlocks = n;
    }
  }
  if (input === undefined) return noFile(ctx, 'No input file provided.');
  if (output === undefined) return noFile(ctx, 'No output file provided.');

  const target = locate(ctx, output);
  if (target === 'missing') return fail(ctx, 'Output file does not exist.\n' + outputHint);
  if (target === 'notRegular') return fail(ctx, 'bad path\n');
  if (target.size < minOutputBytes) return fail(ctx, 'Output file too small.\n' + outputHint);
  const content = ctx.machine.host.content;
  // The sandbox will not let a restore scribble over an active pool's metadata.
  if (isPoolLike(content.get(target.storageId))) return fail(ctx, `${output}: Device or resource busy\n`);

  const inPath = resolvePath(ctx.cwd || '/', input);
  const st = ctx.machine.host.vfs.stat(inPath);
  if ('errno' in st) return fail(ctx, "Couldn't stat file\n");
  if (st.kind !== 'file') return fail(ctx, 'Not a regular file\n');
  const text = ctx.machine.host.vfs.readFile(inPath);
  if (typeof text !== 'string') return fail(ctx, "Couldn't stat file\n");

  if (target.size > maxMetadataBlocks * metadataBlockSize)
    ctx.err(`truncating metadata device to ${maxMetadataBlocks} 4k blocks\n`);
  const r = parseThinDumpXmlCached(text);
  if (!r.ok) {
    // thin_restore has already started a fresh superblock: a failed restore leaves the target unreadable.
    content.set(target.storageId, null);
    ctx.err(r.error);
    return r.exitStatus;
  }
  // thin_restore does not keep the uuid nor a held metadata snapshot.
  const md = { ...r.md, ...overrides, uuid: '' };
  delete md.metadataSnap;
  content.set(target.storageId, md);
  return 0;
}

function noFile(ctx: CommandContext, message: string): number {
  ctx.err(message + '\n\n' + usage.thin_restore);
  return 1;
}

function fail(ctx: CommandContext, text: string): number {
  ctx.err(text);
  return 1;
}
