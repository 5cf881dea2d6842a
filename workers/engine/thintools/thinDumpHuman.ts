// thin_dump -f human_readable output, as 0.9.0 writes it.
import type { PoolMetadata } from '../dm/poolMetadata';
import { selectedDevices, type DumpOptions } from './dumpOptions';
import { forEachRun } from './mappingRuns';

/** Renders metadata in thin_dump's human readable format. */
export function thinDumpHuman(md: PoolMetadata, opts: DumpOptions = {}): string {
  const parts: string[] = [];
  const snap = md.metadataSnap !== undefined ? `, ${md.metadataSnap}` : '';
  parts.push(
    `begin superblock: "${md.uuid}", ${md.time}, ${md.transaction}, ${md.flags}, ${md.version}, ${md.dataBlockSize}, ${md.nrDataBlocks}${snap}\n`,
  );
  for (const d of selectedDevices(md, opts)) {
    parts.push(
      `device: ${d.devId}\nmapped_blocks: ${d.mappedBlocks}\ntransaction: ${d.transaction}\ncreation time: ${d.creationTime}\nsnap time: ${d.snapTime}\n`,
    );
    if (!opts.skipMappings) {
      forEachRun(d, (o, b, len, t) => {
        parts.push(
          len === 1 ? `    ${o} -> ${b}, ${t}\n` : `    (${o}..${o + len - 1}) -> (${b}..${b + len - 1}), ${t}\n`,
        );
      });
    }
    parts.push('\n');
  }
  parts.push('end superblock\n');
  return parts.join('');
}
