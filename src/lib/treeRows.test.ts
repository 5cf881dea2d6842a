import { describe, expect, it } from 'vitest';
import { treeIndent, treeRows } from './treeRows';
import { snapshotForest, type SnapshotNode } from './snapshotForest';
import type { ThinView } from '../../workers/engine/view/types';

const thin = (devId: number, parent?: number): ThinView => ({
  pool: 'p',
  devId,
  parent,
  role: 'thin',
  name: '',
  mapped: 0,
  exclusive: 0,
  shared: 0,
});

describe('tree rows', () => {
  it('puts each snapshot below its origin, one level deeper, subtree by subtree', () => {
    const rows = treeRows(snapshotForest([thin(1), thin(2, 1), thin(3, 2), thin(4, 1)], 'p'));
    expect(rows.map((r) => [r.node.device.devId, r.depth, r.parentRow])).toEqual([
      [1, 0, -1],
      [2, 1, 0],
      [3, 2, 1],
      [4, 1, 0],
    ]);
  });

  it('lists every root of the forest at depth 0', () => {
    const rows = treeRows(snapshotForest([thin(1), thin(5)], 'p'));
    expect(rows.map((r) => r.depth)).toEqual([0, 0]);
  });

  it('lays out a chain 100,000 devices deep without running out of stack', () => {
    const root: SnapshotNode = { device: thin(1), children: [] };
    let tip = root;
    for (let i = 2; i <= 100_000; i++) {
      const next = { device: thin(i, i - 1), children: [] };
      tip.children.push(next);
      tip = next;
    }
    expect(treeRows([root]).at(-1)!.depth).toBe(99_999);
  });
});

describe('tree indent', () => {
  it('is the full step when the deepest label fits', () => {
    expect(treeIndent(7, 600)).toBe(18);
  });

  it('shrinks so a deep tree keeps room for its labels', () => {
    expect(treeIndent(40, 600)).toBe(8);
  });

  it('never goes below the minimum', () => {
    expect(treeIndent(1000, 600)).toBe(4);
  });
});
