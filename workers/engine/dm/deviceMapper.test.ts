import { describe, it, expect } from 'vitest';
import { testHost, recordingDisk } from './testHost';
import { ThinPool } from './thinPool';
import { GiB } from '../units';

const POOL = 'docker-202:1-8413957-pool';
const POOL_TABLE = '0 209715200 thin-pool 7:1 7:0 128 32768 1 skip_block_zeroing';

function loopPool(profile = {}) {
  const t = testHost(profile);
  const data = recordingDisk('loop0', 7, 0, 100 * GiB);
  const meta = recordingDisk('loop1', 7, 1, 2 * GiB);
  t.host.blockDevices.add(data);
  t.host.blockDevices.add(meta);
  expect(t.dm.create(POOL, POOL_TABLE)).toBe(null);
  return { ...t, data, meta };
}

describe('tables and status lines', () => {
  it('prints the pool table with devices as MAJ:MIN', () => {
    const { dm } = loopPool();
    expect(dm.table(POOL)).toEqual(['0 209715200 thin-pool 7:1 7:0 128 32768 1 skip_block_zeroing ']);
  });

  it('prints the seed-era pool status without the metadata low watermark', () => {
    const { dm } = loopPool();
    dm.message(POOL, 0, 'create_thin 1');
    expect(dm.status(POOL)).toEqual(['0 209715200 thin-pool 0 142/524288 0/1638400 - rw discard_passdown queue_if_no_space - ']);
  });

  it('adds the metadata low watermark on 4.x kernels', () => {
    const { dm } = loopPool({ kernelVersion: '4.19.0' });
    expect(dm.status(POOL)![0]).toMatch(/ queue_if_no_space - 1024 $/);
  });

  it('prints a thin device status as mapped and highest sector', () => {
    const { dm, host } = loopPool();
    dm.message(POOL, 0, 'create_thin 1');
    expect(dm.create('base', `0 20971520 thin /dev/mapper/${POOL} 1`)).toBe(null);
    const base = host.blockDevices.resolve('/dev/mapper/base')!;
    base.write(0, 4096);
    base.write(20971519 * 512, 512);
    expect(dm.status('base')).toEqual(['0 20971520 thin 256 20971519']);
    expect(dm.table('base')).toEqual(['0 20971520 thin 253:0 1']);
  });

  it('registers dm devices as /dev/dm-N with /dev/mapper aliases and their slaves', () => {
    const { host, data, meta } = loopPool();
    const b = host.blockDevices.resolve(`/dev/mapper/${POOL}`)!;
    expect(b.name).toBe('dm-0');
    expect(b.type).toBe('dm');
    expect(b.size).toBe(100 * GiB);
    expect(b.slaves).toEqual([meta, data]);
  });

  it('types LVM devices as lvm', () => {
    const { dm, host } = loopPool();
    dm.create('vg-lv', '0 8 linear 7:0 0', { uuid: 'LVM-abc' });
    expect(host.blockDevices.resolve('/dev/mapper/vg-lv')!.type).toBe('lvm');
  });
});

describe('errors', () => {
  it('refuses an invalid block size with the kernel log and libdm 1.02.135 wording', () => {
    const { dm, dmesg } = loopPool();
    expect(dm.create('bad', '0 100 thin-pool 7:1 7:0 100 0 0')).toBe('device-mapper: reload ioctl on bad failed: Invalid argument');
    expect(dmesg).toContain('device-mapper: table: 253:1: thin-pool: Invalid block size');
    expect(dm.get('bad')).toBe(undefined);
  });

  it('prints the empty uuid (two spaces) from libdm 1.02.138', () => {
    const { dm } = loopPool({ libdmVersion: '1.02.146-RHEL7 (2018-01-22)' });
    expect(dm.create('bad', '0 100 thin-pool 7:1 7:0 100 0 0')).toBe('device-mapper: reload ioctl on bad  failed: Invalid argument');
  });

  it('reports a message to an existing id as File exists', () => {
    const { dm, dmesg } = loopPool();
    dm.message(POOL, 0, 'create_thin 1');
    expect(dm.message(POOL, 0, 'create_thin 1')).toBe(`device-mapper: message ioctl on ${POOL} failed: File exists`);
    expect(dmesg).toContain('device-mapper: thin: Creation of new thinly-provisioned device with id 1 failed.');
  });

  it('reports unknown devices as No such device or address', () => {
    const { dm } = loopPool();
    expect(dm.remove('nosuch')).toBe('device-mapper: remove ioctl on nosuch failed: No such device or address');
  });

  it('refuses to remove a pool with an active thin device', () => {
    const { dm } = loopPool();
    dm.message(POOL, 0, 'create_thin 1');
    dm.create('base', `0 8 thin 253:0 1`);
    expect(dm.remove(POOL)).toBe(`device-mapper: remove ioctl on ${POOL} failed: Device or resource busy`);
    expect(dm.message(POOL, 0, 'delete 1')).toBe(`device-mapper: message ioctl on ${POOL} failed: Device or resource busy`);
  });

  it('refuses a thin device missing from the pool', () => {
    const { dm, dmesg } = loopPool();
    expect(dm.create('t', '0 8 thin 253:0 7')).toBe('device-mapper: reload ioctl on t failed: No data available');
    expect(dmesg).toContain("device-mapper: table: 253:1: thin: Couldn't open thin internal device");
  });
});

