// The block devices of the host (disks, partitions, loop and dm devices), as the kernel lists them for lsblk.

/** What lsblk's TYPE column shows. */
export type BlockDeviceType = 'disk' | 'part' | 'loop' | 'dm' | 'lvm';

/** A block device; layers register theirs with the host and give it I/O behaviour. */
export interface BlockDevice {
  name: string;
  major: number;
  minor: number;
  /** Capacity in bytes as the kernel sees it now (a loop keeps its old size until losetup -c). */
  size: number;
  type: BlockDeviceType;
  ro: boolean;
  /** Devices this one is built on (lsblk draws it under each of them). */
  slaves: BlockDevice[];
  mountpoint?: string;
  /** Records a write of `length` bytes at `offset`; returns an errno name ('ENOSPC') on failure, else null. */
  write(offset: number, length: number): string | null;
  /** Discards a byte range (punches holes in a loop's backing file, passes down through dm). */
  discard(offset: number, length: number): void;
}

/** "MAJ:MIN" key of a device. */
export function devno(d: { major: number; minor: number }): string {
  return `${d.major}:${d.minor}`;
}
