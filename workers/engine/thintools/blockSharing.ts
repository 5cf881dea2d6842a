// Which data blocks are referenced by exactly one mapping across all devices (thin_ls's exclusive test).
import type { PoolMetadata } from '../dm/poolMetadata';

/** Counts, per device, mappings whose data block no other mapping in the pool references. */
export function exclusiveCounts(md: PoolMetadata): Map<number, number> {
  const seen = referenceCounter(md);
  for (const d of md.devices) for (let i = 0; i < d.data.length; i++) seen.inc(d.data[i]);
  const result = new Map<number, number>();
  for (const d of md.devices) {
    let excl = 0;
    for (let i = 0; i < d.data.length; i++) if (seen.once(d.data[i])) excl++;
    result.set(d.devId, excl);
  }
  return result;
}

interface Counter {
  inc(block: number): void;
  once(block: number): boolean;
}

// Two bits per block as thin_ls keeps them: seen once / seen again. A dense array when the pool is small enough,
// a hash map otherwise (nr_data_blocks from an imported file can be absurdly large).
function referenceCounter(md: PoolMetadata): Counter {
  let maxBlock = -1;
  for (const d of md.devices) for (let i = 0; i < d.data.length; i++) if (d.data[i] > maxBlock) maxBlock = d.data[i];
  if (maxBlock < 1 << 28) {
    const counts = new Uint8Array(maxBlock + 1);
    return {
      inc: (b) => {
        if (counts[b] < 2) counts[b]++;
      },
      once: (b) => counts[b] === 1,
    };
  }
  const counts = new Map<number, number>();
  return {
    inc: (b) => counts.set(b, Math.min(2, (counts.get(b) ?? 0) + 1)),
    once: (b) => counts.get(b) === 1,
  };
}
