import { describe, expect, it } from 'vitest';
import { runSeedSetup, sandboxWith, sh } from './testMachine';
import { GiB } from '../units';

describe('the seed procedure', () => {
  it('prints the lvconvert warnings of 2.02.166', () => {
    const s = sandboxWith();
    for (const l of ['pvcreate /dev/xvdf', 'vgcreate docker /dev/xvdf', 'lvcreate -n thinpool docker -l 95%VG', 'lvcreate -n thinpoolmeta docker -l 1%VG'])
      sh(s, l);
    const r = sh(s, 'lvconvert -y --zero n -c 512K --thinpool docker/thinpool --poolmetadata docker/thinpoolmeta');
    expect(r.output).toBe(
      "  WARNING: Converting logical volume docker/thinpool and docker/thinpoolmeta to thin pool's data and metadata volumes with metadata wiping.\n" +
        '  THIS WILL DESTROY CONTENT OF LOGICAL VOLUME (filesystem etc.)\n' +
        '  Converted docker/thinpool to thin pool.\n',
    );
  });
  it('shows the pool in lvs -o+seg_monitor, monitored after lvchange --monitor y', () => {
    const s = sandboxWith();
    runSeedSetup(s);
    expect(sh(s, 'lvs -o+seg_monitor').output.split('\n')[1]).toBe(
      '  thinpool docker twi-a-t--- 95.00g             0.00   0.01                             not monitored',
    );
    sh(s, 'lvchange --monitor y docker/thinpool');
    expect(sh(s, 'lvs -o+seg_monitor').output.split('\n')[1]).toBe(
      '  thinpool docker twi-a-t--- 95.00g             0.00   0.01                             monitored',
    );
  });
  it('lists the hidden sub-LVs and the 255-extent spare with lvs -a', () => {
    const s = sandboxWith();
    runSeedSetup(s);
    const lines = sh(s, 'lvs -a').output.split('\n');
    expect(lines[0]).toBe('  LV               VG     Attr       LSize    Pool Origin Data%  Meta%  Move Log Cpy%Sync Convert');
    expect(lines[1].trimEnd()).toBe('  [lvol0_pmspare]  docker ewi------- 1020.00m');
    expect(lines[3].trimEnd()).toBe('  [thinpool_tdata] docker Twi-ao----   95.00g');
    expect(lines[4].trimEnd()).toBe('  [thinpool_tmeta] docker ewi-ao---- 1020.00m');
  });
  it('leaves 770 free extents after conversion (pvdisplay)', () => {
    const s = sandboxWith();
    runSeedSetup(s);
    const out = sh(s, 'pvdisplay').output;
    expect(out).toContain('  PV Size               100.00 GiB / not usable 4.00 MiB\n');
    expect(out).toContain('  Free PE               770\n');
    expect(out).toContain('  Allocated PE          24829\n');
  });
  it('counts one visible LV and 3.01 GiB free in vgdisplay', () => {
    const s = sandboxWith();
    runSeedSetup(s);
    const out = sh(s, 'vgdisplay').output;
    expect(out).toContain('  Cur LV                1\n');
    expect(out).toContain('  Alloc PE / Size       24829 / 96.99 GiB\n');
    expect(out).toContain('  Free  PE / Size       770 / 3.01 GiB\n');
  });
  it('greps the VG name out of pvdisplay', () => {
    const s = sandboxWith();
    runSeedSetup(s);
    expect(sh(s, "pvdisplay | grep 'VG Name'").output).toBe('  VG Name               docker\n');
  });
  it('grows the pool data to 50688 extents after vgextend with the exact message', () => {
    const s = sandboxWith();
    runSeedSetup(s);
    expect(sh(s, 'vgextend docker /dev/xvdg').output).toBe(
      '  Physical volume "/dev/xvdg" successfully created.\n  Volume group "docker" successfully extended\n',
    );
    expect(sh(s, 'vgs --noheadings -o vg_free_count').output.trim()).toBe('26369');
    expect(sh(s, 'lvextend -l+100%FREE -n docker/thinpool').output).toBe(
      '  Size of logical volume docker/thinpool_tdata changed from 95.00 GiB (24319 extents) to 198.00 GiB (50688 extents).\n' +
        '  Logical volume docker/thinpool_tdata successfully resized.\n',
    );
  });
  it('reloads the active pool with the grown data device and the profile low water mark', () => {
    const s = sandboxWith();
    runSeedSetup(s);
    sh(s, 'vgextend docker /dev/xvdg');
    sh(s, 'lvextend -l+100%FREE -n docker/thinpool');
    expect(s.machine.dm.table('docker-thinpool')![0].trim()).toBe('0 415236096 thin-pool 253:0 253:1 1024 81100 1 skip_block_zeroing');
    expect(s.machine.dm.table('docker-thinpool_tdata')).toHaveLength(3);
  });
  it('activates tmeta, tdata and the pool as 253:0, 253:1, 253:2', () => {
    const s = sandboxWith();
    runSeedSetup(s);
    const dm = s.machine.dm;
    expect(['docker-thinpool_tmeta', 'docker-thinpool_tdata', 'docker-thinpool'].map((n) => `${dm.get(n)!.major}:${dm.get(n)!.minor}`)).toEqual([
      '253:0',
      '253:1',
      '253:2',
    ]);
    expect(dm.get('docker-thinpool')!.uuid).toMatch(/^LVM-[0-9A-Za-z]{64}$/);
  });
  it('prints sizes with the < mark in lvm2 2.03', () => {
    const s = sandboxWith(undefined, '2.03.16');
    runSeedSetup(s);
    expect(sh(s, 'lvs').output.split('\n')[1]).toContain(' <95.00g ');
  });
  it('follows other disk sizes: 50%VG of a 20 GiB disk is 2559 extents', () => {
    const s = sandboxWith([{ name: 'xvdg', size: 20 * GiB }]);
    sh(s, 'vgcreate small /dev/xvdg');
    sh(s, 'lvcreate -n half small -l 50%VG');
    expect(sh(s, 'lvs --noheadings -o lv_size small/half').output.trim()).toBe('10.00g');
    expect(sh(s, 'vgs --noheadings -o vg_free_count small').output.trim()).toBe('2560');
  });
});

