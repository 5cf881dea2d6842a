// The layout mke2fs 1.42.9 (RHEL 7, mke2fs.conf "ext4") chooses: block groups, flex_bg packing, journal.
import { FS_BLOCK } from './blockTarget';

/** Where ext4 keeps things, in 4 KiB blocks. */
export interface Ext4Geometry {
  blocks: number;
  blocksPerGroup: number;
  groupCount: number;
  inodesPerGroup: number;
  /** Inode table blocks per group (inode_size 256). */
  inodeTableBlocks: number;
  /** Groups per flex group (flex_bg = 16): bitmaps and inode tables of a flex group sit at its first group. */
  flexSize: number;
  /** Group descriptor blocks (32-byte descriptors, no 64bit feature in 1.42.9's ext4). */
  gdtBlocks: number;
  /** Reserved GDT blocks for online resize up to 1024× (resize_inode). */
  reservedGdtBlocks: number;
  journalStart: number;
  journalBlocks: number;
  /** Groups holding a superblock copy (0, 1 and powers of 3, 5, 7: sparse_super). */
  superGroups: number[];
}

const BLOCKS_PER_GROUP = 32768;
/** inode_ratio 16384 from mke2fs.conf [defaults]. */
const INODE_RATIO = 16384;
const INODE_SIZE = 256;
const DESC_SIZE = 32;
const FLEX = 16;

/**
 * ext2fs_default_journal_size of e2fsprogs 1.42.9 (blocks of 4 KiB): 4 MiB below 1 GiB … 128 MiB from 4 GiB on.
 * (1.43+ grows it further, up to 1 GiB; RHEL 7 ships 1.42.9.)
 */
export function ext4JournalBlocks(blocks: number): number {
  if (blocks < 2048) return 0;
  if (blocks < 32768) return 1024;
  if (blocks < 256 * 1024) return 4096;
  if (blocks < 512 * 1024) return 8192;
  if (blocks < 1024 * 1024) return 16384;
  return 32768;
}

/** Whether a group carries a superblock backup under sparse_super. */
export function hasSuperBackup(group: number): boolean {
  if (group <= 1) return true;
  for (const base of [3, 5, 7]) {
    let p = base;
    while (p < group) p *= base;
    if (p === group) return true;
  }
  return false;
}

/** First block of a group's free data area (after superblock copy, GDT and, for flex leaders, packed metadata). */
export function ext4GroupDataStart(g: Ext4Geometry, group: number): number {
  let b = group * g.blocksPerGroup;
  if (g.superGroups.includes(group)) b += 1 + g.gdtBlocks + g.reservedGdtBlocks;
  if (group % g.flexSize === 0) {
    const members = Math.min(g.flexSize, g.groupCount - group);
    b += 2 * members + members * g.inodeTableBlocks;
  }
  return b;
}

/** mke2fs geometry for a device; the journal goes to the flex group nearest the middle (1.42's midpoint rule). */
export function ext4Geometry(deviceBytes: number): Ext4Geometry {
  const blocks = Math.floor(deviceBytes / FS_BLOCK);
  const groupCount = Math.max(1, Math.ceil(blocks / BLOCKS_PER_GROUP));
  const inodesPerGroup = Math.ceil(Math.floor(deviceBytes / INODE_RATIO) / groupCount / 8) * 8;
  const inodeTableBlocks = Math.ceil((inodesPerGroup * INODE_SIZE) / FS_BLOCK);
  const descPerBlock = FS_BLOCK / DESC_SIZE;
  const gdtBlocks = Math.ceil(groupCount / descPerBlock);
  const maxBlocks = Math.min(0xffffffff, blocks * 1024);
  const rsvGroups = Math.ceil(maxBlocks / BLOCKS_PER_GROUP);
  const reservedGdtBlocks = Math.min(FS_BLOCK / 4, Math.max(0, Math.ceil(rsvGroups / descPerBlock) - gdtBlocks));
  const superGroups: number[] = [];
  for (let i = 0; i < groupCount; i++) if (hasSuperBackup(i)) superGroups.push(i);
  const g: Ext4Geometry = {
    blocks,
    blocksPerGroup: BLOCKS_PER_GROUP,
    groupCount,
    inodesPerGroup,
    inodeTableBlocks,
    flexSize: FLEX,
    gdtBlocks,
    reservedGdtBlocks,
    journalStart: 0,
    journalBlocks: ext4JournalBlocks(blocks),
    superGroups,
  };
  let jgroup = Math.floor(groupCount / 2);
  if (jgroup > FLEX) jgroup &= ~(FLEX - 1);
  else jgroup = 0;
  g.journalStart = ext4GroupDataStart(g, jgroup) + (jgroup === 0 ? 8 : 0);
  return g;
}
