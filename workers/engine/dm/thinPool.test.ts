import { describe, it, expect } from 'vitest';
import { EventLog } from '../events';
import { ThinPool, type PoolBinding } from './thinPool';
import { defaultFeatures, type PoolFeatures } from './poolFeatures';

function binding(over: Partial<PoolBinding> = {}, features: Partial<PoolFeatures> = {}): PoolBinding {
  return {
    name: 'pool',
    devno: '253:2',
    lowWaterMark: 0,
    features: { ...defaultFeatures(), skipBlockZeroing: true, ...features },
    nrMetadataBlocks: 524288,
    ...over,
  };
}

function pool(nrData = 1638400, over: Partial<PoolBinding> = {}, features: Partial<PoolFeatures> = {}) {
  const events = new EventLog();
  const log: string[] = [];
  const clock = { now: 0 };
  const discards: [number, number][] = [];
  const writes: [number, number][] = [];
  const p = ThinPool.format(events, nrData, 128, {
    ...binding(over, features),
    log: (l) => log.push(l),
    clock,
    dataDevice: { write: (o, l) => (writes.push([o, l]), null), discard: (o, l) => void discards.push([o, l]) },
  });
  return { p, events, log, clock, discards, writes };
}

describe('metadata usage', () => {
  it('is 142 blocks (581632 bytes) for the Docker loop pool with a base device of 180 mappings', () => {
    const { p } = pool();
    p.createThin(1);
    p.write(1, 0, 180);
    expect(p.stats().usedMetadata).toBe(142);
    expect(p.stats().usedMetadata * 4096).toBe(581632);
  });

  it('is 36 blocks (147456 bytes) for the direct-lvm pool', () => {
    const { p } = pool(194552, { nrMetadataBlocks: 261120 });
    p.createThin(1);
    p.write(1, 0, 38);
    expect(p.stats().usedMetadata).toBe(36);
    expect(p.stats().usedMetadata * 4096).toBe(147456);
  });

  it('grows by one leaf for a second device', () => {
    const { p } = pool();
    p.createThin(1);
    p.createThin(2);
    expect(p.stats().usedMetadata).toBe(143);
  });

  it('splits a leaf at 253 mappings (two leaves and an internal root)', () => {
    const { p } = pool();
    p.createThin(1);
    p.write(1, 0, 252);
    expect(p.stats().usedMetadata).toBe(142);
    p.write(1, 252);
    expect(p.stats().usedMetadata).toBe(144);
  });

  it('shares the leaf with a snapshot until a write shadows it', () => {
    const { p } = pool();
    p.createThin(1);
    p.write(1, 0, 10);
    p.createSnap(2, 1);
    expect(p.stats().usedMetadata).toBe(142);
    p.write(2, 3);
    expect(p.stats().usedMetadata).toBe(143);
  });

  it('counts the superblock copy while a metadata snapshot is held', () => {
    const { p } = pool();
    p.createThin(1);
    expect(p.reserveMetadataSnap()).toBe(null);
    expect(p.stats().heldRoot).toBe(142);
    expect(p.stats().usedMetadata).toBe(143);
    expect(p.releaseMetadataSnap()).toBe(null);
    expect(p.stats().usedMetadata).toBe(142);
  });
});

