// Seed §3.3: after a reboot that leaves the pool inactive Docker fails with "Non existing device", until
// `lvchange -ay docker/thinpool`; thinpooldev checks of the pool Docker is given.
import { describe, expect, it } from 'vitest';
import { infoField, manualDirectLvm, must, seedHost, sh, thinpoolDaemonJson } from './helpers';

describe('reboot with the volume group left inactive', () => {
  const s = seedHost();
  manualDirectLvm(s);
  must(s, 'docker run -d --name web busybox sleep 1d', "docker exec web sh -c 'echo hello > /greeting'", 'sim reboot --no-activate');

  it('docker.service fails with Non existing device docker-thinpool', () => {
    expect(sh(s, 'systemctl is-active docker').output.trim()).toBe('failed');
    expect(sh(s, "journalctl -u docker | grep 'Error starting daemon' | tail -1").output).toMatch(
      /dockerd\[\d+\]: Error starting daemon: error initializing graphdriver: devicemapper: Non existing device docker-thinpool\n$/,
    );
  });

  it('lvs shows the pool inactive and lsblk shows no LVM device', () => {
    expect(sh(s, 'sudo lvs --noheadings -o lv_attr docker/thinpool').output.trim()).toBe('twi---t---');
    expect(sh(s, 'sudo lsblk').output).not.toContain('docker-thinpool');
  });

  it('lvchange -ay docker/thinpool prints nothing and activates the pool', () => {
    const r = sh(s, 'sudo lvchange -ay docker/thinpool');
    expect(r).toEqual({ output: '', status: 0 });
    expect(sh(s, 'sudo lvs --noheadings -o lv_attr docker/thinpool').output.trim()).toBe('twi-a-t---');
  });

  it('Docker then starts on the same pool and the container keeps its file', () => {
    must(s, 'sudo systemctl start docker', 'docker start web');
    expect(infoField(s, 'Pool Name')).toBe('docker-thinpool');
    expect(sh(s, 'docker exec web cat /greeting').output).toBe('hello\n');
  });
});

describe('a normal reboot', () => {
  it('activates and monitors the pool before Docker starts', () => {
    const s = seedHost();
    manualDirectLvm(s);
    must(s, 'sim reboot');
    expect(sh(s, 'systemctl is-active docker').output.trim()).toBe('active');
    expect(sh(s, 'sudo lvs --noheadings -o seg_monitor docker/thinpool').output.trim()).toBe('monitored');
  });
});

describe('dm.thinpooldev checks', () => {
  it('a pool that does not exist: Non existing device', () => {
    const s = seedHost();
    must(s, 'sudo systemctl stop docker', 'rm -rf /var/lib/docker/*', thinpoolDaemonJson);
    expect(sh(s, 'sudo systemctl start docker').status).toBe(1);
    expect(sh(s, "journalctl -u docker | grep 'Error starting' | tail -1").output).toContain('devicemapper: Non existing device docker-thinpool');
  });

  it('a device that is not a thin pool', () => {
    const s = seedHost();
    must(
      s,
      'sudo systemctl stop docker',
      'rm -rf /var/lib/docker/*',
      'sudo vgcreate docker /dev/xvdf',
      'sudo lvcreate -n thinpool docker -l 10%VG',
      thinpoolDaemonJson,
    );
    expect(sh(s, 'sudo systemctl start docker').status).toBe(1);
    expect(sh(s, "journalctl -u docker | grep 'Error starting' | tail -1").output).toContain('devmapper: Device docker-thinpool is not a thin pool');
  });

  it('a used pool without Docker metadata: Unable to take ownership', () => {
    const s = seedHost();
    manualDirectLvm(s);
    must(s, 'sudo systemctl stop docker', 'rm -rf /var/lib/docker/devicemapper');
    expect(sh(s, 'sudo systemctl start docker').status).toBe(1);
    expect(sh(s, "journalctl -u docker | grep 'Error starting' | tail -1").output).toContain(
      'devmapper: Unable to take ownership of thin-pool (docker-thinpool) that already has used data blocks',
    );
  });
});
