// What the daemon asks of a graph driver (daemon/graphdriver's Driver interface, reduced to what we model).
import type { Filesystem } from '../../fs';

/** A storage driver: layers and container filesystems as devices or directories. */
export interface GraphDriver {
  readonly name: 'devicemapper' | 'overlay2' | 'overlay';
  /** The (key, value) pairs docker info prints under "Storage Driver". */
  status(): [string, string][];
  /** An image layer on top of `parent` ('' = the base). */
  create(id: string, parent: string): string | null;
  /** A container's -init or rw layer, optionally bigger (`--storage-opt size=`). */
  createReadWrite(id: string, parent: string, size?: number): string | null;
  remove(id: string): string | null;
  /** Mounts the layer (ref-counted) and returns its mount path. */
  get(id: string): { path: string } | { error: string };
  put(id: string): void;
  /** The filesystem of a layer, for file-level work. */
  fs(id: string): Filesystem | undefined;
  /** `docker inspect` GraphDriver.Data. */
  metadata(id: string): Record<string, string>;
  cleanup(): void;
}