describe('provisioning and copy-on-write', () => {
  it('costs a whole pool block for a 4 KiB write, writing only 4 KiB below with skip_block_zeroing', () => {
    const { p, writes } = pool();
    p.createThin(1);
    expect(p.writeBytes(1, 8192, 4096)).toBe('ok');
    expect(p.stats().usedData).toBe(1);
    expect(writes).toEqual([[8192, 4096]]);
  });

  it('writes the whole block below when zeroing is on', () => {
    const { p, writes } = pool(1000, {}, { skipBlockZeroing: false });
    p.createThin(1);
    p.writeBytes(1, 100, 10);
    expect(writes).toEqual([[0, 65536]]);
  });

  it('allocates next-fit from the last allocation, reusing freed holes only after a reopen', () => {
    const { p } = pool(100);
    p.createThin(1);
    p.write(1, 0, 3);
    p.discard(1, 0);
    p.write(1, 10);
    expect(p.read(1, 10)!.dblock).toBe(3);
    p.reopen();
    p.write(1, 11);
    expect(p.read(1, 11)!.dblock).toBe(0);
  });

  it('breaks sharing by time: a snapshot write gets a new block, the origin keeps the old one', () => {
    const { p } = pool(100);
    p.createThin(1);
    p.write(1, 5, 1, 77);
    p.createSnap(2, 1);
    expect(p.sm.refcount[0]).toBe(2);
    p.write(2, 5, 1, 88);
    expect(p.read(1, 5)).toMatchObject({ dblock: 0, stamp: 77, providedBy: 1 });
    expect(p.read(2, 5)).toMatchObject({ dblock: 1, stamp: 88, providedBy: 2 });
    expect(p.sm.refcount[0]).toBe(1);
  });

  it('also copies on the origin side after a snapshot, even once the snapshot is deleted', () => {
    const { p } = pool(100);
    p.createThin(1);
    p.write(1, 0);
    p.createSnap(2, 1);
    p.deleteThin(2);
    p.write(1, 0);
    expect(p.read(1, 0)!.dblock).toBe(1);
    expect(p.stats().usedData).toBe(1);
  });

  it('sets creation and snap times as the kernel does', () => {
    const { p } = pool(100);
    p.createThin(1);
    p.createSnap(2, 1);
    p.createSnap(3, 2);
    expect([p.deviceStats(1)!.creationTime, p.deviceStats(1)!.snapTime]).toEqual([0, 1]);
    expect([p.deviceStats(2)!.creationTime, p.deviceStats(2)!.snapTime]).toEqual([1, 2]);
    expect([p.deviceStats(3)!.creationTime, p.deviceStats(3)!.snapTime]).toEqual([2, 2]);
    expect(p.time).toBe(2);
  });

  it('reports mapped, exclusive, shared and highest block per device', () => {
    const { p } = pool(100);
    p.createThin(1);
    p.write(1, 0, 4);
    p.createSnap(2, 1);
    p.write(2, 9);
    expect(p.deviceStats(2)).toMatchObject({ mapped: 5, exclusive: 1, shared: 4, highest: 9 });
  });

  it('resolves which device of a chain provided a block', () => {
    const { p } = pool(100);
    p.createThin(1);
    p.write(1, 7);
    p.createSnap(2, 1);
    p.createSnap(3, 2);
    expect(p.resolve([3, 2, 1], 7)!.providedBy).toBe(1);
    expect(p.resolve([3, 2, 1], 8)).toBe(null);
  });
});

describe('delete and discard', () => {
  it('frees blocks whose count reaches zero on delete, without passing discards down', () => {
    const { p, discards } = pool(100);
    p.createThin(1);
    p.write(1, 0, 5);
    p.createSnap(2, 1);
    p.write(2, 0, 2);
    expect(p.deleteThin(2)).toBe(null);
    expect(p.stats().usedData).toBe(5);
    expect(discards).toEqual([]);
  });

  it('passes a discard down when the last reference goes', () => {
    const { p, discards } = pool(100);
    p.createThin(1);
    p.write(1, 0, 4);
    p.discard(1, 1, 2);
    expect(discards).toEqual([[65536, 131072]]);
    expect(p.stats().usedData).toBe(2);
  });

  it('keeps a block shared by a snapshot on discard and passes nothing down', () => {
    const { p, discards } = pool(100);
    p.createThin(1);
    p.write(1, 0);
    p.createSnap(2, 1);
    p.discard(2, 0);
    expect(p.read(2, 0)).toBe(null);
    expect(p.read(1, 0)!.dblock).toBe(0);
    expect(discards).toEqual([]);
  });

  it('unmaps but does not pass down with no_discard_passdown', () => {
    const { p, discards } = pool(100, {}, { noDiscardPassdown: true });
    p.createThin(1);
    p.write(1, 0);
    p.discard(1, 0);
    expect(p.stats().usedData).toBe(0);
    expect(discards).toEqual([]);
  });

  it('ignores discards with ignore_discard', () => {
    const { p } = pool(100, {}, { ignoreDiscard: true });
    p.createThin(1);
    p.write(1, 0);
    p.discard(1, 0);
    expect(p.stats().usedData).toBe(1);
  });

  it('refuses to delete an open device', () => {
    const { p } = pool(100);
    p.createThin(1);
    p.devices.get(1)!.openCount = 1;
    expect(p.deleteThin(1)).toBe('EBUSY');
  });
});

