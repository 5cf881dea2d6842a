// A seeded generator of Docker-like pools (base device, layer and container snapshots, writes, discards, deletes),
// built with a tiny naive model of dm-thin so the differential tests have realistic metadata to compare.
import type { PoolMetadata, ThinDeviceMetadata } from '../../workers/engine/dm/poolMetadata';

/** mulberry32: small deterministic PRNG. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface NaiveDevice {
  devId: number;
  transaction: number;
  creationTime: number;
  snapTime: number;
  map: Map<number, { data: number; time: number }>;
}

/** Builds a pool by simulating Docker activity with `steps` random operations. */
export function dockerLikePool(seed: number, steps = 200, nrDataBlocks = 4096): PoolMetadata {
  const rand = rng(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)];
  const refs = new Uint32Array(nrDataBlocks);
  let cursor = 0;
  let time = 0;
  let transaction = 0;
  const devices = new Map<number, NaiveDevice>();
  let nextId = 1;
  const alloc = (): number | undefined => {
    for (let k = 0; k < nrDataBlocks; k++) {
      const b = (cursor + k) % nrDataBlocks;
      if (!refs[b]) {
        cursor = b + 1;
        refs[b] = 1;
        return b;
      }
    }
    return undefined;
  };
  const write = (d: NaiveDevice, block: number) => {
    const m = d.map.get(block);
    if (m && m.time >= d.snapTime && refs[m.data] === 1) return;
    const b = alloc();
    if (b === undefined) return;
    if (m) refs[m.data]--;
    d.map.set(block, { data: b, time });
  };
  const create = (origin?: NaiveDevice): NaiveDevice => {
    const d: NaiveDevice = { devId: nextId++, transaction: transaction++, creationTime: time, snapTime: time, map: new Map() };
    if (origin) {
      for (const [k, v] of origin.map) {
        d.map.set(k, { ...v });
        refs[v.data]++;
      }
      origin.snapTime = ++time;
      d.snapTime = time;
    }
    devices.set(d.devId, d);
    return d;
  };
  const base = create();
  for (let k = 0; k < 40; k++) write(base, Math.floor(rand() * 400));
  for (let s = 0; s < steps; s++) {
    const r = rand();
    const all = [...devices.values()];
    if (r < 0.15) create(pick(all));
    else if (r < 0.7) {
      const d = pick(all);
      const start = Math.floor(rand() * 500);
      const len = 1 + Math.floor(rand() * 6);
      for (let k = 0; k < len; k++) write(d, start + k);
    } else if (r < 0.85) {
      const d = pick(all);
      const keys = [...d.map.keys()];
      if (keys.length) {
        const k = pick(keys);
        refs[d.map.get(k)!.data]--;
        d.map.delete(k);
      }
    } else if (r < 0.92 && all.length > 2) {
      const d = pick(all.slice(1));
      for (const v of d.map.values()) refs[v.data]--;
      devices.delete(d.devId);
    }
  }
  const out: ThinDeviceMetadata[] = [...devices.values()].map((d) => {
    const keys = [...d.map.keys()].sort((a, b) => a - b);
    return {
      devId: d.devId,
      mappedBlocks: keys.length,
      transaction: d.transaction,
      creationTime: d.creationTime,
      snapTime: d.snapTime,
      origin: Uint32Array.from(keys),
      data: Uint32Array.from(keys.map((k) => d.map.get(k)!.data)),
      time: Uint32Array.from(keys.map((k) => d.map.get(k)!.time)),
    };
  });
  return { uuid: '', time, transaction, flags: 0, version: 2, dataBlockSize: 128, nrDataBlocks, devices: out };
}
