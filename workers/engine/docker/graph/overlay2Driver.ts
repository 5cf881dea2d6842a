// overlay2: each layer a diff directory, containers mounted with all lower layers (kernel 4.0, or a backport).
import type { Machine } from '../../machine';
import type { Filesystem } from '../../fs';
import type { GraphDriver } from './driver';
import { HostDirLayers } from './hostDirLayers';
import { atLeast } from '../config/version';

/** overlay2 with per-layer filesystems so containers still have files. */
export class Overlay2Driver implements GraphDriver {
  readonly name = 'overlay2' as const;
  private readonly layers: HostDirLayers;
  private readonly root = '/var/lib/docker/overlay2';

  constructor(
    private readonly m: Machine,
    private readonly version: string,
    private readonly backingFs: string,
    private readonly dType: boolean,
  ) {
    this.layers = new HostDirLayers(m, this.root);
    m.host.vfs.mkdir(`${this.root}/l`, true, 0o700);
  }

  status(): [string, string][] {
    const pairs: [string, string][] = [
      ['Backing Filesystem', this.backingFs],
      ['Supports d_type', String(this.dType)],
    ];
    // The native-diff check and its status line are in the 17.06 sources, not in 17.03's (1.13) Status().
    if (atLeast(this.version, '17.06.0')) pairs.push(['Native Overlay Diff', 'true']);
    return pairs;
  }

  // Every layer has a diff directory; one with a parent also gets work and merged for its mount.
  create(id: string, parent: string): string | null {
    return this.layers.make(id, parent, parent ? ['diff', 'work', 'merged'] : ['diff']);
  }

  createReadWrite(id: string, parent: string): string | null {
    return this.create(id, parent);
  }

  remove(id: string): string | null {
    this.layers.remove(id);
    return null;
  }

  get(id: string): { path: string } | { error: string } {
    return this.layers.has(id) ? { path: `${this.root}/${id}/merged` } : { error: `layer ${id} not found` };
  }

  put(): void {}

  fs(id: string): Filesystem | undefined {
    return this.layers.fs(id);
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
