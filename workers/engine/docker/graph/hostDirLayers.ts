// Layers kept as directories on the host filesystem (overlay, overlay2): per-layer filesystems, no block-level model.
import type { Machine } from '../../machine';
import { mkfs, type BlockTarget, type Filesystem } from '../../fs';
import { GiB } from '../../units';

/** A target that absorbs writes: the overlay drivers' files live in host directories, which we do not model block by block. */
function hostDirTarget(): BlockTarget {
  return { size: 10 * GiB, poolBlockSize: 4096, write: () => null, discard: () => {} };
}

/** The filesystems of an overlay driver's layers, a child starting as a copy of its parent. */
export class HostDirLayers {
  private readonly layers = new Map<string, Filesystem>();

  constructor(
    private readonly m: Machine,
    readonly root: string,
  ) {}

  has(id: string): boolean {
    return this.layers.has(id);
  }

  /** A layer on `parent` ('' = the base); `dirs` are made under root/<id>. */
  make(id: string, parent: string, dirs: string[]): string | null {
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
    for (const d of dirs) this.m.host.vfs.mkdir(`${this.root}/${id}/${d}`, true, 0o755);
    return null;
  }

  remove(id: string): void {
    this.layers.delete(id);
    const vfs = this.m.host.vfs;
    for (const p of vfs.walk(`${this.root}/${id}`).reverse()) {
      if (vfs.unlink(p)) vfs.rmdir(p);
    }
  }

  fs(id: string): Filesystem | undefined {
    return this.layers.get(id);
  }
}
