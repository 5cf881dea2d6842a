import { describe, expect, it } from 'vitest';
import { snapshotForest } from './snapshotForest';
import type { ThinView } from '../../workers/engine/view/types';

const thin = (devId: number, parent?: number, pool = 'p'): ThinView => ({
  pool,
  devId,
  parent,
  role: 'thin',
  name: '',
  mapped: 0,
  exclusive: 0,
  shared: 0,
});

describe('snapshot forest', () => {
  it('hangs each snapshot under its origin', () => {
    const [root] = snapshotForest([thin(1), thin(2, 1), thin(3, 2), thin(4, 2)], 'p');
    expect(root.device.devId).toBe(1);
    expect(root.children.map((c) => c.device.devId)).toEqual([2]);
    expect(root.children[0].children.map((c) => c.device.devId)).toEqual([3, 4]);
  });

  it('makes a device whose origin is gone a root', () => {
    expect(snapshotForest([thin(5, 3), thin(6)], 'p').map((n) => n.device.devId)).toEqual([5, 6]);
  });

  it('keeps only the asked pool', () => {
    expect(snapshotForest([thin(1), thin(2, undefined, 'q')], 'p').length).toBe(1);
  });

  it('breaks a parent cycle instead of losing the devices', () => {
    const roots = snapshotForest([thin(1, 2), thin(2, 1)], 'p');
    expect(roots.length).toBe(1);
    expect(roots[0].children.length).toBe(1);
  });
});
