import { describe, expect, it } from 'vitest';
import { Sandbox } from '../sandbox';

/** Runs a script and returns each command's output. */
function run(sb: Sandbox, script: string): string[] {
  const r = sb.run(script);
  if (!r.ok) throw new Error(r.error.message);
  return r.entries.map((e) => e.output);
}

function last(sb: Sandbox, cmd: string): string {
  return run(sb, cmd).pop() ?? '';
}

const LOOP = `systemctl stop docker
echo '{"storage-driver": "devicemapper"}' > /etc/docker/daemon.json
systemctl start docker`;

function poolStatus(sb: Sandbox): { transaction: number; usedData: number; totalData: number } {
  const line = last(sb, "dmsetup status | grep ' thin-pool '");
  const m = / thin-pool (\d+) \d+\/\d+ (\d+)\/(\d+) /.exec(line);
  if (!m) throw new Error(`no pool status in: ${line}`);
  return { transaction: Number(m[1]), usedData: Number(m[2]), totalData: Number(m[3]) };
}

describe('docker devicemapper deviceset', () => {
  it('counts pool transactions: 1 for the base, 1 per layer, 2 per container created and 2 per container removed', () => {
    const sb = new Sandbox();
    run(sb, LOOP);
    expect(poolStatus(sb).transaction).toBe(1);
    run(sb, 'docker pull ubuntu');
    const layers = Number(last(sb, "docker inspect -f '{{json .RootFS.Layers}}' ubuntu").split(',').length);
    expect(poolStatus(sb).transaction).toBe(1 + layers);
    run(sb, 'docker create --name c1 ubuntu sleep 9');
    expect(poolStatus(sb).transaction).toBe(3 + layers);
    run(sb, 'docker rm c1');
    expect(poolStatus(sb).transaction).toBe(5 + layers);
  });

  it('refuses a new container when free data blocks fall under dm.min_free_space, with the daemon message', () => {
    const sb = new Sandbox();
    run(
      sb,
      `systemctl stop docker
echo '{"storage-driver": "devicemapper", "storage-opts": ["dm.loopdatasize=1G", "dm.min_free_space=99%"]}' > /etc/docker/daemon.json
systemctl start docker`,
    );
    const { usedData, totalData } = poolStatus(sb);
    const min = Math.floor((totalData * 99) / 100);
    const out = run(sb, 'docker run -d busybox sleep 9').join('');
    expect(out).toContain(
      `devmapper: Thin Pool has ${totalData - usedData} free data blocks which is less than minimum required ${min} free data blocks. Create more free space in thin pool or use dm.min_free_space option to change behavior`,
    );
    expect(last(sb, 'docker ps -a -q')).toBe('');
  });

  it('punches holes in the loop data file when docker rm discards a container device (blkdiscard in loop mode)', () => {
    const sb = new Sandbox();
    run(sb, `${LOOP}\ndocker pull busybox`);
    const du = () => Number(last(sb, 'du -k /var/lib/docker/devicemapper/devicemapper/data').split(/\s+/)[0]);
    const [du0, used0] = [du(), poolStatus(sb).usedData];
    run(sb, 'docker run -d --name web busybox sleep 3600\ndocker exec web dd if=/dev/zero of=/big bs=1M count=8');
    expect(poolStatus(sb).usedData - used0).toBeGreaterThanOrEqual(128);
    expect(du() - du0).toBeGreaterThanOrEqual(8 * 1024);
    run(sb, 'docker rm -f web');
    expect(poolStatus(sb).usedData).toBe(used0);
    expect(du()).toBe(du0);
  });

  it('keeps the images of each driver apart: switching back to overlay hides the devicemapper images', () => {
    const sb = new Sandbox();
    run(sb, `${LOOP}\ndocker pull busybox`);
    expect(last(sb, 'docker images -q')).not.toBe('');
    run(
      sb,
      `systemctl stop docker\necho '{"storage-driver": "overlay"}' > /etc/docker/daemon.json\nsystemctl start docker`,
    );
    expect(last(sb, 'docker images -q')).toBe('');
    run(sb, LOOP);
    expect(last(sb, 'docker images -q')).not.toBe('');
  });

  it("fails to start on a broken daemon.json: systemd says so and the journal has dockerd's line", () => {
    const sb = new Sandbox();
    const out = run(
      sb,
      `systemctl stop docker
printf '{"storage-driver": "devicemapper",}' > /etc/docker/daemon.json
systemctl start docker
journalctl -u docker | grep 'unable to configure'
docker info`,
    );
    expect(out[2]).toBe(
      'Job for docker.service failed because the control process exited with error code. See "systemctl status docker.service" and "journalctl -xe" for details.\n',
    );
    expect(out[3]).toContain(
      "unable to configure the Docker daemon with file /etc/docker/daemon.json: invalid character '}' looking for beginning of object key string",
    );
    expect(out[4]).toBe(
      'Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?\n',
    );
  });

  it('refuses fstrim inside an unprivileged container (FITRIM needs CAP_SYS_ADMIN) and trims in a privileged one', () => {
    const sb = new Sandbox();
    run(
      sb,
      `${LOOP}\ndocker run -d --name unpriv busybox sleep 3600\ndocker run -d --privileged --name priv busybox sleep 3600`,
    );
    expect(last(sb, 'docker exec unpriv fstrim /')).toBe('fstrim: /: FITRIM ioctl failed: Operation not permitted\n');
    expect(last(sb, 'docker exec priv fstrim -v /')).toMatch(/^\/: [\d.]+ GiB \(\d+ bytes\) trimmed\n$/);
  });

  it('keeps the pool across a daemon restart: devices and transaction id are reloaded from the metadata', () => {
    const sb = new Sandbox();
    run(sb, `${LOOP}\ndocker run -d --name web busybox sleep 3600`);
    const before = poolStatus(sb);
    run(sb, 'systemctl restart docker');
    const after = poolStatus(sb);
    expect(after.transaction).toBe(before.transaction);
    expect(after.usedData).toBe(before.usedData);
    expect(last(sb, 'docker ps -a --format x 2>/dev/null; docker ps -a -q')).not.toBe('');
    expect(run(sb, 'docker start web\ndocker exec web ls /').pop()).toContain('bin');
  });

  it('grows the filesystem of a container created bigger than its image (--storage-opt size=20G)', () => {
    const sb = new Sandbox();
    run(
      sb,
      `${LOOP}\ndocker run -d --name big --storage-opt size=20G busybox sleep 3600\ndocker run -d --name std busybox sleep 3600`,
    );
    const size = (ctr: string) => last(sb, `docker exec ${ctr} df -h /`).split('\n')[1].trim().split(/\s+/)[1];
    expect(size('big')).toBe('20G');
    expect(size('std')).toBe('10G');
    expect(last(sb, "docker inspect -f '{{.GraphDriver.Data.DeviceSize}}' big")).toBe(`${20 * 1024 ** 3}\n`);
  });

  it('refuses a container smaller than its image with the deviceset message', () => {
    const sb = new Sandbox();
    const out = run(sb, `${LOOP}\ndocker run -d --storage-opt size=5G busybox sleep 3600`).pop();
    expect(out).toContain('devmapper: Container size cannot be smaller than 10.74 GB');
  });
});
