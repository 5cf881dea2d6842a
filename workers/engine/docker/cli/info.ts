// docker info and docker version, in the layout of the simulated client/daemon version.
import type { Docker } from '../docker';
import { goFormatG } from '../../units';
import { atLeast } from '../config/version';

const binaryAbbrs = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];

/** go-units BytesSize: 1024-based, 4 significant digits, a space before the unit (docker info's Total Memory). */
function bytesSize(bytes: number): string {
  let v = bytes;
  let i = 0;
  while (v >= 1024 && i < binaryAbbrs.length - 1) {
    v /= 1024;
    i++;
  }
  return `${goFormatG(v, 4)} ${binaryAbbrs[i]}`;
}

/** `docker info`: the daemon's figures, driver section from the graph driver's Status(). */
export function dockerInfo(docker: Docker): { out: string; err: string } {
  const v = docker.version;
  const store = docker.store();
  const cs = [...store.containers.values()];
  const running = cs.filter((c) => c.state === 'running').length;
  const nested = atLeast(v, '19.03.0');
  const ind = nested ? ' ' : '';
  const sub = nested ? '  ' : ' ';
  const p = docker.machine.profile;
  const lines: string[] = [];
  if (nested) lines.push('Client:', ' Debug Mode: false', '', 'Server:');
  lines.push(
    `${ind}Containers: ${cs.length}`,
    `${sub}Running: ${running}`,
    `${sub}Paused: 0`,
    `${sub}Stopped: ${cs.length - running}`,
  );
  lines.push(`${ind}Images: ${store.images.size}`, `${ind}Server Version: ${v}`);
  lines.push(`${ind}Storage Driver: ${docker.driver!.name}`);
  for (const [k, val] of docker.driver!.status()) lines.push(`${sub}${k}: ${val}`);
  lines.push(`${ind}Logging Driver: json-file`, `${ind}Cgroup Driver: cgroupfs`, `${ind}Plugins: `);
  lines.push(`${sub}Volume: local`, `${sub}Network: bridge host macvlan null overlay`);
  lines.push(
    `${ind}Swarm: inactive`,
    `${ind}Runtimes: runc`,
    `${ind}Default Runtime: runc`,
    `${ind}Init Binary: docker-init`,
  );
  lines.push(
    `${ind}containerd version: 4ab9917febca54791c5f071a9d1f404867857fcc`,
    `${ind}runc version: 54296cf40ad8143b62dbcaa1d90e520a2136ddfe`,
    `${ind}init version: 949e6fa`,
  );
  lines.push(`${ind}Security Options:`, `${sub}seccomp`, `${sub} Profile: default`);
  lines.push(
    `${ind}Kernel Version: ${p.kernelVersion}`,
    `${ind}Operating System: Red Hat Enterprise Linux Server 7.3 (Maipo)`,
    `${ind}OSType: linux`,
    `${ind}Architecture: x86_64`,
  );
  lines.push(
    `${ind}CPUs: ${p.cpus}`,
    `${ind}Total Memory: ${bytesSize(p.memoryKiB * 1024)}`,
    `${ind}Name: ${p.hostname}`,
  );
  lines.push(
    `${ind}ID: 7TRN:IPZB:QYBB:VPBQ:UWFE:LXRM:UJYX:ZYY4:3PNL:7U2S:VPUQ:YUDW`,
    `${ind}Docker Root Dir: /var/lib/docker`,
  );
  if (!nested) lines.push('Debug Mode (client): false');
  lines.push(
    `${ind}Debug Mode (server): false`,
    `${ind}Registry: https://index.docker.io/v1/`,
    `${ind}Experimental: false`,
  );
  lines.push(`${ind}Insecure Registries:`, `${sub}127.0.0.0/8`, `${ind}Live Restore Enabled: false`);
  let err = '';
  const ds = docker.deviceSet;
  if (ds && (ds.dataLoopFile || ds.metadataLoopFile)) {
    err += 'WARNING: devicemapper: usage of loopback devices is strongly discouraged for production use.\n';
    err += '         Use `--storage-opt dm.thinpooldev` to specify a custom block storage device.\n';
  }
  const status = new Map(docker.driver!.status());
  if (status.get('Supports d_type') === 'false') {
    // The d_type warning wrapped at the end of docker info (moby#31290; the daemon's fillDriverWarnings from 18.09).
    const fs = status.get('Backing Filesystem') ?? '';
    err += `WARNING: ${docker.driver!.name}: the backing ${fs} filesystem is formatted without d_type support, which leads to incorrect behavior.\n`;
    if (fs === 'xfs') err += '         Reformat the filesystem with ftype=1 to enable d_type support.\n';
    err += '         Running without d_type support will not be supported in future releases.\n';
  }
  if (docker.driver!.name === 'devicemapper' && atLeast(v, '19.03.0')) {
    err += 'WARNING: the devicemapper storage-driver is deprecated, and will be removed in a future release.\n';
  }
  return { out: lines.join('\n') + '\n', err };
}

/** `docker version` for the simulated release. */
export function dockerVersion(docker: Docker): { out: string; err: string } {
  const v = docker.version;
  const api = atLeast(v, '18.09.0') ? '1.39' : atLeast(v, '17.06.0') ? '1.30' : '1.27';
  const go = atLeast(v, '18.09.0') ? 'go1.10.4' : atLeast(v, '17.06.0') ? 'go1.8.3' : 'go1.7.5';
  const built = atLeast(v, '17.06.0') ? 'Fri Jun 23 21:20:04 2017' : 'Mon Mar 27 17:05:44 2017';
  const client = [
    'Client:',
    ` Version:      ${v}`,
    ` API version:  ${api}`,
    ` Go version:   ${go}`,
    ` Git commit:   ${docker.commit}`,
    ` Built:        ${built}`,
    ' OS/Arch:      linux/amd64',
  ];
  if (!docker.running) {
    return {
      out: client.join('\n') + '\n',
      err: 'Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?\n',
    };
  }
  const server = [
    'Server:',
    ` Version:      ${v}`,
    ` API version:  ${api} (minimum version 1.12)`,
    ` Go version:   ${go}`,
    ` Git commit:   ${docker.commit}`,
    ` Built:        ${built}`,
    ' OS/Arch:      linux/amd64',
    ' Experimental: false',
  ];
  return { out: [...client, '', ...server].join('\n') + '\n', err: '' };
}
