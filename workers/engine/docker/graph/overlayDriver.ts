// overlay (the first overlay driver): one lower directory, image layers as full "root" copies linked by hard links.
import type { Machine } from '../../machine';
import type { Filesystem } from '../../fs';
import type { GraphDriver } from './driver';
import { HostDirLayers } from './hostDirLayers';

/** overlay with per-layer filesystems; the lower-id of a container layer is the image layer it mounts over. */
export class OverlayDriver implements GraphDriver {
  readonly name = 'overlay' as const;
  private readonly layers: HostDirLayers;
  private readonly root = '/var/lib/docker/overlay';
  /** Container layers → the image layer whose root they overlay. */
  private readonly lowerIds = new Map<string, string>();

  constructor(
    m: Machine,
    private readonly backingFs: string,
    private readonly dType: boolean,
  ) {
    this.layers = new HostDirLayers(m, this.root);
  }

  status(): [string, string][] {
    return [
      ['Backing Filesystem', this.backingFs],
      ['Supports d_type', String(this.dType)],
    ];
  }

  // Image layers end up as a complete root directory (ApplyDiff hard-links the parent's root, then applies the layer).
  create(id: string, parent: string): string | null {
    return this.layers.make(id, parent, ['root']);
  }

  // A container's -init and rw layers overlay the image's root: upper, work, merged and a lower-id file.
  createReadWrite(id: string, parent: string): string | null {
    const e = this.layers.make(id, parent, ['upper', 'work', 'merged']);
    if (e) return e;
    this.lowerIds.set(id, this.lowerIds.get(parent) ?? parent);
    return null;
  }

  remove(id: string): string | null {
    this.layers.remove(id);
    this.lowerIds.delete(id);
    return null;
  }

  get(id: string): { path: string } | { error: string } {
    if (!this.layers.has(id)) return { error: `layer ${id} not found` };
    return { path: `${this.root}/${id}/${this.lowerIds.has(id) ? 'merged' : 'root'}` };
  }

  put(): void {}

  fs(id: string): Filesystem | undefined {
    return this.layers.fs(id);
  }

  metadata(id: string): Record<string, string> {
    const lower = this.lowerIds.get(id);
    if (lower === undefined) return { RootDir: `${this.root}/${id}/root` };
    return {
      LowerDir: `${this.root}/${lower}/root`,
      MergedDir: `${this.root}/${id}/merged`,
      UpperDir: `${this.root}/${id}/upper`,
      WorkDir: `${this.root}/${id}/work`,
    };
  }

  cleanup(): void {}
}
