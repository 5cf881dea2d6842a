import { describe, expect, it } from 'vitest';
import { Sandbox } from '../sandbox';
import { machineView } from './machineView';

// A 1 GiB pool of 64 KiB blocks on xvdf; thin 1 writes virtual blocks 0 and 1, snapshot 2 of it rewrites block 1.
function poolWithSnapshot(): Sandbox {
  const sb = new Sandbox();
  sb.run(`dmsetup create meta --table '0 8192 linear /dev/xvdf 0'
dmsetup create data --table '0 2097152 linear /dev/xvdf 8192'
dmsetup create pool --table '0 2097152 thin-pool /dev/mapper/meta /dev/mapper/data 128 16 0'
dmsetup message pool 0 'create_thin 1'`);
  const pool = sb.machine.dm.poolOf('pool')!;
  pool.write(1, 0, 2);
  pool.createSnap(2, 1);
  pool.write(2, 1, 1);
  return sb;
}

describe('view state of a machine', () => {
  it('lists the host disks with partitions built on them', () => {
    const stack = machineView(new Sandbox().machine).stack;
    expect(stack.find((d) => d.name === 'xvda1')?.slaves).toEqual(['xvda']);
    expect(stack.find((d) => d.name === 'xvdf')?.size).toBe(100 * 1024 ** 3);
  });

  it('reads a pool’s size, usage, mode and low water mark', () => {
    const [p] = machineView(poolWithSnapshot().machine).pools;
    expect(p).toMatchObject({
      name: 'pool',
      blockSize: 65536,
      totalBlocks: 16384,
      usedBlocks: 3,
      freeBlocks: 16381,
      mode: 'write',
      lowWaterMark: 16,
    });
    expect(p.metadataTotal).toBe(1024);
    expect(p.metadataUsed).toBeGreaterThan(0);
  });

  it('counts shared and exclusive blocks per thin device', () => {
    const thins = machineView(poolWithSnapshot().machine).thins;
    expect(thins.map((t) => [t.devId, t.mapped, t.exclusive, t.shared])).toEqual([
      [1, 2, 1, 1],
      [2, 2, 1, 1],
    ]);
  });

  it('maps each used data block to its refcount', () => {
    const [map] = machineView(poolWithSnapshot().machine).blockMaps;
    const counts = [...map.refcount].filter((r) => r > 0).sort();
    expect(counts).toEqual([1, 1, 2]);
  });

  it('leaves the block map out when not asked for', () => {
    expect(machineView(poolWithSnapshot().machine, false).blockMaps).toEqual([]);
  });
});

describe('snapshot origins', () => {
  it('come from the event log, since dm-thin does not keep them', () => {
    const thins = machineView(poolWithSnapshot().machine).thins;
    expect(thins.map((t) => [t.devId, t.parent])).toEqual([
      [1, undefined],
      [2, 1],
    ]);
  });
});

describe('storage stack', () => {
  it('names device-mapper devices by their mapper name, as lsblk does', () => {
    const stack = machineView(poolWithSnapshot().machine).stack;
    const pool = stack.find((d) => d.label === 'pool');
    expect(pool?.name).toMatch(/^dm-\d+$/);
    expect(pool?.slaves.map((s) => stack.find((d) => d.name === s)?.label).sort()).toEqual(['data', 'meta']);
  });
});
