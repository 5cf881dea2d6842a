import { describe, expect, it } from 'vitest';
import type { PoolMetadata, ThinDeviceMetadata } from '../dm/poolMetadata';
import { blockMapOf, thinCountsOf, usedBlocksOf } from './blockMap';

function dev(devId: number, creationTime: number, maps: [number, number, number][]): ThinDeviceMetadata {
  return {
    devId,
    mappedBlocks: maps.length,
    transaction: 0,
    creationTime,
    snapTime: creationTime,
    origin: Uint32Array.from(maps.map((m) => m[0])),
    data: Uint32Array.from(maps.map((m) => m[1])),
    time: Uint32Array.from(maps.map((m) => m[2])),
  };
}

function pool(devices: ThinDeviceMetadata[], nrDataBlocks = 8): PoolMetadata {
  return { uuid: '', time: 2, transaction: 1, flags: 0, version: 2, dataBlockSize: 128, nrDataBlocks, devices };
}

// Device 1 wrote blocks 0..2; device 2 is its snapshot that kept 0 and 1 and rewrote virtual block 2 into data block 3.
const origin = dev(1, 0, [
  [0, 0, 0],
  [1, 1, 0],
  [2, 2, 0],
]);
const snap = dev(2, 1, [
  [0, 0, 0],
  [1, 1, 0],
  [2, 3, 1],
]);

describe('block map from pool metadata', () => {
  it('counts one reference per mapping to a data block', () => {
    const map = blockMapOf('p', pool([origin, snap]));
    expect([...map.refcount]).toEqual([2, 2, 1, 1, 0, 0, 0, 0]);
  });

  it('gives a shared block to the device that wrote it first', () => {
    const map = blockMapOf('p', pool([snap, origin]));
    expect([...map.owner]).toEqual([1, 1, 1, 2, -1, -1, -1, -1]);
  });

  it('counts used blocks as those with a reference', () => {
    expect(usedBlocksOf(blockMapOf('p', pool([origin, snap])))).toBe(4);
  });

  it('splits each device mapping into exclusive and shared blocks', () => {
    const md = pool([origin, snap]);
    const counts = thinCountsOf('p', md, blockMapOf('p', md));
    expect(counts.map(({ devId, mapped, exclusive, shared }) => ({ devId, mapped, exclusive, shared }))).toEqual([
      { devId: 1, mapped: 3, exclusive: 1, shared: 2 },
      { devId: 2, mapped: 3, exclusive: 1, shared: 2 },
    ]);
  });

  it('ignores mappings past the end of the data device', () => {
    const map = blockMapOf('p', pool([dev(1, 0, [[0, 9, 0]])], 4));
    expect([...map.refcount]).toEqual([0, 0, 0, 0]);
  });
});
