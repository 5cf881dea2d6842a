// The seed document's figures, reproduced by replaying the scenario library on the default (seed) host.
import { describe, expect, it } from 'vitest';
import { driverFields, infoField, LOOP_DIR, replayScenario, type Replay } from './replay';

const POOL = 'docker-202:1-8413957-pool';

/** Replays a scenario once per file and shares it between the tests that read it. */
function lazy(name: string): () => Replay {
  let r: Replay | undefined;
  return () => (r ??= replayScenario(name));
}

describe('loop-lvm-setup (seed 2.1)', () => {
  const r = lazy('loop-lvm-setup');

  it('prints the seed docker info storage block, with the real loop file paths and kB', () => {
    expect(driverFields(r().output('docker info'))).toEqual([
      ['Pool Name', POOL],
      ['Pool Blocksize', '65.54 kB'],
      ['Base Device Size', '10.74 GB'],
      ['Backing Filesystem', 'xfs'],
      ['Data file', '/dev/loop0'],
      ['Metadata file', '/dev/loop1'],
      ['Data Space Used', '11.8 MB'],
      ['Data Space Total', '107.4 GB'],
      ['Data Space Available', '7.44 GB'],
      ['Metadata Space Used', '581.6 kB'],
      ['Metadata Space Total', '2.147 GB'],
      ['Metadata Space Available', '2.147 GB'],
      ['Thin Pool Minimum Free Space', '10.74 GB'],
      ['Udev Sync Supported', 'true'],
      ['Deferred Removal Enabled', 'false'],
      ['Deferred Deletion Enabled', 'false'],
      ['Deferred Deleted Device Count', '0'],
      ['Data loop file', `${LOOP_DIR}/data`],
      ['Metadata loop file', `${LOOP_DIR}/metadata`],
      ['Library Version', '1.02.135-RHEL7 (2016-11-16)'],
    ]);
  });

  it('prints the header of docker info as the seed: no containers, no images, 17.03.1-ce, devicemapper', () => {
    const head = r().output('docker info').split('\n').slice(0, 7);
    expect(head).toEqual(['Containers: 0', ' Running: 0', ' Paused: 0', ' Stopped: 0', 'Images: 0', 'Server Version: 17.03.1-ce', 'Storage Driver: devicemapper']);
  });

  it('shows sparse loop files of 100G and 2.0G apparent size', () => {
    const ls = r().output(`sudo ls -lsh ${LOOP_DIR}/`);
    expect(ls).toMatch(/ -rw------- 1 root root 100G \w{3} [ \d]\d \d\d:\d\d data\n/);
    expect(ls).toMatch(/ -rw------- 1 root root 2\.0G \w{3} [ \d]\d \d\d:\d\d metadata\n/);
  });

  it('builds the pool with the seed table line on loop1 (metadata) and loop0 (data)', () => {
    expect(r().output('sudo dmsetup table').trimEnd()).toBe(`${POOL}: 0 209715200 thin-pool 7:1 7:0 128 32768 1 skip_block_zeroing`);
  });

  it('lists the loop devices under lsblk with their sizes and the pool above each', () => {
    const lsblk = r().output('sudo lsblk');
    expect(lsblk).toMatch(/^loop0 +7:0 +0 +100G +0 loop *$/m);
    expect(lsblk).toMatch(/^loop1 +7:1 +0 +2G +0 loop *$/m);
    expect(lsblk.match(new RegExp(`└─${POOL} +253:0 +0 +100G +0 dm`, 'g'))?.length).toBe(2);
  });
});

