import { describe, expect, it } from 'vitest';
import { Sandbox } from '../../sandbox';

/** Output and status of the last command of a script. */
function run(sb: Sandbox, script: string) {
  const r = sb.run(script);
  if (!r.ok) throw new Error(r.error.message);
  const e = r.entries[r.entries.length - 1];
  return { output: e.output, status: e.status };
}

/** Docker on a loop pool with busybox running (`web`, 3 MiB written) and nginx created but never started (`idle`). */
function story(): Sandbox {
  const sb = new Sandbox();
  run(
    sb,
    `systemctl stop docker
echo '{"storage-driver":"devicemapper"}' > /etc/docker/daemon.json
systemctl start docker
docker pull debian
docker pull nginx
docker run -d --name web busybox sleep 100
docker exec web dd if=/dev/zero of=/f bs=1M count=3
docker create --name idle nginx`,
  );
  return sb;
}

describe('docker system df (17.03 layout)', () => {
  it('sums the layer store once, and counts as reclaimable what no container uses', () => {
    const sb = story();
    // Image sizes from docker images -q / inspect, so the expected figures follow the catalog.
    const size = (ref: string) => Number(run(sb, `docker image inspect -f '{{.Size}}' ${ref}`).output);
    const [busybox, debian, nginx] = [size('busybox'), size('debian'), size('nginx')];
    // nginx is built on debian's layer: the store holds busybox + nginx (which includes debian's layer).
    const layers = busybox + nginx;
    // In use: busybox whole, nginx without the layer it shares with debian.
    const reclaimable = layers - (busybox + nginx - debian);
    const mb = (b: number) => `${Number((b / 1e6).toPrecision(4))} MB`;
    const lines = run(sb, 'docker system df').output.split('\n');
    expect(lines[0]).toBe(
      'TYPE                TOTAL               ACTIVE              SIZE                RECLAIMABLE',
    );
    expect(lines[1].split(/ {2,}/)).toEqual([
      'Images',
      '3',
      '2',
      mb(layers),
      `${mb(reclaimable)} (${Math.trunc((reclaimable * 100) / layers)}%)`,
    ]);
    // 3 MiB written in the running container; the idle one wrote nothing.
    expect(lines[2].split(/ {2,}/)).toEqual(['Containers', '2', '1', mb(3 * 1024 * 1024), '0 B (0%)']);
    expect(lines[3].split(/ {2,}/)).toEqual(['Local Volumes', '0', '0', '0 B', '0 B']);
  });
});

describe('docker system df -v', () => {
  it('lists each image with shared and unique size and its containers, each container with its rw size', () => {
    const sb = story();
    const size = (ref: string) => Number(run(sb, `docker image inspect -f '{{.Size}}' ${ref}`).output);
    const mb3 = (b: number) => `${Number((b / 1e6).toPrecision(3))} MB`;
    const out = run(sb, 'docker system df -v').output;
    const sections = out.split(/\n(?=Containers space usage:|Local Volumes space usage:)/);
    expect(sections.map((x) => x.split('\n')[0])).toEqual([
      'Images space usage:',
      'Containers space usage:',
      'Local Volumes space usage:',
    ]);
    const rows = (section: string) =>
      section
        .split('\n')
        .slice(2)
        .filter(Boolean)
        .map((l) => l.split(/ {2,}/));
    const [header, ...images] = rows(sections[0]);
    expect(header).toEqual([
      'REPOSITORY',
      'TAG',
      'IMAGE ID',
      'CREATED',
      'SIZE',
      'SHARED SIZE',
      'UNIQUE SiZE',
      'CONTAINERS',
    ]);
    const nginx = images.find((r) => r[0] === 'nginx')!;
    // nginx shares debian's whole image as its base layer; one container (idle) uses it.
    expect(nginx.slice(4)).toEqual([mb3(size('nginx')), mb3(size('debian')), mb3(size('nginx') - size('debian')), '1']);
    const debian = images.find((r) => r[0] === 'debian')!;
    expect(debian.slice(5)).toEqual([mb3(size('debian')), '0 B', '0']);
    const [cHeader, ...containers] = rows(sections[1]);
    expect(cHeader).toEqual([
      'CONTAINER ID',
      'IMAGE',
      'COMMAND',
      'LOCAL VOLUMES',
      'SIZE',
      'CREATED',
      'STATUS',
      'NAMES',
    ]);
    expect(containers.find((r) => r[7] === 'web')![4]).toBe(mb3(3 * 1024 * 1024));
    expect(rows(sections[2])).toEqual([['VOLUME NAME', 'LINKS', 'SIZE']]);
  });
});

describe('management commands (1.13+)', () => {
  it('docker container ls and docker image ls are docker ps and docker images', () => {
    const sb = story();
    // The simulated clock moves between the two commands: ages are compared without their numbers.
    const ageless = (t: string) => t.replace(/\d+ seconds/g, 'N seconds');
    expect(ageless(run(sb, 'docker container ls').output)).toBe(ageless(run(sb, 'docker ps').output));
    expect(ageless(run(sb, 'docker container list -a').output)).toBe(ageless(run(sb, 'docker ps -a').output));
    expect(run(sb, 'docker image ls').output).toBe(run(sb, 'docker images').output);
  });
  it('container inspect and image inspect look only at their kind', () => {
    const sb = story();
    expect(run(sb, "docker container inspect -f '{{.Name}}' web").output).toBe('/web\n');
    const r = run(sb, "docker image inspect -f '{{.Id}}' web");
    expect(r.status).toBe(1);
    expect(r.output).toContain('Error: No such image: web');
  });
  it('a group without a verb prints its commands; an unknown verb is refused with them', () => {
    const sb = story();
    const help = run(sb, 'docker system');
    expect(help.status).toBe(0);
    expect(help.output).toContain('Usage:\tdocker system COMMAND\n\nManage Docker\n');
    expect(help.output).toMatch(/\n {2}df {10}Show docker disk usage\n/);
    expect(run(sb, 'docker system nope').status).toBe(1);
  });
});
