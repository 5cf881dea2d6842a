// Export and import of a pool's metadata in the neutral PoolMetadata form (thin_dump / thin_restore, thin_* tools).
import type { EventLog } from '../events';
import type { PoolMetadata, ThinDeviceMetadata } from './poolMetadata';
import type { MappingLeaf } from './mappingTree';
import { ThinDevice } from './thinDevice';
import { ThinPool, type PoolBinding } from './thinPool';

function deviceMetadata(
  devId: number,
  leaves: MappingLeaf[],
  mapped: number,
  transaction: number,
  creationTime: number,
  snapTime: number,
): ThinDeviceMetadata {
  const origin = new Uint32Array(mapped);
  const data = new Uint32Array(mapped);
  const time = new Uint32Array(mapped);
  let k = 0;
  for (const l of leaves) {
    const e = l.e;
    for (let i = 0; i < l.n; i++, k++) {
      origin[k] = e[3 * i];
      data[k] = e[3 * i + 1];
      time[k] = e[3 * i + 2];
    }
  }
  return { devId, mappedBlocks: k, transaction, creationTime, snapTime, origin, data, time };
}

/** The pool's current metadata (or, with `heldSnapshot`, the one held by reserve_metadata_snap; null if none). */
export function toMetadata(pool: ThinPool, heldSnapshot = false): PoolMetadata | null {
  const base = { uuid: pool.uuid, flags: pool.flags, version: 2, dataBlockSize: pool.dataBlockSize, nrDataBlocks: pool.sm.nrBlocks };
  if (heldSnapshot) {
    const s = pool.metadataSnap;
    if (!s) return null;
    const devices = s.devices
      .slice()
      .sort((a, b) => a.id - b.id)
      .map((d) => deviceMetadata(d.id, d.leaves, d.mapped, d.transaction, d.creationTime, d.snapTime));
    return { ...base, time: s.time, transaction: s.transaction, devices };
  }
  const devices = pool.deviceIds().map((id) => {
    const d = pool.devices.get(id)!;
    return deviceMetadata(id, d.tree.leaves, d.mappedBlocks, d.transaction, d.creationTime, d.snapTime);
  });
  const md: PoolMetadata = { ...base, time: pool.time, transaction: pool.transaction, devices };
  if (pool.metadataSnap) md.metadataSnap = pool.metadataSnap.root;
  return md;
}

/**
 * Rebuilds a pool from metadata (restored XML, or metadata found on a device). Returns the pool or thin_restore's
 * error text. Leaf sharing between snapshots cannot be recovered from a dump: each device gets its own leaves.
 * The provider of a data block is taken to be the lowest device id mapping it (devices are created in id order).
 */
export function fromMetadata(md: PoolMetadata, events: EventLog, binding: PoolBinding): ThinPool | string {
  const pool = new ThinPool(events, md.nrDataBlocks, md.dataBlockSize, binding.nrMetadataBlocks);
  pool.bind(binding);
  pool.time = md.time;
  pool.transaction = md.transaction;
  pool.uuid = md.uuid;
  pool.flags = md.flags;
  const sm = pool.sm;
  const devs = md.devices.slice().sort((a, b) => a.devId - b.devId);
  for (const d of devs) {
    if (pool.devices.has(d.devId)) return `duplicate device id ${d.devId}`;
    const td = ThinDevice.create(pool.trees, d.devId, d.transaction, d.creationTime);
    td.snapTime = d.snapTime;
    for (let i = 0; i < d.origin.length; i++) {
      const b = d.data[i];
      if (b >= md.nrDataBlocks) return `mapping beyond end of data device (${b} >= ${md.nrDataBlocks})`;
      if (i > 0 && d.origin[i] <= d.origin[i - 1]) {
        // unsorted or duplicate origin blocks: look the key up before inserting
        const t = td.tree;
        const leaf = t.leaves[t.leafIndex(d.origin[i])];
        if (leaf.search(d.origin[i]) >= 0) continue;
      }
      td.tree.insert(pool.trees, d.origin[i], b, d.time[i]);
      td.mappedBlocks++;
      if (sm.refcount[b] === 0) {
        sm.provider[b] = d.devId + 1;
        sm.stamp[b] = pool.newStamp();
      }
      sm.inc(b);
    }
    pool.devices.set(d.devId, td);
  }
  return pool;
}
