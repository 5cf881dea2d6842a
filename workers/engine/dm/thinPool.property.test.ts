import { it, expect } from 'vitest';
import fc from 'fast-check';
import { EventLog } from '../events';
import { ThinPool } from './thinPool';
import { defaultFeatures } from './poolFeatures';

// The naive reference: each device is a plain Map vblock → stamp, copied whole on snapshot.
type Op =
  | { k: 'write'; dev: number; vb: number; n: number }
  | { k: 'read'; dev: number; vb: number }
  | { k: 'discard'; dev: number; vb: number; n: number }
  | { k: 'snap'; dev: number; origin: number }
  | { k: 'delete'; dev: number }
  | { k: 'create'; dev: number };

const DEVS = 6;
const VBLOCKS = 600; // spans several 252-entry leaves
const dev = fc.integer({ min: 0, max: DEVS - 1 });
const vb = fc.integer({ min: 0, max: VBLOCKS - 1 });
const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 10, arbitrary: fc.record({ k: fc.constant('write' as const), dev, vb, n: fc.integer({ min: 1, max: 8 }) }) },
  { weight: 5, arbitrary: fc.record({ k: fc.constant('read' as const), dev, vb }) },
  { weight: 3, arbitrary: fc.record({ k: fc.constant('discard' as const), dev, vb, n: fc.integer({ min: 1, max: 40 }) }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('snap' as const), dev, origin: dev }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('delete' as const), dev }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('create' as const), dev }) },
);

function check(pool: ThinPool, model: Map<number, Map<number, number>>): void {
  // refcount = number of mappings pointing at a block; used + free = total
  const counts = new Map<number, number>();
  for (const [id, m] of model) {
    expect(pool.deviceStats(id)!.mapped).toBe(m.size);
    const md = pool.toMetadata().devices.find((d) => d.devId === id)!;
    for (const d of md.data) counts.set(d, (counts.get(d) ?? 0) + 1);
  }
  expect(pool.deviceIds()).toEqual([...model.keys()].sort((a, b) => a - b));
  let used = 0;
  for (let b = 0; b < pool.sm.nrBlocks; b++) {
    expect(pool.sm.refcount[b]).toBe(counts.get(b) ?? 0);
    if (pool.sm.refcount[b]) used++;
  }
  // the metadata count follows the live leaves (shared leaves counted once)
  const leaves = new Set(pool.deviceIds().flatMap((id) => pool.devices.get(id)!.tree.leaves));
  expect(pool.trees.leaves).toBe(leaves.size);
  const s = pool.stats();
  expect(s.usedData).toBe(used);
  expect(s.usedData + s.freeData).toBe(s.totalData);
}

function run(ops: Op[]): void {
  const pool = ThinPool.format(new EventLog(), 4096, 128, {
    name: 'p',
    devno: '253:0',
    lowWaterMark: 0,
    features: defaultFeatures(),
    nrMetadataBlocks: 16384,
  });
  pool.events.recording = false;
  const model = new Map<number, Map<number, number>>();
  let stamp = 1;
  for (const o of ops) {
    switch (o.k) {
      case 'create':
        expect(pool.createThin(o.dev) === null).toBe(!model.has(o.dev));
        if (!model.has(o.dev)) model.set(o.dev, new Map());
        break;
      case 'snap': {
        const ok = !model.has(o.dev) && model.has(o.origin);
        expect(pool.createSnap(o.dev, o.origin) === null).toBe(ok);
        if (ok) model.set(o.dev, new Map(model.get(o.origin)!));
        break;
      }
      case 'delete':
        expect(pool.deleteThin(o.dev) === null).toBe(model.has(o.dev));
        model.delete(o.dev);
        break;
      case 'write': {
        const m = model.get(o.dev);
        const s = stamp++;
        expect(pool.write(o.dev, o.vb, o.n, s)).toBe(m ? 'ok' : 'ENODEV');
        if (m) for (let i = 0; i < o.n; i++) m.set(o.vb + i, s);
        break;
      }
      case 'discard': {
        const m = model.get(o.dev);
        pool.discard(o.dev, o.vb, o.n);
        if (m) for (let i = 0; i < o.n; i++) m.delete(o.vb + i);
        break;
      }
      case 'read': {
        const m = model.get(o.dev);
        const r = pool.read(o.dev, o.vb);
        expect(r ? r.stamp : undefined).toBe(m?.get(o.vb));
        break;
      }
    }
  }
  // every block of every device reads what was last written there (snapshots isolated)
  for (const [id, m] of model)
    for (let v = 0; v < VBLOCKS + 8; v++) {
      const r = pool.read(id, v);
      expect(r ? r.stamp : undefined).toBe(m.get(v));
    }
  check(pool, model);
}

it('matches a naive copy-on-snapshot model over 100,000 random block operations', () => {
  fc.assert(fc.property(fc.array(op, { minLength: 500, maxLength: 1000 }), run), { numRuns: 140, seed: 20170330 });
});
