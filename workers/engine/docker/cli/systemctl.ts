// systemctl and service for docker.service (and the few units the seed touches), as systemd 219 on RHEL 7 prints.
import type { CommandContext } from '../../shell/types';
import { formatJournalLine } from '../../journal';
import { humanSystemdSpan, systemdDate } from './systemdTime';

const FAILED_HINT = (unit: string) =>
  `Job for ${unit} failed because the control process exited with error code. See "systemctl status ${unit}" and "journalctl -xe" for details.\n`;

function unitName(arg: string | undefined): string {
  if (!arg) return '';
  return arg.endsWith('.service') ? arg : `${arg}.service`;
}

/** `systemctl start|stop|restart|status|is-active|enable|daemon-reload docker`. */
export function systemctlCommand(ctx: CommandContext): number {
  const args = ctx.argv.slice(1).filter((a) => !a.startsWith('-'));
  const [verb, unitArg] = args;
  const docker = ctx.machine.docker;
  if (!verb) {
    ctx.err('systemctl: this sandbox shows units one at a time: systemctl status docker\n');
    return 1;
  }
  if (verb === 'daemon-reload') return 0;
  const unit = unitName(unitArg);
  if (!unit) {
    ctx.err(`Too few arguments.\n`);
    return 1;
  }
  const known = ['docker.service', 'dm-event.service', 'lvm2-monitor.service'];
  if (!known.includes(unit)) {
    if (verb === 'status') {
      ctx.err(`Unit ${unit} could not be found.\n`);
      return 4;
    }
    ctx.err(`Failed to ${verb} ${unit}: Unit not found.\n`);
    return 5;
  }
  if (unit !== 'docker.service') {
    if (verb === 'status') {
      ctx.out(`● ${unit} - ${unit === 'dm-event.service' ? 'Device-mapper event daemon' : 'Monitoring of LVM2 mirrors, snapshots etc. using dmeventd or progress polling'}\n   Loaded: loaded (/usr/lib/systemd/system/${unit}; static; vendor preset: enabled)\n   Active: active (running)\n`);
    }
    return 0;
  }
  switch (verb) {
    case 'start': {
      const r = docker.start();
      if (!r.ok) {
        ctx.err(FAILED_HINT(unit));
        return 1;
      }
      return 0;
    }
    case 'stop':
      docker.stop();
      return 0;
    case 'restart': {
      docker.stop();
      const r = docker.start();
      if (!r.ok) {
        ctx.err(FAILED_HINT(unit));
        return 1;
      }
      return 0;
    }
    case 'is-active':
      ctx.out(docker.running ? 'active\n' : docker.lastResult === 'exit-code' ? 'failed\n' : 'inactive\n');
      return docker.running ? 0 : 3;
    case 'enable':
    case 'disable':
    case 'reload':
      return 0;
    case 'status':
      return status(ctx);
    default:
      ctx.err(`Unknown operation '${verb}'.\n`);
      return 1;
  }
}

function status(ctx: CommandContext): number {
  const docker = ctx.machine.docker;
  const now = ctx.machine.clock.now;
  const since = `${systemdDate(docker.since)}; ${humanSystemdSpan(now - docker.since)} ago`;
  const lines = ['● docker.service - Docker Application Container Engine', '   Loaded: loaded (/usr/lib/systemd/system/docker.service; enabled; vendor preset: disabled)'];
  if (docker.running) {
    lines.push(`   Active: active (running) since ${since}`, '     Docs: https://docs.docker.com', ` Main PID: ${docker.pid} (dockerd)`, '   Memory: 21.4M', '   CGroup: /system.slice/docker.service');
    lines.push(`           ├─${docker.pid} /usr/bin/dockerd`, `           └─${docker.pid + 7} docker-containerd -l unix:///var/run/docker/libcontainerd/docker-containerd.sock --metrics-interval=0 --start-timeout 2m --state-dir /var/run/docker/libcontainerd/containerd --shim docker-containerd-shim --runtime docker-runc`);
  } else if (docker.lastResult === 'exit-code') {
    lines.push(`   Active: failed (Result: exit-code) since ${since}`, '     Docs: https://docs.docker.com', `  Process: ${docker.pid} ExecStart=/usr/bin/dockerd (code=exited, status=1/FAILURE)`, ` Main PID: ${docker.pid} (code=exited, status=1/FAILURE)`);
  } else {
    lines.push(`   Active: inactive (dead)${docker.since ? ` since ${since}` : ''}`, '     Docs: https://docs.docker.com');
  }
  const tail = ctx.machine.journal.forUnit('docker.service').slice(-10);
  if (tail.length) lines.push('', ...tail.map((e) => formatJournalLine(e, ctx.machine.profile.hostname)));
  ctx.out(lines.join('\n') + '\n');
  return docker.running ? 0 : 3;
}

/** `service docker start|stop|restart|status` (the SysV wrapper redirects to systemctl). */
export function serviceCommand(ctx: CommandContext): number {
  const [, unit, verb] = ctx.argv;
  if (!unit || !verb) {
    ctx.err('Usage: service < option > | --status-all | [ service_name [ command | --full-restart ] ]\n');
    return 1;
  }
  ctx.err(`Redirecting to /bin/systemctl ${verb} ${unit}.service\n`);
  return systemctlCommand({ ...ctx, argv: ['systemctl', verb, unit] });
}
