import { describe, expect, it } from 'vitest';
import { Sandbox } from '../sandbox';
import { GiB } from '../units';
import type { HostProfile } from '../profile';

/** Runs a script and returns each command's output (stdout and stderr in order). */
function run(sb: Sandbox, script: string): string[] {
  const r = sb.run(script);
  if (!r.ok) throw new Error(r.error.message);
  return r.entries.map((e) => e.output);
}

function last(sb: Sandbox, cmd: string): string {
  return run(sb, cmd).pop() ?? '';
}

/** The "Storage Driver" section of docker info: the driver line and its indented pairs. */
function driverSection(sb: Sandbox): string[] {
  const lines = last(sb, 'docker info 2>/dev/null').split('\n');
  const i = lines.findIndex((l) => l.startsWith('Storage Driver: '));
  const out = [lines[i]];
  for (let j = i + 1; lines[j]?.startsWith(' '); j++) out.push(lines[j]);
  return out;
}

/** The seed's host with its root xfs made with ftype=1 (d_type supported). */
function ftype1(): Partial<HostProfile> {
  return {
    disks: [
      {
        name: 'xvda',
        size: 8 * GiB,
        major: 202,
        minor: 0,
        partitions: [{ size: 8 * GiB, fs: 'xfs', mountpoint: '/', ftype: 1 }],
      },
      { name: 'xvdf', size: 100 * GiB, major: 202, minor: 80 },
    ],
  };
}

const JOB_FAILED =
  'Job for docker.service failed because the control process exited with error code. See "systemctl status docker.service" and "journalctl -xe" for details.\n';
const D_TYPE_117 =
  'overlay: the backing xfs filesystem is formatted without d_type support, which leads to incorrect behavior. Reformat the filesystem with ftype=1 to enable d_type support.';

describe('the driver dockerd picks with none configured', () => {
  it('17.03 on RHEL 7.3 (3.10.0-514, xfs ftype=0): overlay, since overlay2 refuses a pre-4.0 kernel', () => {
    const sb = new Sandbox();
    expect(driverSection(sb)).toEqual([
      'Storage Driver: overlay',
      ' Backing Filesystem: xfs',
      ' Supports d_type: false',
    ]);
    expect(last(sb, 'ls /var/lib/docker').split('\n')).toContain('overlay');
    expect(run(sb, 'ls -d /var/lib/docker/overlay2')[0]).toBe(
      'ls: cannot access /var/lib/docker/overlay2: No such file or directory\n',
    );
  });

  it('17.03 logs the d_type warning of 1.13 and docker info repeats it, wrapped, on stderr', () => {
    const sb = new Sandbox();
    expect(last(sb, 'journalctl -u docker | grep level=warning')).toContain(
      `level=warning msg="${D_TYPE_117} Running without d_type support will no longer be supported in Docker 1.16."`,
    );
    expect(last(sb, 'docker info 2>&1 >/dev/null')).toBe(
      'WARNING: overlay: the backing xfs filesystem is formatted without d_type support, which leads to incorrect behavior.\n' +
        '         Reformat the filesystem with ftype=1 to enable d_type support.\n' +
        '         Running without d_type support will not be supported in future releases.\n',
    );
  });

  it('17.03 on a 4.x kernel: overlay2, without the Native Overlay Diff line 17.06 added', () => {
    const sb = new Sandbox({ kernelVersion: '4.9.0-0.bpo.2-amd64', ...ftype1() });
    expect(driverSection(sb)).toEqual([
      'Storage Driver: overlay2',
      ' Backing Filesystem: xfs',
      ' Supports d_type: true',
    ]);
    expect(last(sb, 'docker info 2>&1 >/dev/null')).toBe('');
  });

  it('17.06 on a 4.x kernel shows Native Overlay Diff', () => {
    const sb = new Sandbox({ kernelVersion: '4.9.0', dockerVersion: '17.06.2-ce', ...ftype1() });
    expect(driverSection(sb)).toEqual([
      'Storage Driver: overlay2',
      ' Backing Filesystem: xfs',
      ' Supports d_type: true',
      ' Native Overlay Diff: true',
    ]);
  });

  it('17.09 on 3.10 still takes overlay: the kernel check is by version until 17.12', () => {
    const sb = new Sandbox({ dockerVersion: '17.09.1-ce', ...ftype1() });
    expect(driverSection(sb)[0]).toBe('Storage Driver: overlay');
  });

  it('18.09 on 3.10.0-514 with ftype=1: overlay2, its probe finds RHEL 7 multiple lower dirs', () => {
    const sb = new Sandbox({ dockerVersion: '18.09.0', ...ftype1() });
    expect(driverSection(sb)).toEqual([
      'Storage Driver: overlay2',
      ' Backing Filesystem: xfs',
      ' Supports d_type: true',
      ' Native Overlay Diff: true',
    ]);
  });

  it('18.09 on ftype=0 xfs: both overlay drivers refuse a fresh home without d_type, so devicemapper (loop-lvm)', () => {
    const sb = new Sandbox({ dockerVersion: '18.09.0' });
    expect(driverSection(sb)[0]).toBe('Storage Driver: devicemapper');
    expect(last(sb, 'ls /var/lib/docker').split('\n')).not.toContain('overlay');
  });

  it('1.12 tries devicemapper before overlay and has no overlay2 in its list', () => {
    const sb = new Sandbox({ dockerVersion: '1.12.6', kernelVersion: '4.9.0', ...ftype1() });
    expect(driverSection(sb)[0]).toBe('Storage Driver: devicemapper');
  });
});