describe('suspend, reload, resume', () => {
  it('keeps the pool suspended on its old table when the data device is too small', () => {
    const { dm, dmesg } = loopPool();
    dm.suspend(POOL);
    expect(dm.reload(POOL, '0 419430400 thin-pool 7:1 7:0 128 32768 1 skip_block_zeroing')).toBe(null);
    expect(dm.info(POOL)!.inactiveTable).toBe(true);
    expect(dm.resume(POOL)).toBe(`device-mapper: resume ioctl on ${POOL} failed: Invalid argument`);
    expect(dmesg).toContain('device-mapper: table: 253:0: loop0 too small for target: start=0, len=419430400, dev_size=209715200');
    expect(dm.info(POOL)).toMatchObject({ suspended: true, inactiveTable: false });
    expect(dm.table(POOL)![0]).toContain(' 209715200 ');
  });

  it('grows the pool when the data device has grown', () => {
    const { dm, dmesg, data } = loopPool();
    data.size = 200 * GiB;
    dm.suspend(POOL);
    dm.reload(POOL, '0 419430400 thin-pool 7:1 7:0 128 32768 1 skip_block_zeroing');
    expect(dm.resume(POOL)).toBe(null);
    expect(dm.poolOf(POOL)!.nrDataBlocks).toBe(3276800);
    expect(dmesg).toContain('device-mapper: thin: 253:0: growing the data device from 1638400 to 3276800 blocks');
    expect(dm.info(POOL)!.suspended).toBe(false);
  });

  it('queues IO on a suspended device and replays it at resume', () => {
    const { dm, host } = loopPool();
    dm.message(POOL, 0, 'create_thin 1');
    dm.create('t', '0 2048 thin 253:0 1');
    dm.suspend('t');
    host.blockDevices.resolve('/dev/mapper/t')!.write(0, 4096);
    expect(dm.poolOf(POOL)!.usedDataBlocks).toBe(0);
    dm.resume('t');
    expect(dm.poolOf(POOL)!.usedDataBlocks).toBe(1);
  });
});

describe('the pool lives on its metadata device', () => {
  it('reopens the same pool after remove and create (docker restart)', () => {
    const { dm, host, store } = loopPool();
    dm.message(POOL, 0, 'create_thin 1');
    dm.create('t', '0 2048 thin 253:0 1');
    host.blockDevices.resolve('/dev/mapper/t')!.write(0, 65536 * 3);
    dm.remove('t');
    const before = dm.poolOf(POOL);
    expect(dm.remove(POOL)).toBe(null);
    expect(store.get('disk:loop1')).toBe(before);
    expect(dm.create(POOL, POOL_TABLE)).toBe(null);
    expect(dm.poolOf(POOL)).toBe(before);
    expect(dm.status(POOL)![0]).toContain(' 3/1638400 ');
  });

  it('formats a fresh pool over unknown metadata', () => {
    const { dm, store } = loopPool();
    expect(store.get('disk:loop1')).toBeInstanceOf(ThinPool);
    expect(dm.poolOf(POOL)!.deviceIds()).toEqual([]);
  });

  it('refuses a second pool on metadata already in use', () => {
    const { dm } = loopPool();
    expect(dm.create('other', POOL_TABLE)).toBe('device-mapper: reload ioctl on other failed: Device or resource busy');
  });

  it('passes discards of freed blocks down to the data device (punching the loop file)', () => {
    const { dm, host, data } = loopPool();
    dm.message(POOL, 0, 'create_thin 1');
    dm.create('t', '0 2048 thin 253:0 1');
    const t = host.blockDevices.resolve('/dev/mapper/t')!;
    t.write(0, 65536 * 2);
    t.discard(0, 65536 * 2);
    expect(data.discarded).toBe(131072);
  });
});
