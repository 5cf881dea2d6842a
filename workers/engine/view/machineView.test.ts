import { describe, expect, it } from 'vitest';
import { Machine } from '../machine';
import type { PoolMetadata } from '../dm/poolMetadata';
import { machineView } from './machineView';

// A stand-in pool with two devices sharing one block, hung where a dm layer might keep it.
function withFakePool(machine: Machine): Machine {
  const md: PoolMetadata = {
    uuid: '',
    time: 1,
    transaction: 1,
    flags: 0,
    version: 2,
    dataBlockSize: 128,
    nrDataBlocks: 4,
    devices: [
      {
        devId: 1,
        mappedBlocks: 2,
        transaction: 0,
        creationTime: 0,
        snapTime: 0,
        origin: Uint32Array.of(0, 1),
        data: Uint32Array.of(0, 1),
        time: Uint32Array.of(0, 0),
      },
      {
        devId: 2,
        mappedBlocks: 1,
        transaction: 0,
        creationTime: 1,
        snapTime: 1,
        origin: Uint32Array.of(0),
        data: Uint32Array.of(0),
        time: Uint32Array.of(0),
      },
    ],
  };
  const pool = {
    name: 'docker-thinpool',
    lowWaterMark: 1,
    toMetadata: () => md,
    stats: () => ({ usedMetadata: 17, totalMetadata: 256, mode: 'write' }),
  };
  Object.assign(machine.dm, { viewTestPools: new Map([['docker-thinpool', pool]]) });
  return machine;
}

describe('view state of a machine', () => {
  it('lists the host disks with partitions built on them', () => {
    const stack = machineView(new Machine()).stack;
    expect(stack.find((d) => d.name === 'xvda1')?.slaves).toEqual(['xvda']);
    expect(stack.find((d) => d.name === 'xvdf')?.size).toBe(100 * 1024 ** 3);
  });

  it('reads a pool’s figures from its metadata and stats', () => {
    const [p] = machineView(withFakePool(new Machine())).pools;
    expect(p).toEqual({
      name: 'docker-thinpool',
      blockSize: 65536,
      totalBlocks: 4,
      usedBlocks: 2,
      freeBlocks: 2,
      metadataUsed: 17,
      metadataTotal: 256,
      mode: 'write',
      lowWaterMark: 1,
    });
  });

  it('counts shared and exclusive blocks per thin device', () => {
    const thins = machineView(withFakePool(new Machine())).thins;
    expect(thins.map((t) => [t.devId, t.exclusive, t.shared])).toEqual([
      [1, 1, 1],
      [2, 0, 1],
    ]);
  });

  it('leaves the block map out when not asked for', () => {
    expect(machineView(withFakePool(new Machine()), false).blockMaps).toEqual([]);
  });
});