describe('loop-lvm-resize-manual (seed 3.2.1, operating system tools)', () => {
  const r = lazy('loop-lvm-resize-manual');
  const LS = `sudo ls -lh ${LOOP_DIR}/`;
  const GIB = 'echo $[ $(sudo blockdev --getsize64 /dev/loop0) / 1024 / 1024 / 1024 ]';

  it('docker info names the real loop files', () => {
    // The loop warning goes to stderr, straight to the terminal; grep passes only the two lines.
    expect(r().output("docker info |grep 'loop file'")).toMatch(new RegExp(`\n Data loop file: ${LOOP_DIR}/data\n Metadata loop file: ${LOOP_DIR}/metadata\n$`));
  });

  it('ls -lh shows 100G then 200G after truncate, metadata staying 2.0G', () => {
    const [before, after] = r().outputs(LS);
    expect(before).toMatch(/ 100G .* data\n/);
    expect(after).toMatch(/ 200G .* data\n/);
    expect(before).toMatch(/ 2\.0G .* metadata\n/);
    expect(after).toMatch(/ 2\.0G .* metadata\n/);
  });

  it('the loop device reports 100 GiB until losetup -c, then 200', () => {
    expect(r().outputs(GIB)).toEqual(['100\n', '200\n']);
  });

  it('the awk pipeline extracts the pool name', () => {
    expect(r().output('echo $POOL')).toBe(`${POOL}\n`);
  });

  it('dmsetup table shows 209715200 sectors before the reload and 419430400 after', () => {
    const [before, after] = r().outputs('sudo dmsetup table $POOL').map((t) => t.trimEnd());
    expect(before).toBe('0 209715200 thin-pool 7:1 7:0 128 32768 1 skip_block_zeroing');
    expect(after).toBe('0 419430400 thin-pool 7:1 7:0 128 32768 1 skip_block_zeroing');
  });

  it('suspend, reload and resume print nothing and succeed', () => {
    for (const e of r().entries.filter((x) => /^sudo dmsetup (suspend|reload|resume) /.test(x.command))) {
      expect([e.command, e.output, e.status]).toEqual([e.command, '', 0]);
    }
  });

  it('docker info then reports a 214.7 GB pool, used unchanged, available still capped by the host', () => {
    const out = r().output("docker info |grep 'Data Space'");
    expect(infoField(out, 'Data Space Total')).toBe('214.7 GB');
    expect(infoField(out, 'Data Space Used')).toBe('11.8 MB');
    expect(infoField(out, 'Data Space Available')).toBe('7.44 GB');
  });
});

describe('loop-lvm-resize-device-tool (seed 3.2.1, device_tool)', () => {
  const r = lazy('loop-lvm-resize-device-tool');

  it('device_tool status shows the pool, the loop files and the block counts', () => {
    expect(r().output('./device_tool status', 0)).toBe(
      [
        `Pool name: ${POOL}`,
        `Data Loopback file: ${LOOP_DIR}/data`,
        `Metadata Loopback file: ${LOOP_DIR}/metadata`,
        'Sector size: 65536',
        'Data use: 180 of 1638400 (0.0 %)',
        'Metadata use: 142 of 524288 (0.0 %)',
        '',
      ].join('\n'),
    );
  });

  it('resize 200GB prints nothing and doubles the data blocks', () => {
    expect(r().output('./device_tool resize 200GB')).toBe('');
    expect(r().output('./device_tool status', 1)).toMatch(/^Data use: 180 of 3276800 \(0\.0 %\)$/m);
  });

  it('growing the data space map past 168 bitmaps splits its index: 201 bitmaps and 2 more index nodes', () => {
    // 8 fixed blocks + ⌈3276800/16320⌉ data bitmaps + ⌈524288/16320⌉ metadata bitmaps + a root over two index leaves.
    const used = 8 + Math.ceil(3276800 / 16320) + Math.ceil(524288 / 16320) + 2;
    expect(r().output('./device_tool status', 1)).toMatch(new RegExp(`^Metadata use: ${used} of 524288 \\(0\\.0 %\\)$`, 'm'));
  });

  it('docker info reports the same 214.7 GB total as the manual resize', () => {
    const out = r().output("docker info |grep 'Data Space'");
    expect(infoField(out, 'Data Space Total')).toBe('214.7 GB');
    expect(r().then(`sudo dmsetup table ${POOL}`).trimEnd()).toBe('0 419430400 thin-pool 7:1 7:0 128 32768 1 skip_block_zeroing');
    expect(r().then(`sudo ls -lh ${LOOP_DIR}/`)).toMatch(/ 200G .* data\n/);
  });
});
