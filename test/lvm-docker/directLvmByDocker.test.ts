// Docker's own direct-lvm setup (dm.directlvm_device, 17.06+): what it builds, what it writes, what it refuses.
import { describe, expect, it } from 'vitest';
import type { Sandbox } from '../../workers/engine/sandbox';
import { humanSize } from '../../workers/engine/units';
import { infoField, must, seedHost, sh } from './helpers';

const EXTENT = 4 * 1024 ** 2;

/** daemon.json with storage options for the devicemapper driver. */
function daemonJson(opts: string[]): string {
  return `cat > /etc/docker/daemon.json <<'JSON'\n${JSON.stringify({ 'storage-driver': 'devicemapper', 'storage-opts': opts }, null, 2)}\nJSON`;
}

/** A host on Docker `version` (stopped) with daemon.json holding `opts`; returns systemctl start's status. */
function startWith(opts: string[], version = '17.06.2-ce'): { s: Sandbox; status: number } {
  const s = seedHost();
  must(s, 'sudo systemctl stop docker', `sim docker-version ${version}`, 'sudo mkdir -p /etc/docker', daemonJson(opts));
  return { s, status: sh(s, 'sudo systemctl start docker').status };
}

/** The dockerd line of the last failed start. */
function startError(s: Sandbox): string {
  return sh(s, "journalctl -u docker | grep 'Error starting daemon' | tail -1").output.replace(/^.*dockerd\[\d+\]: /, '').trimEnd();
}

const seedOpts = [
  'dm.directlvm_device=/dev/xvdf',
  'dm.thinp_percent=95',
  'dm.thinp_metapercent=1',
  'dm.thinp_autoextend_threshold=80',
  'dm.thinp_autoextend_percent=20',
  'dm.directlvm_device_force=false',
];

describe('Docker 17.06 building the pool from dm.directlvm_device', () => {
  const { s, status } = startWith(seedOpts);

  it('starts', () => {
    expect(status).toBe(0);
  });

  it('builds the same pool as the manual procedure (go-units without a space from 17.06)', () => {
    expect(infoField(s, 'Pool Name')).toBe('docker-thinpool');
    expect(infoField(s, 'Pool Blocksize')).toBe('524.3kB');
    expect(infoField(s, 'Data Space Total')).toBe('102GB');
    expect(infoField(s, 'Metadata Space Total')).toBe('1.07GB');
    expect(infoField(s, 'Data Space Used')).toBe('19.92MB');
  });

  it('leaves thinpool, its hidden sub-LVs and the spare in the docker VG', () => {
    const names = sh(s, 'sudo lvs -a --noheadings -o lv_name,lv_size').output.trim().split('\n').map((l) => l.trim().split(/\s+/));
    expect(names).toEqual([
      ['[lvol0_pmspare]', '1020.00m'],
      ['thinpool', '95.00g'],
      ['[thinpool_tdata]', '95.00g'],
      ['[thinpool_tmeta]', '1020.00m'],
    ]);
  });

  it('writes the autoextend profile without a trailing newline, mode 0600', () => {
    expect(sh(s, 'cat /etc/lvm/profile/docker-thinpool.profile').output).toBe('activation{\nthin_pool_autoextend_threshold=80\nthin_pool_autoextend_percent=20\n}');
    expect(sh(s, 'ls -l /etc/lvm/profile/docker-thinpool.profile').output).toMatch(/^-rw------- /);
  });

  it('attaches the profile to the pool', () => {
    expect(sh(s, 'sudo lvs --noheadings -o lv_profile docker/thinpool').output.trim()).toBe('docker-thinpool');
  });

  it('records the given settings in setup-config.json', () => {
    expect(sh(s, 'cat /var/lib/docker/devicemapper/setup-config.json').output).toBe(
      '{"Device":"/dev/xvdf","ThinpPercent":95,"ThinpMetaPercent":1,"AutoExtendPercent":20,"AutoExtendThreshold":80}',
    );
  });

  it('does not turn monitoring on', () => {
    expect(sh(s, 'sudo lvs --noheadings -o seg_monitor docker/thinpool').output.trim()).not.toBe('monitored');
  });

  it('starts again with the same settings without touching LVM', () => {
    const before = sh(s, 'sudo vgdisplay docker | grep Seq').output;
    must(s, 'sudo systemctl restart docker');
    expect(sh(s, 'sudo vgdisplay docker | grep Seq').output).toBe(before);
    expect(infoField(s, 'Pool Name')).toBe('docker-thinpool');
  });

  it('refuses changed settings: changing direct-lvm config is not supported', () => {
    must(s, 'sudo systemctl stop docker', "sed -i 's/thinp_percent=95/thinp_percent=90/' /etc/docker/daemon.json");
    expect(sh(s, 'sudo systemctl start docker').status).toBe(1);
    expect(startError(s)).toBe('Error starting daemon: error initializing graphdriver: changing direct-lvm config is not supported');
  });
});

