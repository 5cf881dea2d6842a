// Device-mapper tables lvm loads for its LVs: linear over PV segments, thin-pool over tmeta/tdata.
import { SECTOR } from '../units';
import { EXTENT_SECTORS, PE_START } from './extents';
import type { Segment } from './model';

/** dm name of an LV: VG and LV joined by '-', with dashes inside names doubled (lvm's build_dm_name). */
export function dmNameOf(vg: string, lv: string): string {
  return `${vg.replace(/-/g, '--')}-${lv.replace(/-/g, '--')}`;
}

/** dm uuid of an LV: "LVM-" + VG uuid + LV uuid (dashes removed). */
export function dmUuidOf(vgUuid: string, lvUuid: string): string {
  return `LVM-${vgUuid}${lvUuid}`;
}

/** The linear table of an LV: one line per segment, at pe_start + extent offset on its PV, in sectors. */
export function linearTable(segments: Segment[], devnoOf: (pv: string) => string): string {
  const lines: string[] = [];
  let le = 0;
  for (const s of segments) {
    const start = le * EXTENT_SECTORS;
    const len = s.length * EXTENT_SECTORS;
    const offset = PE_START / SECTOR + s.pvStart * EXTENT_SECTORS;
    lines.push(`${start} ${len} linear ${devnoOf(s.pv)} ${offset}`);
    le += s.length;
  }
  return lines.join('\n');
}

/** Low water mark lvm sets on a pool: the free blocks left at the autoextend threshold (0 when disabled). */
export function lowWaterMarkOf(lengthSectors: number, chunkSectors: number, threshold: number): number {
  const t = Math.max(50, threshold);
  if (t >= 100) return 0;
  return Math.floor((Math.floor(lengthSectors / chunkSectors) * (100 - t)) / 100);
}

/** The thin-pool table line as libdm emits it for lvm (features: skip_block_zeroing with --zero n). */
export function thinPoolTable(opts: {
  lengthSectors: number;
  metadataDevno: string;
  dataDevno: string;
  chunkSectors: number;
  lowWaterMark: number;
  zero: boolean;
}): string {
  const features = opts.zero ? [] : ['skip_block_zeroing'];
  return [
    0,
    opts.lengthSectors,
    'thin-pool',
    opts.metadataDevno,
    opts.dataDevno,
    opts.chunkSectors,
    opts.lowWaterMark,
    features.length,
    ...features,
  ].join(' ');
}
