import { describe, expect, it } from 'vitest';
import { runSeedSetup, sandboxWith, sh } from './testMachine';
import type { Sandbox } from '../sandbox';

/** Provisions `fraction` of the pool's data blocks through a thin device. */
function fill(s: Sandbox, fraction: number): void {
  const dm = s.machine.dm;
  if (!dm.get('thin0')) {
    dm.message('docker-thinpool', 0, 'create_thin 0');
    dm.create('thin0', `0 ${400 * 1024 * 1024 * 2} thin 253:2 0`);
  }
  const total = dm.poolOf('docker-thinpool')!.stats().totalData;
  s.machine.host.blockDevices.resolve('/dev/mapper/thin0')!.write(0, Math.ceil(total * fraction) * 512 * 1024);
}

describe('dmeventd in the journal', () => {
  it('journalctl without -u interleaves dm-event.service and docker.service records in time order', () => {
    const s = sandboxWith();
    runSeedSetup(s);
    sh(s, 'vgextend docker /dev/xvdg');
    sh(s, 'lvchange --monitor y docker/thinpool');
    sh(s, 'systemctl restart docker');
    fill(s, 0.81);
    s.machine.lvm.poll();
    const lines = sh(s, 'journalctl --no-pager').output.trimEnd().split('\n');
    const at = (re: RegExp) => lines.findIndex((l) => re.test(l));
    const monitoring = at(/dmeventd\[\d+\]: Monitoring thin pool docker-thinpool\.$/);
    // The restart's dockerd records (the boot's come first of all).
    const dockerd = at(/dockerd\[\d+\]: .*Processing signal 'terminated'/);
    const warning = at(/dmeventd\[\d+\]: WARNING: Thin pool docker-thinpool data is now 81\.00% full\.$/);
    expect(monitoring).toBeGreaterThan(0);
    expect(dockerd).toBeGreaterThan(monitoring);
    expect(warning).toBeGreaterThan(dockerd);
    // -u keeps to one unit.
    expect(sh(s, 'journalctl -u dm-event.service --no-pager').output).not.toMatch(/ dockerd\[/);
  });
});

describe('dmeventd autoextend', () => {
  it('extends the pool data by 20% (4864 extents) at 81% with the 80/20 profile', () => {
    const s = sandboxWith();
    runSeedSetup(s);
    sh(s, 'vgextend docker /dev/xvdg');
    sh(s, 'lvchange --monitor y docker/thinpool');
    fill(s, 0.81);
    s.machine.lvm.poll();
    expect(sh(s, 'lvs -a --noheadings -o lv_size docker/thinpool_tdata').output.trim()).toBe('114.00g');
    const journal = sh(s, 'journalctl -u dm-event.service').output;
    expect(journal).toContain('WARNING: Thin pool docker-thinpool data is now 81.00% full.');
    expect(journal).toContain(
      'Size of logical volume docker/thinpool_tdata changed from 95.00 GiB (24319 extents) to 114.00 GiB (29183 extents).',
    );
  });
  it('logs the failure when the VG lacks free extents', () => {
    const s = sandboxWith();
    runSeedSetup(s);
    sh(s, 'lvchange --monitor y docker/thinpool');
    fill(s, 0.81);
    s.machine.lvm.poll();
    const journal = sh(s, 'journalctl -u dm-event.service --no-pager').output.trimEnd().split('\n');
    expect(
      journal.some((l) =>
        l.endsWith('dmeventd[600]: Insufficient free space: 4864 extents needed, but only 770 available'),
      ),
    ).toBe(true);
    expect(journal[journal.length - 1]).toMatch(/dmeventd\[\d+\]: Failed to extend thin pool docker-thinpool\.$/);
  });
  it('does nothing for an unmonitored pool', () => {
    const s = sandboxWith();
    runSeedSetup(s);
    sh(s, 'vgextend docker /dev/xvdg');
    fill(s, 0.81);
    s.machine.lvm.poll();
    expect(sh(s, 'lvs --noheadings -o lv_size docker/thinpool').output.trim()).toBe('95.00g');
  });
  it('extends through lvextend --use-policies by hand', () => {
    const s = sandboxWith();
    runSeedSetup(s);
    sh(s, 'vgextend docker /dev/xvdg');
    fill(s, 0.81);
    const r = sh(s, 'lvextend --use-policies docker/thinpool');
    expect(r.status).toBe(0);
    expect(r.output).toContain('(29183 extents)');
  });
});
