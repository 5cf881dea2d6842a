// The block map of a pool, computed from its neutral metadata: refcount and provisioning device per data block.
import type { PoolMetadata } from '../dm/poolMetadata';
import type { BlockMapView, ThinView } from './types';

/**
 * Refcount of every data block and the device that provisioned it: of the mappings to a block, the one written
 * earliest (smallest mapping time; a snapshot inherits its origin's times, so ties go to the older device).
 */
export function blockMapOf(pool: string, md: PoolMetadata): BlockMapView {
  const refcount = new Uint16Array(md.nrDataBlocks);
  const owner = new Int32Array(md.nrDataBlocks).fill(-1);
  const ownerTime = new Uint32Array(md.nrDataBlocks);
  const devices = [...md.devices].sort((a, b) => a.creationTime - b.creationTime || a.devId - b.devId);
  for (const d of devices) {
    for (let i = 0; i < d.data.length; i++) {
      const b = d.data[i];
      if (b >= md.nrDataBlocks) continue;
      if (refcount[b] < 0xffff) refcount[b]++;
      if (owner[b] < 0 || d.time[i] < ownerTime[b]) {
        owner[b] = d.devId;
        ownerTime[b] = d.time[i];
      }
    }
  }
  return { pool, refcount, owner };
}

/** Mapped / exclusive / shared counts of every device of a pool (roles and names are filled by the caller). */
export function thinCountsOf(pool: string, md: PoolMetadata, map: BlockMapView): ThinView[] {
  return md.devices.map((d) => {
    let shared = 0;
    for (let i = 0; i < d.data.length; i++) if (map.refcount[d.data[i]] > 1) shared++;
    return {
      pool,
      devId: d.devId,
      role: 'thin' as const,
      name: '',
      mapped: d.data.length,
      exclusive: d.data.length - shared,
      shared,
    };
  });
}

/** Data blocks in use (refcount above zero). */
export function usedBlocksOf(map: BlockMapView): number {
  let used = 0;
  for (let i = 0; i < map.refcount.length; i++) if (map.refcount[i] > 0) used++;
  return used;
}
