// overlay2, the driver the host runs before the switch: directories on the host filesystem, no block-level model.
import type { Machine } from '../../machine';
import { mkfs, type BlockTarget, type Filesystem } from '../../fs';
import { GiB } from '../../units';
import type { GraphDriver } from './driver';

/** A target that absorbs writes: overlay2's files live in host directories, which we do not model block by block. */
function hostDirTarget(): BlockTarget {
  return { size: 10 * GiB, poolBlockSize: 4096, write: () => null, discard: () => {} };
}

/** overlay2 with per-layer filesystems so containers still have files. */
export class Overlay2Driver implements GraphDriver {
  readonly name = 'overlay2' as const;
  private readonly layers = new Map<string, Filesystem>();
  private readonly root = '/var/lib/docker/overlay2';

  constructor(private readonly m: Machine) {
    m.host.vfs.mkdir(this.root, true, 0o700);
    m.host.vfs.mkdir(`${this.root}/l`, true, 0o700);
  }

  status(): [string, string][] {
    const root = this.m.host.statfs(this.root);
    return [
      ['Backing Filesystem', 'fstype' in root ? root.fstype : 'xfs'],
      ['Supports d_type', 'true'],
      ['Native Overlay Diff', 'true'],
    ];
  }

  private make(id: string, parent: string): string | null {
    if (this.layers.has(id)) return `layer ${id} already exists`;
    let fs: Filesystem | undefined;
    if (parent) {
      const p = this.layers.get(parent);
      if (!p) return `parent layer ${parent} not found`;
      fs = p.clone(hostDirTarget());
    } else {
      const made = mkfs('xfs', hostDirTarget());
      if (!made.ok) return made.message;
      fs = made.fs;
    }
    this.layers.set(id, fs);
    this.m.host.vfs.mkdir(`${this.root}/${id}/diff`, true, 0o755);
    return null;
  }

  create(id: string, parent: string): string | null {
    return this.make(id, parent);
  }

  createReadWrite(id: string, parent: string): string | null {
    return this.make(id, parent);
  }

  remove(id: string): string | null {
    this.layers.delete(id);
    const vfs = this.m.host.vfs;
    for (const p of vfs.walk(`${this.root}/${id}`).reverse()) {
      if (vfs.unlink(p)) vfs.rmdir(p);
    }
    return null;
  }

  get(id: string): { path: string } | { error: string } {
    return this.layers.has(id) ? { path: `${this.root}/${id}/merged` } : { error: `layer ${id} not found` };
  }

  put(): void {}

  fs(id: string): Filesystem | undefined {
    return this.layers.get(id);
  }

  metadata(id: string): Record<string, string> {
    return {
      LowerDir: `${this.root}/${id}-init/diff`,
      MergedDir: `${this.root}/${id}/merged`,
      UpperDir: `${this.root}/${id}/diff`,
      WorkDir: `${this.root}/${id}/work`,
    };
  }

  cleanup(): void {}
}