describe('space: low water mark and out of data space', () => {
  it('raises one low water mark event when free blocks fall to it', () => {
    const { p, log, events } = pool(10, { lowWaterMark: 3 });
    p.createThin(1);
    p.write(1, 0, 9);
    expect(events.all.filter((e) => e.type === 'low-water-mark')).toHaveLength(1);
    expect(log).toContain('device-mapper: thin: 253:2: reached low water mark for data device: sending event.');
  });

  it('queues writes when out of data space and fails them after 60 s', () => {
    const { p, log, clock, events } = pool(2);
    p.createThin(1);
    p.write(1, 0, 2);
    expect(p.write(1, 2)).toBe('queued');
    expect(p.stats().mode).toBe('out-of-data-space');
    expect(log).toContain('device-mapper: thin: 253:2: switching pool to out-of-data-space (queue IO) mode');
    clock.now = 59;
    expect(p.stats().queued).toBe(1);
    clock.now = 60;
    expect(p.stats().queued).toBe(0);
    expect(p.stats().errorIfNoSpace).toBe(true);
    expect(events.all.some((e) => e.type === 'io-error')).toBe(true);
  });

  it('completes queued writes when the data device grows, back in write mode', () => {
    const { p, log } = pool(2);
    p.createThin(1);
    p.write(1, 0, 2);
    p.write(1, 2);
    expect(p.resizeData(4)).toBe(null);
    expect(p.stats().mode).toBe('write');
    expect(p.read(1, 2)!.dblock).toBe(2);
    expect(log).toContain('device-mapper: thin: 253:2: growing the data device from 2 to 4 blocks');
  });

  it('fails writes at once with error_if_no_space', () => {
    const { p } = pool(1, {}, { errorIfNoSpace: true });
    p.createThin(1);
    p.write(1, 0);
    expect(p.write(1, 1)).toBe('ENOSPC');
  });

  it('still overwrites provisioned blocks in place when out of data space', () => {
    const { p } = pool(1);
    p.createThin(1);
    p.write(1, 0);
    p.write(1, 1);
    expect(p.write(1, 0, 1, 5)).toBe('ok');
    expect(p.read(1, 0)!.stamp).toBe(5);
  });

  it('refuses to shrink the data device', () => {
    const { p } = pool(100);
    expect(p.resizeData(50)).toBe('device-mapper: thin: 253:2: pool target (50 blocks) too small: expected 100');
  });

  it('goes read-only with needs_check when metadata runs out', () => {
    const { p } = pool(100, { nrMetadataBlocks: 10 });
    expect(p.createThin(1)).toBe('ENOSPC');
    expect(p.stats()).toMatchObject({ mode: 'read-only', needsCheck: true });
    expect(p.createThin(2)).toBe('EOPNOTSUPP');
  });

  it('fails the IO when the data device write fails (host ENOSPC) and maps nothing', () => {
    const events = new EventLog();
    const p = ThinPool.format(events, 10, 128, { ...binding(), dataDevice: { write: () => 'ENOSPC', discard: () => {} } });
    p.createThin(1);
    expect(p.write(1, 0)).toBe('ENOSPC');
    expect(p.read(1, 0)).toBe(null);
    expect(p.stats().usedData).toBe(0);
  });
});

describe('messages', () => {
  it('checks the old transaction id', () => {
    const { p } = pool(10);
    expect(p.setTransactionId(1, 2)).toBe('EINVAL');
    expect(p.setTransactionId(0, 1)).toBe(null);
    expect(p.stats().transaction).toBe(1);
  });

  it('refuses an existing id, a missing origin and ids past 24 bits', () => {
    const { p } = pool(10);
    p.createThin(1);
    expect(p.createThin(1)).toBe('EEXIST');
    expect(p.createSnap(2, 9)).toBe('ENODATA');
    expect(p.createThin(1 << 24)).toBe('EINVAL');
    expect(p.deleteThin(5)).toBe('ENODATA');
  });

  it('refuses a second metadata snapshot and a release without one', () => {
    const { p } = pool(10);
    expect(p.releaseMetadataSnap()).toBe('EINVAL');
    p.reserveMetadataSnap();
    expect(p.reserveMetadataSnap()).toBe('EBUSY');
  });

  it('keeps the held metadata snapshot as it was at reserve time', () => {
    const { p } = pool(10);
    p.createThin(1);
    p.write(1, 0);
    p.reserveMetadataSnap();
    p.write(1, 1);
    expect(p.toMetadataSnapshot()!.devices[0].mappedBlocks).toBe(1);
    expect(p.toMetadata().devices[0].mappedBlocks).toBe(2);
  });
});

describe('metadata import and export', () => {
  it('round-trips devices, mappings and times', () => {
    const { p, events } = pool(100);
    p.createThin(1);
    p.write(1, 0, 3);
    p.createSnap(2, 1);
    p.write(2, 1);
    const md = p.toMetadata();
    const q = ThinPool.fromMetadata(md, events, binding());
    expect(q).toBeInstanceOf(ThinPool);
    expect((q as ThinPool).toMetadata()).toEqual(md);
    expect((q as ThinPool).stats().usedData).toBe(4);
  });

  it('rejects a mapping past the end of the data device', () => {
    const { p, events } = pool(100);
    p.createThin(1);
    p.write(1, 0);
    const md = { ...p.toMetadata(), nrDataBlocks: 0 };
    expect(ThinPool.fromMetadata(md, events, binding())).toBe('mapping beyond end of data device (0 >= 0)');
  });
});

describe('clone', () => {
  it('gives an independent copy with the same figures', () => {
    const { p } = pool(100);
    p.createThin(1);
    p.write(1, 0, 3, 9);
    p.createSnap(2, 1);
    const metadataBefore = p.stats().usedMetadata;
    const c = p.clone();
    expect(c.stats()).toEqual(p.stats());
    c.write(2, 0, 1, 10);
    c.deleteThin(1);
    expect(p.read(2, 0)!.stamp).toBe(9);
    expect(p.deviceIds()).toEqual([1, 2]);
    expect(p.stats().usedMetadata).toBe(metadataBefore);
    expect(c.read(2, 0)!.stamp).toBe(10);
  });
});
