// The block device a filesystem lives on, as the fs layer needs it: byte-range writes and discards.

/** Bytes in a filesystem block (xfs and ext4 as Docker creates them: 4 KiB). */
export const FS_BLOCK = 4096;

/**
 * What a filesystem writes to. The docker layer adapts a thin device to it: a write touching pool block B
 * provisions B or breaks its sharing; a discard unmaps only whole pool blocks (dm-thin ignores partial ones).
 */
export interface BlockTarget {
  /** Capacity in bytes. */
  readonly size: number;
  /** Data block size of the pool under the device, in bytes (64 KiB for loop-lvm). */
  readonly poolBlockSize: number;
  /** Writes `length` bytes at `byteOffset`; an errno name ('ENOSPC', 'EIO') on failure, else null. */
  write(byteOffset: number, length: number): string | null;
  /** Discards a byte range. */
  discard(byteOffset: number, length: number): void;
}

/** A byte range on the device, with why it is there. */
export interface ByteRange {
  offset: number;
  length: number;
  reason: string;
}

/** Pool blocks (indexes, ascending, unique) touched by a list of byte ranges. */
export function poolBlocksTouched(ranges: readonly { offset: number; length: number }[], poolBlockSize: number): number[] {
  const set = new Set<number>();
  for (const r of ranges) {
    if (r.length <= 0) continue;
    const first = Math.floor(r.offset / poolBlockSize);
    const last = Math.floor((r.offset + r.length - 1) / poolBlockSize);
    for (let b = first; b <= last; b++) set.add(b);
  }
  return [...set].sort((a, b) => a - b);
}

/** Pool blocks entirely inside a byte range: the only ones a discard of that range unmaps. */
export function poolBlocksCovered(offset: number, length: number, poolBlockSize: number): { first: number; count: number } {
  const first = Math.ceil(offset / poolBlockSize);
  const end = Math.floor((offset + length) / poolBlockSize);
  return { first, count: Math.max(0, end - first) };
}
