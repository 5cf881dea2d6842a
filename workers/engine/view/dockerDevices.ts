// Who each thin device is for Docker: base, image layer, a container's -init or rw device, read from the deviceset.
import type { Machine } from '../machine';
import type { DockerRole } from './types';

/** A Docker device of the pool, as the views name it. */
export interface DockerDevice {
  deviceId: number;
  hash: string;
  role: DockerRole;
  /** Container name, `name-init`, `image:tag layer i/n`, or 'base'. */
  name: string;
}

/** The devices of Docker's deviceset in `pool`, named by role; empty when Docker does not run devicemapper there. */
export function dockerDevicesOf(machine: Machine, pool: string): DockerDevice[] {
  const ds = machine.docker.deviceSet;
  if (!ds || ds.poolName !== pool) return [];
  // store() creates its directory when missing; with a running deviceset the daemon has created it already.
  const store = machine.docker.store();
  const containers = new Map([...store.containers.values()].map((c) => [c.mountId, c.name]));
  const layerNames = new Map<string, string>();
  for (const img of store.images.values()) {
    const ref = img.tags[0] ?? img.id.replace(/^sha256:/, '').slice(0, 12);
    img.layers.forEach((chainId, i) => {
      const cacheId = store.layers.get(chainId)?.cacheId;
      if (cacheId && !layerNames.has(cacheId)) layerNames.set(cacheId, `${ref} layer ${i + 1}/${img.layers.length}`);
    });
  }
  return ds
    .list()
    .filter((d) => !d.deleted)
    .map((d) => {
      if (d.hash === '') return { deviceId: d.deviceId, hash: d.hash, role: 'base' as const, name: 'base' };
      if (d.hash.endsWith('-init')) {
        const owner = containers.get(d.hash.slice(0, -'-init'.length));
        return { deviceId: d.deviceId, hash: d.hash, role: 'init' as const, name: `${owner ?? d.hash.slice(0, 12)}-init` };
      }
      const ctr = containers.get(d.hash);
      if (ctr !== undefined) return { deviceId: d.deviceId, hash: d.hash, role: 'container' as const, name: ctr };
      return { deviceId: d.deviceId, hash: d.hash, role: 'image' as const, name: layerNames.get(d.hash) ?? d.hash.slice(0, 12) };
    });
}
