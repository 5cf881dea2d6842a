// docker info --format: the template runs on the daemon's types.Info (Go field names, 17.03's field order).
import type { CommandContext } from '../../shell/types';
import type { Docker } from '../docker';
import { goMap, goStruct } from './template/goValue';
import { parseDockerTemplate, runDockerTemplate } from './template/dockerTemplates';

/** The parts of types.Info the sandbox models, from the same figures `docker info` prints. */
export function infoStruct(docker: Docker): object {
  const store = docker.store();
  const cs = [...store.containers.values()];
  const running = cs.filter((c) => c.state === 'running').length;
  const p = docker.machine.profile;
  return goStruct('types.Info', {
    ID: '7TRN:IPZB:QYBB:VPBQ:UWFE:LXRM:UJYX:ZYY4:3PNL:7U2S:VPUQ:YUDW',
    Containers: cs.length,
    ContainersRunning: running,
    ContainersPaused: 0,
    ContainersStopped: cs.length - running,
    Images: store.images.size,
    Driver: docker.driver!.name,
    DriverStatus: docker.driver!.status().map(([k, v]) => [k, v]),
    SystemStatus: null,
    Debug: false,
    LoggingDriver: 'json-file',
    CgroupDriver: 'cgroupfs',
    KernelVersion: p.kernelVersion,
    OperatingSystem: 'Red Hat Enterprise Linux Server 7.3 (Maipo)',
    OSType: 'linux',
    Architecture: 'x86_64',
    IndexServerAddress: 'https://index.docker.io/v1/',
    NCPU: p.cpus,
    MemTotal: p.memoryKiB * 1024,
    DockerRootDir: '/var/lib/docker',
    Name: p.hostname,
    Labels: [],
    ExperimentalBuild: false,
    ServerVersion: docker.version,
    Runtimes: goMap({ runc: goStruct('types.Runtime', { Path: 'docker-runc' }) }),
    DefaultRuntime: 'runc',
    LiveRestoreEnabled: false,
    Isolation: '',
    InitBinary: 'docker-init',
    SecurityOptions: ['seccomp'],
  });
}

/**
 * formatInfo (cli/command/system/info.go): a bad template is a StatusError 64; an execution error still
 * writes what ran and the newline, then fails with status 1.
 */
export function printInfoFormat(docker: Docker, ctx: CommandContext, format: string): number {
  const p = parseDockerTemplate(format);
  if (!p.ok) {
    ctx.err(`Template parsing error: ${p.error}\n`);
    return 64;
  }
  const r = runDockerTemplate(p.tmpl, infoStruct(docker));
  ctx.out(r.out + '\n');
  if (!r.ok) {
    ctx.err(r.error + '\n');
    return 1;
  }
  return 0;
}
