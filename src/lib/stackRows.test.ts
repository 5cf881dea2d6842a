import { describe, expect, it } from 'vitest';
import { stackRows } from './stackRows';
import type { StackNode } from '../../workers/engine/view/types';

const node = (name: string, slaves: string[] = [], type = 'disk'): StackNode => ({
  name,
  label: name,
  devno: '0:0',
  size: 0,
  type,
  slaves,
});

describe('storage stack rows', () => {
  it('draws devices under the devices they are built on, as lsblk', () => {
    const rows = stackRows([
      node('xvdf'),
      node('docker-thinpool_tmeta', ['xvdf'], 'lvm'),
      node('docker-thinpool_tdata', ['xvdf'], 'lvm'),
      node('docker-thinpool', ['docker-thinpool_tmeta', 'docker-thinpool_tdata'], 'lvm'),
    ]);
    expect(rows.map((r) => r.prefix + r.node.name)).toEqual([
      'xvdf',
      '├─docker-thinpool_tdata',
      '│ └─docker-thinpool',
      '└─docker-thinpool_tmeta',
      '  └─docker-thinpool',
    ]);
  });

  it('does not loop on devices that are each other’s slaves', () => {
    const rows = stackRows([node('a'), node('b', ['a', 'c']), node('c', ['b'])]);
    expect(rows.length).toBeLessThan(40);
  });
});
