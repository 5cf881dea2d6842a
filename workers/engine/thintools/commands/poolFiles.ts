// Where and how big the files behind an imported pool are: a metadata file for thin_restore, a sparse data file.
import type { PoolMetadata } from '../../dm/poolMetadata';
import { MAX_METADATA_BLOCKS } from '../../dm/metadataUsage';
import { basename, dirname } from '../../host/paths';
import { metadataBlockSize } from './metadataSource';

const MiB = 1 << 20;

/**
 * Metadata file size for a pool: lvm2's estimate (64 bytes per data block), or as much per mapping when snapshots
 * map more blocks than the pool holds, between lvm2's 2 MiB floor and the largest metadata device, in whole MiB.
 */
export function metadataFileBytes(md: PoolMetadata): number {
  let mappings = 0;
  for (const d of md.devices) mappings += d.origin.length;
  const wanted = 64 * Math.max(md.nrDataBlocks, mappings);
  const most = Math.floor((MAX_METADATA_BLOCKS * metadataBlockSize) / MiB) * MiB;
  return Math.min(most, Math.max(2 * MiB, Math.ceil(wanted / MiB) * MiB));
}

/** Most data blocks a pool made by `sim import-pool` may have: 1 TiB of 64 KiB blocks (the space map keeps 12 bytes a block). */
export const maxImportDataBlocks = 1 << 24;

/** Why the sandbox cannot model this pool, or null when it can. */
export function tooLargeForSandbox(md: PoolMetadata): string | null {
  if (md.nrDataBlocks > maxImportDataBlocks)
    return `pool of ${md.nrDataBlocks} data blocks is larger than the sandbox models (limit ${maxImportDataBlocks})`;
  if (!Number.isSafeInteger(dataFileBytes(md))) return `data device of ${md.nrDataBlocks} × ${md.dataBlockSize} sectors is larger than the sandbox models`;
  return null;
}

/** Data file size: every data block of the pool, so the thin-pool table fits its data device exactly. */
export function dataFileBytes(md: PoolMetadata): number {
  return md.nrDataBlocks * md.dataBlockSize * 512;
}

/** The pool name a dump file suggests: its base name without `.xml`, reduced to characters dm names take. */
export function poolNameFor(xmlPath: string): string {
  const base = basename(xmlPath).replace(/\.xml$/i, '');
  const name = base.replace(/[^A-Za-z0-9_.+-]/g, '_').slice(0, 100);
  return name && name !== '.' && name !== '..' ? name : 'pool';
}

/** The metadata and data files of pool NAME, next to the dump. */
export function poolFilePaths(xmlPath: string, name: string): { meta: string; data: string } {
  const dir = dirname(xmlPath);
  const at = dir === '/' ? '' : dir;
  return { meta: `${at}/${name}.meta`, data: `${at}/${name}.data` };
}
