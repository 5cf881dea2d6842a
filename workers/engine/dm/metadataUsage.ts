// How many 4 KiB metadata blocks a pool uses, from the kernel's on-disk layout.
//
// Rule (dm-thin-metadata.c, persistent-data/): used =
//   1 superblock
// + 1 metadata space map index (one block, ≤ 255 bitmaps)
// + ⌈metadata blocks / 16320⌉ metadata space map bitmaps (2 bits per block, 16320 entries per bitmap)
// + metadata refcount btree (counts ≥ 3 overflow there: leaves shared by ≥ 3 trees; 336 per leaf, ≥ 1 root)
// + ⌈data blocks / 16320⌉ data space map bitmaps
// + data space map index btree (168 entries per leaf, ≥ 1 root) + data refcount btree (336 per leaf, ≥ 1 root)
// + device-details btree (126 per leaf) + top-level mapping btree (252 per leaf), each ≥ 1 root
// + every live mapping leaf (252 per leaf, split in halves; a snapshot shares its origin's leaves until a write
//   shadows one) + internal nodes (252 per node) of every distinct tree
// + 1 superblock copy while a metadata snapshot is held.
// A fresh pool with one device of ≤ 252 mappings: 8 + ⌈data/16320⌉ + ⌈meta/16320⌉
// (loop-lvm 1638400/524288 → 142 blocks = 581632 B; direct-lvm 194552/261120 → 36 blocks = 147456 B).
// Approximation: data/metadata refcounts ≥ 3 are counted per mapping (not per leaf as the kernel defers them).
import { btreeNodes, type TreeCounters } from './mappingTree';

/** Entries per space map bitmap block: (4096 − 16) × 4. */
export const ENTRIES_PER_BITMAP = 16320;
/** Largest usable metadata device, in 4 KiB blocks (255 bitmaps). */
export const MAX_METADATA_BLOCKS = 255 * ENTRIES_PER_BITMAP;

/** What the count depends on. */
export interface MetadataShape {
  nrDataBlocks: number;
  nrMetadataBlocks: number;
  devices: number;
  /** Data blocks with a reference count ≥ 3. */
  dataOverflow: number;
  trees: TreeCounters;
  metadataSnapHeld: boolean;
}

/** Metadata blocks in use. */
export function metadataBlocksUsed(s: MetadataShape): number {
  const dataBitmaps = Math.ceil(s.nrDataBlocks / ENTRIES_PER_BITMAP);
  const metaBitmaps = Math.ceil(s.nrMetadataBlocks / ENTRIES_PER_BITMAP);
  return (
    1 +
    1 +
    metaBitmaps +
    btreeNodes(s.trees.leafOverflow, 336) +
    dataBitmaps +
    btreeNodes(dataBitmaps, 168) +
    btreeNodes(s.dataOverflow, 336) +
    btreeNodes(s.devices, 126) +
    btreeNodes(s.devices, 252) +
    s.trees.leaves +
    s.trees.internal +
    (s.metadataSnapHeld ? 1 : 0)
  );
}

/** The kernel's metadata low watermark shown at the end of a pool status: min(1024, metadata blocks / 4). */
export function metadataLowWatermark(nrMetadataBlocks: number): number {
  return Math.min(1024, Math.floor(nrMetadataBlocks / 4));
}
