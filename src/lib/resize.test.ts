import { describe, expect, it } from 'vitest';
import { parseTarget, resizePlan, sizeUnits, tableWithLength, truncateSize } from './resize';
import type { PoolView, StackNode } from '../../workers/engine/view/types';
import { Sandbox } from '../../workers/engine/sandbox';
import { machineView } from '../../workers/engine/view/machineView';
import { setupScripts } from '../../workers/engine/view/freeBehaviour';

const GiB = 1024 ** 3;
const loopPool: PoolView = {
  name: 'docker-202:1-8413957-pool',
  blockSize: 65536,
  totalBlocks: 1638400,
  usedBlocks: 180,
  freeBlocks: 1638220,
  metadataUsed: 142,
  metadataTotal: 524288,
  mode: 'write',
  lowWaterMark: 32768,
  table: '0 209715200 thin-pool 7:1 7:0 128 32768 1 skip_block_zeroing',
  dataFile: { path: '/var/lib/docker/devicemapper/devicemapper/data', device: '/dev/loop0', size: 100 * GiB, allocated: 1 },
};
const lvmPool: PoolView = {
  ...loopPool,
  name: 'docker-thinpool',
  blockSize: 524288,
  totalBlocks: 194560,
  dataFile: undefined,
  table: '0 199229440 thin-pool 253:0 253:1 1024 0 0 skip_block_zeroing',
  lv: { vg: 'docker', lv: 'thinpool', extentSize: 4 * 1024 ** 2, extents: 24319, vgFreeExtents: 1025, autoextendPercent: 20 },
};
const disk = (name: string, size: number, slaves: string[] = []): StackNode => ({
  name,
  label: name,
  devno: '202:0',
  size,
  type: 'disk',
  slaves,
});
const stack = [disk('xvda', 8 * GiB), { ...disk('xvda1', 8 * GiB, ['xvda']), type: 'part' }, disk('xvdf', 100 * GiB)];
const lvmStack = [...stack, { ...disk('dm-0', 95 * GiB, ['xvdf']), type: 'lvm' }];

describe('size units', () => {
  it('converts 200 GiB into sectors, 64 KiB pool blocks and 4 MiB extents', () => {
    expect(sizeUnits(200 * GiB, 65536)).toEqual({ bytes: 200 * GiB, sectors: 419430400, blocks: 3276800, extents: 51200 });
  });

  it('rounds extents up and blocks down, as lvm and dm-thin do', () => {
    expect(sizeUnits(4 * 1024 ** 2 + 512, 65536)).toMatchObject({ sectors: 8193, blocks: 64, extents: 2 });
  });
});

describe('target sizes', () => {
  it('reads truncate’s suffixes: G is GiB, GB is 10^9', () => {
    expect(parseTarget('200G')).toEqual({ ok: true, bytes: 200 * GiB });
    expect(parseTarget('150GB')).toEqual({ ok: true, bytes: 150e9 });
  });

  it('refuses garbage and relative sizes', () => {
    expect(parseTarget('lots')).toEqual({ ok: false, error: "invalid number: 'lots'" });
    expect(parseTarget('+10G').ok).toBe(false);
  });
});

describe('loop-lvm plan', () => {
  it('truncates the file, refreshes the loop device and reloads the table with the new sector count', () => {
    const plan = resizePlan(loopPool, 200 * GiB, stack);
    expect(plan.ok && plan.commands).toEqual([
      'truncate -s 200G /var/lib/docker/devicemapper/devicemapper/data',
      'losetup -c /dev/loop0',
      'dmsetup suspend docker-202:1-8413957-pool',
      'dmsetup reload docker-202:1-8413957-pool --table "0 419430400 thin-pool 7:1 7:0 128 32768 1 skip_block_zeroing"',
      'dmsetup resume docker-202:1-8413957-pool',
    ]);
  });

  it('writes truncate sizes in the largest unit that divides them', () => {
    expect([200 * GiB, 1536 * 1024 ** 2, 1e9].map(truncateSize)).toEqual(['200G', '1536M', '1000000000']);
  });

  it('refuses to shrink', () => {
    expect(resizePlan(loopPool, 50 * GiB, stack).ok).toBe(false);
  });

  it('replaces only the length field of a table', () => {
    expect(tableWithLength('0 8 thin-pool 7:1 7:0 128 32768 1 skip_block_zeroing', 16)).toBe(
      '0 16 thin-pool 7:1 7:0 128 32768 1 skip_block_zeroing',
    );
  });
});

describe('direct-lvm plan', () => {
  it('extends the pool LV in extents when the VG has room', () => {
    const plan = resizePlan(lvmPool, 96 * GiB, lvmStack);
    expect(plan.ok && plan.commands).toEqual(['lvextend -l 24576 docker/thinpool']);
  });

  it('adds a new disk to the VG first when the VG is short of extents', () => {
    const plan = resizePlan(lvmPool, 200 * GiB, lvmStack);
    // 51200 extents wanted, 24319 held, 1025 free: 25856 missing = 101 GiB, +1 MiB of PV metadata → 102 GiB.
    expect(plan.ok && plan.commands).toEqual([
      'sim disk xvdg 102G',
      'vgextend docker /dev/xvdg',
      'lvextend -l 51200 docker/thinpool',
    ]);
  });

  it('uses a spare disk already attached when it is large enough', () => {
    const plan = resizePlan(lvmPool, 200 * GiB, [...lvmStack, disk('xvdh', 200 * GiB)]);
    expect(plan.ok && plan.commands[0]).toBe('vgextend docker /dev/xvdh');
  });
});

describe('plans run on the simulated machine', () => {
  it('grow the loop pool and the LVM pool to the target', () => {
    for (const setup of ['loop-lvm', 'direct-lvm'] as const) {
      const sb = new Sandbox();
      sb.run(setupScripts[setup]);
      const before = machineView(sb.machine, false);
      const plan = resizePlan(before.pools[0], 200 * GiB, before.stack);
      if (!plan.ok) throw new Error(plan.error);
      const r = sb.run(plan.commands.join('\n'));
      expect(r.ok && r.entries.map((e) => [e.command, e.status])).toEqual(plan.commands.map((c) => [c, 0]));
      const [after] = machineView(sb.machine, false).pools;
      expect(after.totalBlocks).toBe(plan.units.blocks);
    }
  });
});
