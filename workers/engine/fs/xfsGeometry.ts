// The layout mkfs.xfs (xfsprogs 4.5, RHEL 7.3) chooses for a device without stripe hints: AGs and internal log.
import { FS_BLOCK } from './blockTarget';

const MiB = 1024 ** 2;
const GiB = 1024 ** 3;
const TiB = 1024 ** 4;

/** Where xfs keeps things, in 4 KiB filesystem blocks. */
export interface XfsGeometry {
  /** Filesystem blocks in the data section (sb_dblocks). */
  dblocks: number;
  agcount: number;
  /** Blocks per allocation group (the last AG may be shorter). */
  agblocks: number;
  logstart: number;
  logblocks: number;
  /** Blocks at the head of each AG held by headers, btree roots and the AG free list. */
  agHeaderBlocks: number;
  /** Extra blocks at the head of AG 0 for the root inode chunk (64 inodes of 256 bytes: -m crc=0). */
  rootInodeBlocks: number;
}

/** One AG never exceeds 1 TiB (XFS_AG_MAX_BLOCKS). */
const AG_MAX_BLOCKS = TiB / FS_BLOCK;
/** XFS_MIN_LOG_BYTES: 10 MiB, the default log up to 16 GiB. */
const MIN_LOG_BLOCKS = (10 * MiB) / FS_BLOCK;
/** XFS_MAX_LOG_BYTES: 2 GiB. */
const MAX_LOG_BLOCKS = (2 * GiB) / FS_BLOCK;
/** The transaction-reservation minimum mkfs computes for 4 KiB blocks (xfs_info of a 100 MiB fs shows 855). */
const MIN_LOGBLOCKS_TX = 855;
/** The log starts on a 512 KiB boundary: its chunks never share a pool block (≤ 512 KiB) with the AG header. */
const LOG_ALIGN_BLOCKS = (512 * 1024) / FS_BLOCK;

/** Default internal log size: min_logblocks below 1 GiB, 10 MiB below 16 GiB, then size/2048 up to 2 GiB. */
export function xfsLogBlocks(dblocks: number): number {
  const bytes = dblocks * FS_BLOCK;
  if (bytes < GiB) return MIN_LOGBLOCKS_TX;
  if (bytes < 16 * GiB) return MIN_LOG_BLOCKS;
  return Math.min(MAX_LOG_BLOCKS, Math.floor(dblocks / 2048));
}

/** calc_default_ag_geometry for a single disk: 4 AGs, more once an AG would pass 1 TiB; the log in the middle AG. */
export function xfsGeometry(deviceBytes: number): XfsGeometry {
  const blocks = Math.floor(deviceBytes / FS_BLOCK);
  let agcount = 4;
  let agblocks = Math.floor(blocks / 4);
  if (agblocks > AG_MAX_BLOCKS) {
    agblocks = AG_MAX_BLOCKS;
    agcount = Math.ceil(blocks / agblocks);
  }
  // A tail shorter than an AG's worth is dropped for the 4-AG layout (mkfs trims dblocks to whole AGs).
  const dblocks = agcount === 4 ? agblocks * 4 : blocks;
  const logblocks = Math.min(xfsLogBlocks(dblocks), Math.floor(agblocks / 2));
  const logAg = Math.floor(agcount / 2);
  const agHeaderBlocks = 8;
  const logstart = Math.ceil((logAg * agblocks + agHeaderBlocks) / LOG_ALIGN_BLOCKS) * LOG_ALIGN_BLOCKS;
  return { dblocks, agcount, agblocks, logstart, logblocks, agHeaderBlocks, rootInodeBlocks: 4 };
}