describe('overlay2 configured on 17.03 and kernel 3.10', () => {
  function stoppedWith(json: string): Sandbox {
    const sb = new Sandbox();
    run(sb, `systemctl stop docker\necho '${json}' > /etc/docker/daemon.json`);
    return sb;
  }

  it('fails to start with "driver not supported", Docker stays down and nothing is created', () => {
    const sb = stoppedWith('{"storage-driver": "overlay2"}');
    const before = last(sb, 'ls -R /var/lib/docker');
    expect(run(sb, 'systemctl start docker')).toEqual([JOB_FAILED]);
    expect(last(sb, 'journalctl -u docker')).toContain(
      ': Error starting daemon: error initializing graphdriver: driver not supported\n',
    );
    expect(last(sb, 'docker info')).toBe(
      'Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?\n',
    );
    expect(last(sb, 'ls -R /var/lib/docker')).toBe(before);
    expect(last(sb, 'systemctl is-active docker')).toBe('failed\n');
  });

  it('runs with overlay2.override_kernel_check=true, logging the pre-4.0 warning then d_type', () => {
    const sb = stoppedWith('{"storage-driver": "overlay2", "storage-opts": ["overlay2.override_kernel_check=true"]}');
    expect(run(sb, 'systemctl start docker')).toEqual(['']);
    expect(driverSection(sb)).toEqual([
      'Storage Driver: overlay2',
      ' Backing Filesystem: xfs',
      ' Supports d_type: false',
    ]);
    const warnings = last(sb, 'journalctl -u docker | grep level=warning | tail -2').split('\n');
    expect(warnings[0]).toContain(
      'msg="Using pre-4.0.0 kernel for overlay2, mount failures may require kernel update"',
    );
    expect(warnings[1]).toContain('msg="overlay2: the backing xfs filesystem is formatted without d_type support');
  });

  it("an override value that is not a Go bool stops the daemon with strconv's error", () => {
    const sb = stoppedWith('{"storage-driver": "overlay2", "storage-opts": ["overlay2.override_kernel_check=yes"]}');
    expect(run(sb, 'systemctl start docker')).toEqual([JOB_FAILED]);
    expect(last(sb, 'journalctl -u docker')).toContain(
      ': Error starting daemon: error initializing graphdriver: strconv.ParseBool: parsing "yes": invalid syntax\n',
    );
  });
});

