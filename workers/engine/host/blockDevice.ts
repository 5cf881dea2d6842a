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
  /** The name tools print when it differs from the kernel name (a dm device shows its dm name, not dm-N). */
  label?: string;
  ro: boolean;
  /** Devices this one is built on (lsblk draws it under each of them). */
  slaves: BlockDevice[];
  mountpoint?: string;
  /** Identity of the bytes behind the device ('disk:xvdf', 'file:/var/lib/…/metadata', 'lv:<uuid>'): content kept there survives the device. */
  storageId: string;
  /** Records a write of `length` bytes at `offset`; returns an errno name ('ENOSPC') on failure, else null. */
  write(offset: number, length: number): string | null;
  /** Discards a byte range (punches holes in a loop's backing file, passes down through dm). */
  discard(offset: number, length: number): void;
}

/** "MAJ:MIN" key of a device. */
export function devno(d: { major: number; minor: number }): string {
  return `${d.major}:${d.minor}`;
}

/** All block devices of the host, by name, by MAJ:MIN and by path alias (/dev/mapper/x, /dev/vg/lv, /dev/dm-3). */
export class BlockDeviceRegistry {
  private byName = new Map<string, BlockDevice>();
  private aliases = new Map<string, string>();

  /** Registers a device under /dev/<name> (and any extra path aliases). */
  add(dev: BlockDevice, ...aliasPaths: string[]): void {
    this.byName.set(dev.name, dev);
    for (const a of aliasPaths) this.aliases.set(a, dev.name);
  }

  remove(name: string): void {
    this.byName.delete(name);
    for (const [a, n] of [...this.aliases]) if (n === name) this.aliases.delete(a);
  }

  addAlias(path: string, name: string): void {
    this.aliases.set(path, name);
  }

  removeAlias(path: string): void {
    this.aliases.delete(path);
  }

  get(name: string): BlockDevice | undefined {
    return this.byName.get(name);
  }

  /** Resolves '/dev/xvdf', '/dev/mapper/docker-thinpool', '/dev/docker/thinpool', '7:0' or a bare name. */
  resolve(pathOrDevno: string): BlockDevice | undefined {
    const alias = this.aliases.get(pathOrDevno);
    if (alias) return this.byName.get(alias);
    if (/^\d+:\d+$/.test(pathOrDevno)) return this.list().find((d) => devno(d) === pathOrDevno);
    const m = /^\/dev\/([^/]+)$/.exec(pathOrDevno);
    if (m) return this.byName.get(m[1]);
    return this.byName.get(pathOrDevno);
  }

  /** Path aliases pointing at a device (for ls -l /dev/mapper and udev-style symlinks). */
  aliasesOf(name: string): string[] {
    return [...this.aliases].filter(([, n]) => n === name).map(([a]) => a);
  }

  list(): BlockDevice[] {
    return [...this.byName.values()];
  }

  /** The lowest free minor number for a major (dm devices are 253:N, loops 7:N). */
  nextMinor(major: number): number {
    const used = new Set(this.list().filter((d) => d.major === major).map((d) => d.minor));
    let m = 0;
    while (used.has(m)) m++;
    return m;
  }
}

/** Structured content kept on storage (a pool's metadata on its metadata device or file), keyed by storageId. */
export interface ContentStore {
  get(storageId: string): unknown;
  set(storageId: string, value: unknown): void;
}
