// The same scenario scripts with other values: every figure follows, computed here from the real tools' arithmetic.
import { describe, expect, it } from 'vitest';
import {
  dmDaemonJson,
  driverFields,
  freshMetadataBlocks,
  goHumanSize,
  infoField,
  LOOP_DIR,
  poolStatus,
  replay,
  scenarioText,
  withDaemonJson,
} from './replay';

const GiB = 2 ** 30;
const KiB = 1024;
const STATUS = "sudo dmsetup status | grep ' thin-pool '";

/** loop-lvm-setup with these dm.* options; returns its docker info and the replay. */
function setupWith(opts: string[], profile = {}) {
  const r = replay(withDaemonJson(scenarioText('loop-lvm-setup'), dmDaemonJson(opts)), profile);
  return { r, info: r.output('docker info') };
}

/** What docker info must show for a fresh loop pool, by the formulas of deviceset.go and go-units. */
function expectedLoopInfo(p: { data: number; meta: number; block: number; minPct: number; usedBlocks: number; hostFree?: number }) {
  const dataBlocks = Math.floor(p.data / p.block);
  const metaBlocks = p.meta / 4096;
  const total = dataBlocks * p.block;
  const used = p.usedBlocks * p.block;
  const metaUsed = freshMetadataBlocks(dataBlocks, metaBlocks) * 4096;
  const cap = (n: number) => (p.hostFree === undefined ? n : Math.min(n, p.hostFree));
  return {
    'Pool Blocksize': goHumanSize(p.block),
    'Data Space Used': goHumanSize(used),
    'Data Space Total': goHumanSize(total),
    'Data Space Available': goHumanSize(cap(total - used)),
    'Metadata Space Used': goHumanSize(metaUsed),
    'Metadata Space Total': goHumanSize(p.meta),
    'Metadata Space Available': goHumanSize(cap(p.meta - metaUsed)),
    'Thin Pool Minimum Free Space': goHumanSize(Math.floor((dataBlocks * p.minPct) / 100) * p.block),
  };
}

function fields(info: string, names: string[]): Record<string, string> {
  return Object.fromEntries(names.map((n) => [n, infoField(info, n)]));
}

/** The mkfs.xfs footprint on a 10 GiB base device, in pool blocks (the seed's 11.8 MB and 19.92 MB). */
const XFS_FOOTPRINT = { [64 * KiB]: 180, [512 * KiB]: 38 } as Record<number, number>;

/** Host free bytes now, as df reads them (Bfree × Bsize; the root xfs reserves nothing for root). */
function hostFree(r: { then(s: string): string }): number {
  return Number(r.then('df -k /').split('\n')[1].trim().split(/\s+/)[3]) * 1024;
}