describe('errors change nothing', () => {
  it('refuses a missing device with the 2.02.166 text', () => {
    const s = sandboxWith();
    expect(sh(s, 'pvcreate /dev/xvdh')).toEqual({ output: '  Device /dev/xvdh not found (or ignored by filtering).\n', status: 5 });
  });
  it('refuses a second VG of the same name', () => {
    const s = sandboxWith();
    sh(s, 'vgcreate docker /dev/xvdf');
    expect(sh(s, 'vgcreate docker /dev/xvdg')).toEqual({ output: '  A volume group called docker already exists.\n', status: 5 });
    expect(s.machine.lvm.pvs.has('/dev/xvdg')).toBe(false);
  });
  it('refuses an existing LV name', () => {
    const s = sandboxWith();
    runSeedSetup(s);
    expect(sh(s, 'lvcreate -n thinpool docker -l 1').output).toBe('  Logical Volume "thinpool" already exists in volume group "docker"\n');
  });
  it('reports a pool extension the VG cannot hold and keeps the size', () => {
    const s = sandboxWith();
    runSeedSetup(s);
    expect(sh(s, 'lvextend -L+10G docker/thinpool')).toEqual({ output: '  Insufficient free space: 2560 extents needed, but only 770 available\n', status: 5 });
    expect(sh(s, 'lvs --noheadings -o lv_size docker/thinpool').output.trim()).toBe('95.00g');
  });
  it('reports a size that matches the existing one', () => {
    const s = sandboxWith();
    runSeedSetup(s);
    sh(s, 'lvextend -l+100%FREE docker/thinpool');
    expect(sh(s, 'lvextend -l+100%FREE docker/thinpool')).toEqual({ output: '  New size (25089 extents) matches existing size (25089 extents).\n', status: 5 });
  });
  it('rejects a bad percent base as a command line error', () => {
    const s = sandboxWith();
    sh(s, 'vgcreate docker /dev/xvdf');
    expect(sh(s, 'lvcreate -n x docker -l 10%XX')).toEqual({
      output: '  Invalid argument for --extents: 10%XX\n  Error during parsing of command line.\n',
      status: 3,
    });
  });
  it('names a missing VG and LV as lvm does', () => {
    const s = sandboxWith();
    sh(s, 'vgcreate docker /dev/xvdf');
    expect(sh(s, 'lvextend -l+1 nosuchvg/x').output).toBe('  Volume group "nosuchvg" not found\n  Cannot process volume group nosuchvg\n');
    expect(sh(s, 'lvchange -ay docker/nosuch').output).toBe('  Failed to find logical volume "docker/nosuch"\n');
  });
  it('rounds -L up to whole extents with a message', () => {
    const s = sandboxWith();
    sh(s, 'vgcreate docker /dev/xvdf');
    expect(sh(s, 'lvcreate -n small docker -L 10M').output).toBe(
      '  Rounding up size to full physical extent 12.00 MiB\n  Logical volume "small" created.\n',
    );
  });
});

describe('reboot', () => {
  it('brings the pool back on boot, or leaves it inactive until lvchange -ay', () => {
    const s = sandboxWith();
    runSeedSetup(s);
    const lvm = s.machine.lvm;
    lvm.deactivateAll();
    expect(s.machine.dm.get('docker-thinpool')).toBeUndefined();
    lvm.activateOnBoot({ activate: false });
    expect(s.machine.dm.get('docker-thinpool')).toBeUndefined();
    expect(sh(s, 'lvchange -ay docker/thinpool')).toEqual({ output: '', status: 0 });
    expect(s.machine.dm.get('docker-thinpool')).toBeDefined();
  });
});
