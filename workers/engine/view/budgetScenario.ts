// DESIGN.md's engine budget scenario, runnable inside the worker so the UI benchmark can measure the main thread
// while it replays: 100 GiB pool of 64 KiB blocks, 20 images × 5 layers, 500 containers, 2,000,000 block operations.
import { EventLog } from '../events';
import { ThinPool } from '../dm/thinPool';
import { defaultFeatures } from '../dm/poolFeatures';

/** Seeded mulberry32: the replay is the same every run. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Builds the scenario's pool and replays `ops` block operations on it (bench/engine.bench.ts runs it on Node). */
export function budgetPool(ops = 2_000_000): ThinPool {
  const events = new EventLog();
  events.recording = false;
  const pool = ThinPool.format(events, 1638400, 128, {
    name: 'docker-202:1-8413957-pool',
    devno: '253:0',
    lowWaterMark: 32768,
    features: { ...defaultFeatures(), skipBlockZeroing: true },
    nrMetadataBlocks: 524288,
  });
  const rand = rng(20170330);
  let id = 1;
  pool.createThin(id);
  pool.write(id, 0, 180);
  const tops: number[] = [];
  for (let img = 0; img < 20; img++) {
    let parent = 1;
    for (let layer = 0; layer < 5; layer++) {
      const dev = ++id;
      pool.createSnap(dev, parent);
      for (let w = 0; w < 40; w++) pool.write(dev, Math.floor(rand() * 16384), 4);
      parent = dev;
    }
    tops.push(parent);
  }
  const containers: number[] = [];
  for (let c = 0; c < 500; c++) {
    const init = ++id;
    pool.createSnap(init, tops[c % tops.length]);
    pool.write(init, 200, 2);
    const ctr = ++id;
    pool.createSnap(ctr, init);
    containers.push(ctr);
  }
  for (let i = 0; i < ops; i++) {
    const x = Math.floor(rand() * 500 * 4096 * 20);
    const dev = containers[x % 500];
    const vb = Math.floor(x / 500) % 4096;
    const r = Math.floor(x / (500 * 4096));
    if (r < 9) pool.write(dev, vb);
    else if (r < 18) pool.mappedBlock(dev, vb);
    else pool.discard(dev, vb, 1 + (x & 7));
  }
  return pool;
}

/** Replays the scenario in the worker and says how many operations and blocks it used. */
export function budgetReplay(ops = 2_000_000): { ops: number; devices: number; usedData: number } {
  const pool = budgetPool(ops);
  return { ops, devices: pool.devices.size, usedData: pool.stats().usedData };
}
