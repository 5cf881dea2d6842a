// thin_dump's default XML output, byte for byte as 0.9.0 writes it.
import type { PoolMetadata } from '../dm/poolMetadata';
import { selectedDevices, type DumpOptions } from './dumpOptions';
import { forEachRun } from './mappingRuns';

/** Renders metadata as thin_dump XML; `write` receives pieces in order (joined when omitted). */
export function thinDumpXml(md: PoolMetadata, opts: DumpOptions = {}, write?: (text: string) => void): string {
  const parts: string[] = [];
  const out = write ?? ((t: string) => parts.push(t));
  const snap = md.metadataSnap !== undefined ? ` metadata_snap="${md.metadataSnap}"` : '';
  out(
    `<superblock uuid="${md.uuid}" time="${md.time}" transaction="${md.transaction}" flags="${md.flags}" version="${md.version}" data_block_size="${md.dataBlockSize}" nr_data_blocks="${md.nrDataBlocks}"${snap}>\n`,
  );
  for (const d of selectedDevices(md, opts)) {
    let s = `  <device dev_id="${d.devId}" mapped_blocks="${d.mappedBlocks}" transaction="${d.transaction}" creation_time="${d.creationTime}" snap_time="${d.snapTime}">\n`;
    if (!opts.skipMappings) {
      forEachRun(d, (o, b, len, t) => {
        s +=
          len === 1
            ? `    <single_mapping origin_block="${o}" data_block="${b}" time="${t}"/>\n`
            : `    <range_mapping origin_begin="${o}" data_begin="${b}" length="${len}" time="${t}"/>\n`;
        if (s.length > 65536) {
          out(s);
          s = '';
        }
      });
    }
    out(s + '  </device>\n');
  }
  out('</superblock>\n');
  return parts.join('');
}