describe('prior driver directories', () => {
  const DM = `systemctl stop docker\necho '{"storage-driver": "devicemapper"}' > /etc/docker/daemon.json\nsystemctl start docker`;

  it('with overlay and devicemapper homes and nothing configured, 17.03 refuses to guess', () => {
    const sb = new Sandbox();
    run(sb, `${DM}\nsystemctl stop docker\nrm /etc/docker/daemon.json`);
    expect(run(sb, 'systemctl start docker')).toEqual([JOB_FAILED]);
    expect(last(sb, 'journalctl -u docker')).toContain(
      ': Error starting daemon: error initializing graphdriver: /var/lib/docker contains several valid graphdrivers: overlay, devicemapper; Please cleanup or explicitly choose storage driver (-s <DRIVER>)\n',
    );
  });

  it('the one existing home wins over the priority list: devicemapper stays once overlay is gone', () => {
    const sb = new Sandbox();
    run(sb, `${DM}\nsystemctl stop docker\nrm /etc/docker/daemon.json\nrm -rf /var/lib/docker/overlay`);
    expect(run(sb, 'systemctl start docker')).toEqual(['']);
    expect(driverSection(sb)[0]).toBe('Storage Driver: devicemapper');
    expect(last(sb, 'journalctl -u docker')).toContain(
      'level=info msg="[graphdriver] using prior storage driver: devicemapper"',
    );
  });

  it('a prior overlay2 home that no longer initialises stops the daemon with its error', () => {
    const sb = new Sandbox();
    run(sb, 'systemctl stop docker\nrm -rf /var/lib/docker/overlay\nmkdir -p /var/lib/docker/overlay2/l');
    expect(run(sb, 'systemctl start docker')).toEqual([JOB_FAILED]);
    const journal = last(sb, 'journalctl -u docker');
    expect(journal).toContain(
      'level=error msg="[graphdriver] prior storage driver overlay2 failed: driver not supported"',
    );
    expect(journal).toContain(': Error starting daemon: error initializing graphdriver: driver not supported\n');
  });

  it('18.09 keeps an existing overlay home without d_type, with a warning (only new setups are refused)', () => {
    const sb = new Sandbox();
    run(sb, 'docker pull busybox\nsystemctl stop docker\nsim docker-version 18.09.0');
    expect(run(sb, 'systemctl start docker')).toEqual(['']);
    expect(driverSection(sb)[0]).toBe('Storage Driver: overlay');
    expect(last(sb, 'journalctl -u docker | grep level=warning | tail -1')).toContain(
      `${D_TYPE_117} Backing filesystems without d_type support are not supported."`,
    );
  });

  it('18.09 ignores an empty overlay home and walks the list to devicemapper', () => {
    const sb = new Sandbox();
    run(sb, 'systemctl stop docker\nsim docker-version 18.09.0');
    expect(run(sb, 'systemctl start docker')).toEqual(['']);
    expect(driverSection(sb)[0]).toBe('Storage Driver: devicemapper');
  });
});

describe('--storage-opt size= on the overlay drivers', () => {
  it('overlay refuses any storage option in its own words, and creates nothing', () => {
    const sb = new Sandbox();
    const r = sb.run('docker run -d --storage-opt size=20G --name big busybox sleep 1');
    if (!r.ok) throw new Error(r.error.message);
    expect(r.entries[0].status).toBe(125);
    expect(r.entries[0].output).toContain(
      'docker: Error response from daemon: --storage-opt is not supported for overlay.\n',
    );
    expect(last(sb, 'docker ps -a -q')).toBe('');
  });
  it('overlay2 (kernel 4.x) asks for xfs project quotas', () => {
    const sb = new Sandbox({ kernelVersion: '4.9.0-8-amd64' });
    const out = last(sb, 'docker run -d --storage-opt size=20G busybox sleep 1');
    expect(out).toContain("--storage-opt is supported only for overlay over xfs with 'pquota' mount option.\n");
  });
});