describe('direct-lvm settings only given in part', () => {
  it('uses Docker defaults (95/1/80/20) and records zeros for what was not given', () => {
    const { s } = startWith(['dm.directlvm_device=/dev/xvdf']);
    expect(sh(s, 'cat /var/lib/docker/devicemapper/setup-config.json').output).toBe(
      '{"Device":"/dev/xvdf","ThinpPercent":0,"ThinpMetaPercent":0,"AutoExtendPercent":0,"AutoExtendThreshold":0}',
    );
    expect(infoField(s, 'Data Space Total')).toBe('102GB');
  });

  it('sizes the LVs from other percentages with lvcreate -l N%VG arithmetic', () => {
    const { s } = startWith(['dm.directlvm_device=/dev/xvdf', 'dm.thinp_percent=60', 'dm.thinp_metapercent=2', 'dm.thinp_autoextend_threshold=70']);
    const pe = 25599;
    expect(infoField(s, 'Data Space Total')).toBe(humanSize(Math.floor((pe * 60) / 100) * EXTENT));
    expect(infoField(s, 'Metadata Space Total')).toBe(humanSize(Math.floor((pe * 2) / 100) * EXTENT));
    expect(sh(s, 'cat /etc/lvm/profile/docker-thinpool.profile').output).toContain('thin_pool_autoextend_threshold=70\nthin_pool_autoextend_percent=20\n');
  });
});

describe('devices Docker refuses, changing nothing', () => {
  it("the document's /dev/xdf: not available for use with devicemapper", () => {
    const { s, status } = startWith(seedOpts.map((o) => o.replace('/dev/xvdf', '/dev/xdf')));
    expect(status).toBe(1);
    expect(startError(s)).toBe('Error starting daemon: error initializing graphdriver: /dev/xdf is not available for use with devicemapper');
    expect(sh(s, 'sudo pvs').output).toBe('');
  });

  it('a disk already in a volume group', () => {
    const s = seedHost();
    must(s, 'sudo systemctl stop docker', 'sim docker-version 17.06.2-ce', 'sudo vgcreate data /dev/xvdf', daemonJson(['dm.directlvm_device=/dev/xvdf']));
    expect(sh(s, 'sudo systemctl start docker').status).toBe(1);
    expect(startError(s)).toBe(
      'Error starting daemon: error initializing graphdriver: /dev/xvdf is already part of a volume group "data": must remove this device from any volume group or provide a different device',
    );
  });

  it('a device with a filesystem, unless forced', () => {
    const { s, status } = startWith(['dm.directlvm_device=/dev/xvda1']);
    expect(status).toBe(1);
    expect(startError(s)).toBe(
      'Error starting daemon: error initializing graphdriver: /dev/xvda1 has a filesystem already, use dm.directlvm_device_force=true if you want to wipe the device',
    );
  });

  it('forced onto a mounted filesystem, pvcreate fails and Docker reports its output', () => {
    const { s, status } = startWith(['dm.directlvm_device=/dev/xvda1', 'dm.directlvm_device_force=true']);
    expect(status).toBe(1);
    const log = sh(s, 'journalctl -u docker').output;
    expect(log).toContain("Error starting daemon: error initializing graphdriver:   Can't open /dev/xvda1 exclusively.  Mounted filesystem?");
    expect(log).toContain(': exit status 5');
    expect(sh(s, 'sudo vgs').output).toBe('');
  });

  it('dm.thinpooldev together with dm.directlvm_device', () => {
    const { s } = startWith(['dm.directlvm_device=/dev/xvdf', 'dm.thinpooldev=/dev/mapper/docker-thinpool']);
    expect(startError(s)).toBe('Error starting daemon: error initializing graphdriver: cannot setup direct-lvm when `dm.thinpooldev` is also specified');
    expect(sh(s, 'sudo pvs').output).toBe('');
  });

  it("an unreadable setup-config.json: Go's JSON error", () => {
    const s = seedHost();
    must(
      s,
      'sudo systemctl stop docker',
      'sim docker-version 17.06.2-ce',
      'mkdir -p /var/lib/docker/devicemapper',
      `echo '{"Device":"/dev/xvdf",}' > /var/lib/docker/devicemapper/setup-config.json`,
      daemonJson(['dm.directlvm_device=/dev/xvdf']),
    );
    expect(sh(s, 'sudo systemctl start docker').status).toBe(1);
    expect(startError(s)).toBe(
      "Error starting daemon: error initializing graphdriver: error unmarshaling previous device setup config: invalid character '}' looking for beginning of object key string",
    );
    expect(sh(s, 'sudo pvs').output).toBe('');
  });

  it('Docker 17.03 does not know the options', () => {
    const { s, status } = startWith(seedOpts, '17.03.1-ce');
    expect(status).toBe(1);
    expect(startError(s)).toBe('Error starting daemon: error initializing graphdriver: devmapper: Unknown option dm.directlvm_device');
  });
});

describe('sim docker-version', () => {
  it('applies at the next start when the daemon runs', () => {
    const s = seedHost();
    expect(sh(s, 'sim docker-version 17.06.2-ce').status).toBe(0);
    expect(sh(s, "docker info | grep 'Server Version'").output).toContain('17.03.1-ce');
    must(s, 'sudo systemctl restart docker');
    expect(sh(s, "docker info | grep 'Server Version'").output).toContain('17.06.2-ce');
  });

  it('refuses a version it does not model', () => {
    const s = seedHost();
    const r = sh(s, 'sim docker-version 25.0.0');
    expect(r.status).toBe(2);
    expect(r.output).toContain("unknown Docker version '25.0.0'");
  });
});
