// The host's mount table: what `mount` and `df` list, and which filesystem serves a path.
import type { FsSpace } from './fsSpace';
import type { VfsProvider } from './vfsNodes';
import { isUnder } from './paths';

/** One mounted filesystem (or bind mount). */
export interface MountEntry {
  /** What mount prints before "on" ('/dev/xvda1', 'tmpfs'). */
  source: string;
  target: string;
  fstype: string;
  /** Comma-separated options as /proc/mounts shows them. */
  options: string;
  /** st_dev of files under this mount. */
  dev: { major: number; minor: number };
  /** Capacity and free space for df/statfs (pseudo filesystems have none). */
  space?: FsSpace;
  /** Serves the paths below the mountpoint (otherwise the host tree shows through). */
  provider?: VfsProvider;
  /** Whether df lists it (pseudo filesystems like proc and cgroup are hidden). */
  inDf: boolean;
}

/** Mounts in mount order. */
export class MountTable {
  readonly entries: MountEntry[] = [];

  add(m: MountEntry): void {
    this.entries.push(m);
  }

  /** The innermost (last mounted) mount whose target contains `abs`. */
  at(abs: string): MountEntry | undefined {
    let best: MountEntry | undefined;
    for (const m of this.entries) {
      if (!isUnder(abs, m.target)) continue;
      if (!best || m.target.length >= best.target.length) best = m;
    }
    return best;
  }

  /** The last mount whose target or source is `what` (umount accepts either). */
  find(what: string): MountEntry | undefined {
    for (let i = this.entries.length - 1; i >= 0; i--) {
      const m = this.entries[i];
      if (m.target === what || m.source === what) return m;
    }
    return undefined;
  }

  remove(m: MountEntry): void {
    const i = this.entries.lastIndexOf(m);
    if (i >= 0) this.entries.splice(i, 1);
  }

  /** Mounts strictly below a target (umount refuses with EBUSY while they exist). */
  below(target: string): MountEntry[] {
    return this.entries.filter((m) => m.target !== target && isUnder(m.target, target));
  }
}
