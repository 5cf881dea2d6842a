// The daemon's image and container records (image/<driver>/ and containers/ under the data root).

/** A layer in the layer store: its chain id, the driver's cache id, its parent, its size. */
export interface LayerRecord {
  chainId: string;
  diffId: string;
  cacheId: string;
  parent: string;
  size: number;
  /** Images and containers using it. */
  refs: number;
}

/** A tagged image: id, tags, its layer chain bottom to top. */
export interface ImageRecord {
  id: string;
  tags: string[];
  digest: string;
  created: number;
  layers: string[];
  size: number;
  cmd: string[];
}

/** A container. */
export interface ContainerRecord {
  id: string;
  name: string;
  imageId: string;
  imageRef: string;
  cmd: string[];
  created: number;
  state: 'created' | 'running' | 'exited';
  exitCode: number;
  startedAt: number;
  finishedAt: number;
  /** The rw layer's id; the -init layer is `<mountId>-init`. */
  mountId: string;
  storageSize?: number;
  autoRemove: boolean;
  /** --privileged: all capabilities (fstrim inside needs CAP_SYS_ADMIN). */
  privileged: boolean;
}

/** Everything the daemon remembers for one driver under one data root. */
export class GraphStore {
  readonly layers = new Map<string, LayerRecord>();
  readonly images = new Map<string, ImageRecord>();
  readonly containers = new Map<string, ContainerRecord>();

  /** Finds an image by "repo:tag", "repo" (latest), full or short id. */
  findImage(ref: string): ImageRecord | undefined {
    const r = ref.replace(/^sha256:/, '');
    const tagged = r.includes(':') ? r : `${r}:latest`;
    for (const img of this.images.values()) if (img.tags.includes(tagged) || img.tags.includes(r)) return img;
    if (/^[0-9a-f]{4,64}$/.test(r)) {
      const hits = [...this.images.values()].filter((i) => i.id.replace(/^sha256:/, '').startsWith(r));
      if (hits.length === 1) return hits[0];
    }
    return undefined;
  }

  /** Finds a container by name, full or unique id prefix. */
  findContainer(ref: string): ContainerRecord | undefined {
    const name = ref.replace(/^\//, '');
    for (const c of this.containers.values()) if (c.name === name || c.id === ref) return c;
    const hits = [...this.containers.values()].filter((c) => c.id.startsWith(ref));
    return hits.length === 1 ? hits[0] : undefined;
  }
}