describe('loop-lvm-setup with other dm.* options', () => {
  it('dm.loopdatasize=50G: a 50G data file, a 104857600-sector pool and every space figure follow', () => {
    const { r, info } = setupWith(['dm.loopdatasize=50G']);
    // Available is min(total − used, what the host fs has left once the loop files took their blocks).
    const want = expectedLoopInfo({ data: 50 * GiB, meta: 2 * GiB, block: 64 * KiB, minPct: 10, usedBlocks: 180, hostFree: hostFree(r) });
    expect(fields(info, Object.keys(want))).toEqual(want);
    expect(r.output('sudo dmsetup table').trimEnd()).toBe('docker-202:1-8413957-pool: 0 104857600 thin-pool 7:1 7:0 128 32768 1 skip_block_zeroing');
    expect(r.output(`sudo ls -lsh ${LOOP_DIR}/`)).toMatch(/ 50G .* data\n/);
  });

  it('dm.loopmetadatasize=1G: metadata total 1.074 GB and fewer metadata bitmaps in use', () => {
    const { r, info } = setupWith(['dm.loopmetadatasize=1G']);
    const want = expectedLoopInfo({ data: 100 * GiB, meta: GiB, block: 64 * KiB, minPct: 10, usedBlocks: 180, hostFree: hostFree(r) });
    expect(fields(info, ['Metadata Space Used', 'Metadata Space Total', 'Metadata Space Available'])).toEqual({
      'Metadata Space Used': want['Metadata Space Used'],
      'Metadata Space Total': want['Metadata Space Total'],
      'Metadata Space Available': want['Metadata Space Available'],
    });
    expect(r.output(`sudo ls -lsh ${LOOP_DIR}/`)).toMatch(/ 1\.0G .* metadata\n/);
  });

  it('dm.blocksize=512K: 524.3 kB blocks, 1024-sector table, 38 blocks of mkfs footprint, min free by blocks', () => {
    const block = 512 * KiB;
    const { r, info } = setupWith(['dm.blocksize=512K']);
    const want = expectedLoopInfo({ data: 100 * GiB, meta: 2 * GiB, block, minPct: 10, usedBlocks: XFS_FOOTPRINT[block], hostFree: hostFree(r) });
    expect(fields(info, Object.keys(want))).toEqual(want);
    expect(r.output('sudo dmsetup table').trimEnd()).toBe(`docker-202:1-8413957-pool: 0 209715200 thin-pool 7:1 7:0 ${block / 512} 32768 1 skip_block_zeroing`);
  });

  it('dm.basesize=20G: Base Device Size 21.47 GB and containers get 20 GiB thin devices', () => {
    const { r, info } = setupWith(['dm.basesize=20G']);
    expect(infoField(info, 'Base Device Size')).toBe(goHumanSize(20 * GiB));
    r.then('docker run -d --name ctr busybox sleep 3600');
    expect(Number(r.then("docker inspect -f '{{.GraphDriver.Data.DeviceSize}}' ctr"))).toBe(20 * GiB);
    const dev = r.then("docker inspect -f '{{.GraphDriver.Data.DeviceName}}' ctr").trim();
    expect(r.then(`sudo dmsetup table ${dev}`)).toMatch(new RegExp(`^0 ${(20 * GiB) / 512} thin 253:0 \\d+`));
  });

  it('dm.fs=ext4: Backing Filesystem ext4 and containers mount ext4', () => {
    const { r, info } = setupWith(['dm.fs=ext4']);
    expect(infoField(info, 'Backing Filesystem')).toBe('ext4');
    r.then('docker run -d --name ctr busybox sleep 3600');
    expect(r.then('mount | grep devicemapper/mnt')).toMatch(/ type ext4 \(/);
    const df = r.then('docker exec ctr df /').split('\n')[1].trim().split(/\s+/);
    const [total, used, avail] = df.slice(1, 4).map(Number);
    expect(used).toBeGreaterThan(0);
    expect(used + avail).toBeLessThanOrEqual(total);
  });

  it('dm.min_free_space=5%: the minimum is ⌊blocks × 5 / 100⌋ blocks', () => {
    const { info } = setupWith(['dm.min_free_space=5%']);
    expect(infoField(info, 'Thin Pool Minimum Free Space')).toBe(goHumanSize(Math.floor((1638400 * 5) / 100) * 64 * KiB));
  });

  it('dm.min_free_space=0%: no minimum, printed 0 B', () => {
    const { info } = setupWith(['dm.min_free_space=0%']);
    expect(infoField(info, 'Thin Pool Minimum Free Space')).toBe('0 B');
  });

  it('option keys are case-insensitive and later duplicates win', () => {
    const { info } = setupWith(['DM.LoopDataSize=20G', 'dm.loopdatasize=30G']);
    expect(infoField(info, 'Data Space Total')).toBe(goHumanSize(30 * GiB));
  });
});

describe('host free space', () => {
  it('sim hostfree 3G: Data Space Available follows the host, metadata stays below its own total', () => {
    const { r } = setupWith([]);
    r.then('sim hostfree 3G');
    const info = r.then('docker info');
    const used = poolStatus(r.then(STATUS));
    const dataFree = (used.totalData - used.usedData) * 64 * KiB;
    const metaFree = (used.totalMeta - used.usedMeta) * 4096;
    expect(infoField(info, 'Data Space Available')).toBe(goHumanSize(Math.min(dataFree, 3 * GiB)));
    expect(infoField(info, 'Metadata Space Available')).toBe(goHumanSize(Math.min(metaFree, 3 * GiB)));
  });

  it('sim hostfree 1G: both available figures are capped by the host', () => {
    const { r } = setupWith([]);
    r.then('sim hostfree 1G');
    const info = r.then('docker info');
    expect(infoField(info, 'Data Space Available')).toBe(goHumanSize(GiB));
    expect(infoField(info, 'Metadata Space Available')).toBe(goHumanSize(GiB));
  });

  it('df of / agrees with the host free space docker info reads', () => {
    const { r } = setupWith([]);
    r.then('sim hostfree 3G');
    const df = r.then('df -k /').split('\n')[1].trim().split(/\s+/);
    expect(Number(df[3]) * 1024).toBe(3 * GiB);
  });
});

describe('another Docker version (profile dockerVersion 18.09.0)', () => {
  const { r, info } = setupWith([], { dockerVersion: '18.09.0' });

  it('prints the 17.11+ field order, units without a space and deferred removal/deletion on', () => {
    const want = expectedLoopInfo({ data: 100 * GiB, meta: 2 * GiB, block: 64 * KiB, minPct: 10, usedBlocks: 180, hostFree: hostFree(r) });
    const nospace = (s: string) => s.replace(' ', '');
    expect(driverFields(info).map(([k]) => k)).toEqual([
      'Pool Name', 'Pool Blocksize', 'Base Device Size', 'Backing Filesystem', 'Udev Sync Supported',
      'Data file', 'Metadata file', 'Data loop file', 'Metadata loop file',
      'Data Space Used', 'Data Space Total', 'Data Space Available',
      'Metadata Space Used', 'Metadata Space Total', 'Metadata Space Available',
      'Thin Pool Minimum Free Space', 'Deferred Removal Enabled', 'Deferred Deletion Enabled',
      'Deferred Deleted Device Count', 'Library Version',
    ]);
    const f = Object.fromEntries(driverFields(info));
    for (const [k, v] of Object.entries(want)) expect([k, f[k]]).toEqual([k, nospace(v)]);
    expect(f['Base Device Size']).toBe(goHumanSize(10 * GiB, false));
    expect([f['Deferred Removal Enabled'], f['Deferred Deletion Enabled']]).toEqual(['true', 'true']);
    expect(infoField(info, 'Server Version')).toBe('18.09.0');
  });
});

describe('other values in the resize and block stories', () => {
  it('loop-lvm-resize-manual from a 50G data file: 50 then 200 GiB, 104857600 then 419430400 sectors', () => {
    const r = replay(withDaemonJson(scenarioText('loop-lvm-resize-manual'), dmDaemonJson(['dm.loopdatasize=50G'])));
    expect(r.outputs('echo $[ $(sudo blockdev --getsize64 /dev/loop0) / 1024 / 1024 / 1024 ]')).toEqual(['50\n', '200\n']);
    expect(r.outputs('sudo dmsetup table $POOL').map((t) => t.split(' ')[1])).toEqual([String((50 * GiB) / 512), String((200 * GiB) / 512)]);
    expect(infoField(r.output("docker info |grep 'Data Space'"), 'Data Space Total')).toBe(goHumanSize(200 * GiB));
  });

  it('device_tool resize to another size: the total follows (binary GB)', () => {
    const text = scenarioText('loop-lvm-resize-device-tool').replace('./device_tool resize 200GB', './device_tool resize 150GB');
    const r = replay(text);
    expect(r.output('./device_tool status', 1)).toMatch(new RegExp(`^Data use: 180 of ${(150 * GiB) / (64 * KiB)} `, 'm'));
    expect(infoField(r.output("docker info |grep 'Data Space'"), 'Data Space Total')).toBe(goHumanSize(150 * GiB));
  });

  it('small-write-cost with dm.blocksize=512K: a 4 KiB write provisions one 512 KiB block', () => {
    const r = replay(withDaemonJson(scenarioText('small-write-cost'), dmDaemonJson(['dm.blocksize=512K'])));
    const [before, after] = r.outputs(STATUS).map((s) => poolStatus(s).usedData);
    expect(after - before).toBe(1);
  });

  it('write-new-file with dm.blocksize=512K: 640 KiB spans ⌈640/512⌉ = 2 blocks', () => {
    const r = replay(withDaemonJson(scenarioText('write-new-file'), dmDaemonJson(['dm.blocksize=512K'])));
    const [before, after] = r.outputs(STATUS).map((s) => poolStatus(s).usedData);
    expect(after - before).toBe(Math.ceil(640 / 512));
    const [a, b] = r.outputs("docker info | grep 'Data Space Used'").map((s) => infoField(s, 'Data Space Used'));
    expect([a, b]).toEqual([goHumanSize(before * 512 * KiB), goHumanSize(after * 512 * KiB)]);
  });

  it('write-new-file with dm.fs=ext4: still exactly ten 64 KiB blocks', () => {
    const r = replay(withDaemonJson(scenarioText('write-new-file'), dmDaemonJson(['dm.fs=ext4'])));
    const [before, after] = r.outputs(STATUS).map((s) => poolStatus(s).usedData);
    expect(after - before).toBe(10);
  });
});
