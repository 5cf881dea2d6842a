// LVM's on-disk geometry and extent arithmetic (lvm2 2.02.166 defaults).
import { MiB, SECTOR } from '../units';

/** Offset of the first physical extent on a PV (pvcreate's default data alignment): 1 MiB. */
export const PE_START = MiB;
/** vgcreate's default physical extent size: 4 MiB. */
export const EXTENT_SIZE = 4 * MiB;
/** Sectors in one extent (what dm tables count in). */
export const EXTENT_SECTORS = EXTENT_SIZE / SECTOR;

/** Physical extents a device of `bytes` holds once pe_start is set aside: ⌊(size − 1 MiB) / 4 MiB⌋. */
export function peCountOf(bytes: number, extentSize = EXTENT_SIZE): number {
  return Math.max(0, Math.floor((bytes - PE_START) / extentSize));
}

/** lvm2's percent_of_extents(): integer percent of a count, rounded down, or up when `roundup`. */
export function percentOfExtents(percent: number, count: number, roundup: boolean): number {
  return Math.floor((percent * count + (roundup ? 99 : 0)) / 100);
}

/** Extents needed for a size in bytes, rounded up to whole extents (lvcreate -L). */
export function extentsForBytes(bytes: number, extentSize = EXTENT_SIZE): number {
  return Math.ceil(bytes / extentSize);
}
