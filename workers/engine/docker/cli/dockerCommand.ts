// The `docker` client: subcommands, flags and the texts the 17.03 client prints.
import type { CommandContext } from '../../shell/types';
import type { Docker } from '../docker';
import type { ContainerRecord } from '../store';
import { parseFlags, type FlagSpec } from './flags';
import { dockerInfo, dockerVersion } from './info';
import { pull } from '../ops/pull';
import { createContainer, removeContainer, startContainer, stopContainer } from '../ops/containers';
import { execInContainer } from '../ops/exec';
import { shortId } from '../ids';
import { ramInBytes } from '../../units';
import { atLeast } from '../config/version';
import { inspectCommand, listContainers, listImages, printInfoFormat, printSystemDf } from './formatting';
import { commitContainer, savedTarBytes, saveImage } from '../ops/commit';

const NOT_RUNNING = 'Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?';

type Sub = (docker: Docker, args: string[], ctx: CommandContext) => number;

const subs: Record<string, { run: Sub; usage: string; about: string }> = {};

function sub(name: string, usage: string, about: string, run: Sub): void {
  subs[name] = { run, usage, about };
}

function requireArgs(ctx: CommandContext, name: string, args: string[], min: number): boolean {
  if (args.length >= min) return true;
  const s = subs[name];
  ctx.err(
    `"docker ${name}" requires at least ${min} argument${min === 1 ? '' : 's'}.\nSee 'docker ${name} --help'.\n\nUsage:  docker ${name} ${s.usage}\n\n${s.about}\n`,
  );
  return false;
}

function lines(ctx: CommandContext, out: string[], err: string[]): void {
  if (out.length) ctx.out(out.join('\n') + '\n');
  if (err.length) ctx.err(err.join('\n') + '\n');
}

/** The client parses its flags first and only then dials the daemon, so flag errors win over "Cannot connect". */
function connected(docker: Docker, ctx: CommandContext): boolean {
  if (docker.running) return true;
  ctx.err(NOT_RUNNING + '\n');
  return false;
}

function flagsOrFail(
  ctx: CommandContext,
  r: ReturnType<typeof parseFlags>,
): r is Extract<ReturnType<typeof parseFlags>, { ok: true }> {
  if (!r.ok) ctx.err(r.error + '\n');
  return r.ok;
}

sub('info', '[OPTIONS]', 'Display system-wide information', (docker, args, ctx) => {
  const f = parseFlags(args, [{ long: 'format', short: 'f', kind: 'string' }], 'info');
  if (!flagsOrFail(ctx, f)) return 125;
  if (!connected(docker, ctx)) return 1;
  if (f.args.length) {
    ctx.err(
      `"docker info" accepts no argument(s).\nSee 'docker info --help'.\n\nUsage:  docker info [OPTIONS]\n\nDisplay system-wide information\n`,
    );
    return 1;
  }
  const format = f.flags.format as string | undefined;
  if (format) return printInfoFormat(docker, ctx, format);
  const r = dockerInfo(docker);
  ctx.out(r.out);
  if (r.err) ctx.err(r.err);
  return 0;
});

sub('version', '[OPTIONS]', 'Show the Docker version information', (docker, _a, ctx) => {
  const r = dockerVersion(docker);
  ctx.out(r.out);
  if (r.err) ctx.err(r.err);
  return r.err ? 1 : 0;
});

sub('pull', '[OPTIONS] NAME[:TAG|@DIGEST]', 'Pull an image or a repository from a registry', (docker, args, ctx) => {
  const f = parseFlags(args, [{ long: 'all-tags', short: 'a', kind: 'bool' }], 'pull');
  if (!flagsOrFail(ctx, f)) return 125;
  if (!connected(docker, ctx)) return 1;
  if (!requireArgs(ctx, 'pull', f.args, 1)) return 1;
  const r = pull(docker, f.args[0]);
  lines(ctx, r.out, r.err);
  return r.ok ? 0 : 1;
});

sub('images', '[OPTIONS] [REPOSITORY[:TAG]]', 'List images', (docker, args, ctx) => {
  const f = parseFlags(
    args,
    [
      { long: 'quiet', short: 'q', kind: 'bool' },
      { long: 'all', short: 'a', kind: 'bool' },
      { long: 'no-trunc', kind: 'bool' },
      { long: 'digests', kind: 'bool' },
      { long: 'format', kind: 'string' },
      { long: 'filter', short: 'f', kind: 'list' },
    ],
    'images',
  );
  if (!flagsOrFail(ctx, f)) return 125;
  if (!connected(docker, ctx)) return 1;
  return listImages(docker, ctx, f.flags, f.args[0]);
});

const runFlags: FlagSpec[] = [
  { long: 'detach', short: 'd', kind: 'bool' },
  { long: 'interactive', short: 'i', kind: 'bool' },
  { long: 'tty', short: 't', kind: 'bool' },
  { long: 'rm', kind: 'bool' },
  { long: 'name', kind: 'string' },
  { long: 'privileged', kind: 'bool' },
  { long: 'storage-opt', kind: 'list' },
  { long: 'env', short: 'e', kind: 'list' },
  { long: 'volume', short: 'v', kind: 'list' },
  { long: 'publish', short: 'p', kind: 'list' },
  { long: 'memory', short: 'm', kind: 'string' },
  { long: 'workdir', short: 'w', kind: 'string' },
  { long: 'user', short: 'u', kind: 'string' },
  { long: 'hostname', short: 'h', kind: 'string' },
  { long: 'entrypoint', kind: 'string' },
];

/** --storage-opt size=N (the only per-container option devicemapper takes). */
function storageSize(opts: string[] | undefined): { size?: number } | { error: string } {
  let size: number | undefined;
  for (const o of opts ?? []) {
    const eq = o.indexOf('=');
    if (eq < 0) return { error: `invalid storage option ${o}` };
    const key = o.slice(0, eq).trim().toLowerCase();
    if (key !== 'size') return { error: `Unknown option ${key}` };
    const p = ramInBytes(o.slice(eq + 1).trim());
    if (!p.ok) return { error: p.error };
    size = p.bytes;
  }
  return { size };
}

function createFrom(
  docker: Docker,
  name: 'run' | 'create',
  args: string[],
  ctx: CommandContext,
): ContainerRecord | number {
  const f = parseFlags(args, runFlags, name, false);
  if (!flagsOrFail(ctx, f)) return 125;
  if (!connected(docker, ctx)) return 1;
  if (!requireArgs(ctx, name, f.args, 1)) return 125;
  const size = storageSize(f.flags['storage-opt'] as string[] | undefined);
  if ('error' in size) {
    ctx.err(`docker: Error response from daemon: ${size.error}.\nSee 'docker ${name} --help'.\n`);
    return 125;
  }
  if (docker.driver?.name !== 'devicemapper' && size.size !== undefined) {
    // Each overlay driver's Create refuses in its own words (overlay2 could take it with xfs project quotas; not here).
    const refusal =
      docker.driver?.name === 'overlay'
        ? '--storage-opt is not supported for overlay'
        : "--storage-opt is supported only for overlay over xfs with 'pquota' mount option";
    ctx.err(`docker: Error response from daemon: ${refusal}.\nSee 'docker ${name} --help'.\n`);
    return 125;
  }
  const r = createContainer(docker, {
    image: f.args[0],
    cmd: f.args.slice(1),
    name: f.flags.name as string | undefined,
    storageSize: size.size,
    privileged: !!f.flags.privileged,
    autoRemove: !!f.flags.rm,
  });
  if (r.err.length) {
    const errs = r.ok
      ? r.err
      : r.err.map((l, i) =>
          i === r.err.length - 1 && l.startsWith('Error response') ? `docker: ${l}.\nSee 'docker ${name} --help'.` : l,
        );
    ctx.err(errs.join('\n') + '\n');
  }
  if (!r.ok || !r.container) return 125;
  const c = r.container;
  if (name === 'create') {
    ctx.out(c.id + '\n');
    return 0;
  }
  const detach = !!f.flags.detach;
  const interactive = !!f.flags.interactive && !!f.flags.tty;
  const e = startContainer(docker, c, detach || interactive);
  if (e) {
    ctx.err(`docker: ${e}.\n`);
    return 125;
  }
  if (detach) {
    ctx.out(c.id + '\n');
    return 0;
  }
  // Foreground run: the command runs in the container and its output is ours.
  const res = execInContainer(c.cmd, execEnv(docker, c));
  if (res.out) ctx.out(res.out);
  if (res.err) ctx.err(res.err);
  if (c.state === 'running') stopContainer(docker, c, res.status);
  return res.status;
}

/** The environment of a command inside container `c`. */
function execEnv(docker: Docker, c: ContainerRecord) {
  const img = docker.store().images.get(c.imageId);
  const busybox = !!img?.tags.some((t) => /^(busybox|alpine)[:@]/.test(t));
  const ds = docker.deviceSet;
  return {
    fs: docker.driver!.fs(c.mountId)!,
    busybox,
    privileged: c.privileged,
    now: docker.machine.clock.now,
    rootSource: ds ? `/dev/mapper/${ds.deviceName(c.mountId)}` : 'overlay',
  };
}

sub('run', '[OPTIONS] IMAGE [COMMAND] [ARG...]', 'Run a command in a new container', (docker, args, ctx) => {
  const r = createFrom(docker, 'run', args, ctx);
  return typeof r === 'number' ? r : 0;
});

sub('create', '[OPTIONS] IMAGE [COMMAND] [ARG...]', 'Create a new container', (docker, args, ctx) => {
  const r = createFrom(docker, 'create', args, ctx);
  return typeof r === 'number' ? r : 0;
});

function eachContainer(
  docker: Docker,
  ctx: CommandContext,
  refs: string[],
  act: (c: ContainerRecord, ref: string) => string | null,
): number {
  let status = 0;
  for (const ref of refs) {
    const c = docker.store().findContainer(ref);
    if (!c) {
      ctx.err(`Error response from daemon: No such container: ${ref}\n`);
      status = 1;
      continue;
    }
    const e = act(c, ref);
    if (e) {
      ctx.err(e + '\n');
      status = 1;
    } else ctx.out(ref + '\n');
  }
  return status;
}

sub('start', '[OPTIONS] CONTAINER [CONTAINER...]', 'Start one or more stopped containers', (docker, args, ctx) => {
  const f = parseFlags(
    args,
    [
      { long: 'attach', short: 'a', kind: 'bool' },
      { long: 'interactive', short: 'i', kind: 'bool' },
    ],
    'start',
  );
  if (!flagsOrFail(ctx, f)) return 125;
  if (!connected(docker, ctx)) return 1;
  if (!requireArgs(ctx, 'start', f.args, 1)) return 1;
  return eachContainer(docker, ctx, f.args, (c) => startContainer(docker, c));
});

sub('stop', '[OPTIONS] CONTAINER [CONTAINER...]', 'Stop one or more running containers', (docker, args, ctx) => {
  const f = parseFlags(args, [{ long: 'time', short: 't', kind: 'string' }], 'stop');
  if (!flagsOrFail(ctx, f)) return 125;
  if (!connected(docker, ctx)) return 1;
  if (!requireArgs(ctx, 'stop', f.args, 1)) return 1;
  return eachContainer(docker, ctx, f.args, (c) => {
    // PID 1 without a SIGTERM handler (sleep) is killed after the grace period.
    docker.machine.clock.tick(Number(f.flags.time ?? 10));
    stopContainer(docker, c, 137);
    return null;
  });
});

sub('rm', '[OPTIONS] CONTAINER [CONTAINER...]', 'Remove one or more containers', (docker, args, ctx) => {
  const f = parseFlags(
    args,
    [
      { long: 'force', short: 'f', kind: 'bool' },
      { long: 'volumes', short: 'v', kind: 'bool' },
    ],
    'rm',
  );
  if (!flagsOrFail(ctx, f)) return 125;
  if (!connected(docker, ctx)) return 1;
  if (!requireArgs(ctx, 'rm', f.args, 1)) return 1;
  return eachContainer(docker, ctx, f.args, (c) => removeContainer(docker, c, !!f.flags.force));
});

sub('rmi', '[OPTIONS] IMAGE [IMAGE...]', 'Remove one or more images', (docker, args, ctx) => {
  const f = parseFlags(args, [{ long: 'force', short: 'f', kind: 'bool' }], 'rmi');
  if (!flagsOrFail(ctx, f)) return 125;
  if (!connected(docker, ctx)) return 1;
  if (!requireArgs(ctx, 'rmi', f.args, 1)) return 1;
  let status = 0;
  const store = docker.store();
  for (const ref of f.args) {
    const img = store.findImage(ref);
    if (!img) {
      ctx.err(`Error response from daemon: No such image: ${ref}\n`);
      status = 1;
      continue;
    }
    const user = [...store.containers.values()].find((c) => c.imageId === img.id);
    if (user && !f.flags.force) {
      ctx.err(
        `Error response from daemon: conflict: unable to remove repository reference "${ref}" (must force) - container ${shortId(user.id)} is using its referenced image ${shortId(img.id)}\n`,
      );
      status = 1;
      continue;
    }
    const tagged = ref.includes(':') ? ref : `${ref}:latest`;
    const out: string[] = [];
    if (img.tags.length > 1 && img.tags.includes(tagged)) {
      img.tags = img.tags.filter((t) => t !== tagged);
      ctx.out(`Untagged: ${tagged}\n`);
      continue;
    }
    for (const t of img.tags)
      out.push(`Untagged: ${t}`, ...(img.digest ? [`Untagged: ${t.split(':')[0]}@${img.digest}`] : []));
    out.push(`Deleted: ${img.id}`);
    store.images.delete(img.id);
    for (const cid of [...img.layers].reverse()) {
      const l = store.layers.get(cid)!;
      l.refs--;
      const stillUsed = l.refs > 0 || [...store.layers.values()].some((o) => o.parent === cid);
      if (stillUsed) break;
      const e = docker.driver!.remove(l.cacheId);
      if (e) {
        ctx.err(`Error response from daemon: ${e}\n`);
        status = 1;
        break;
      }
      store.layers.delete(cid);
      out.push(`Deleted: sha256:${cid}`);
    }
    docker.machine.events.emit({ type: 'image', action: 'remove', ref });
    ctx.out(out.join('\n') + '\n');
  }
  return status;
});

sub('ps', '[OPTIONS]', 'List containers', (docker, args, ctx) => {
  const f = parseFlags(
    args,
    [
      { long: 'all', short: 'a', kind: 'bool' },
      { long: 'quiet', short: 'q', kind: 'bool' },
      { long: 'no-trunc', kind: 'bool' },
      { long: 'size', short: 's', kind: 'bool' },
      { long: 'format', kind: 'string' },
      { long: 'filter', short: 'f', kind: 'list' },
    ],
    'ps',
  );
  if (!flagsOrFail(ctx, f)) return 125;
  if (!connected(docker, ctx)) return 1;
  return listContainers(docker, ctx, f.flags);
});

sub('exec', '[OPTIONS] CONTAINER COMMAND [ARG...]', 'Run a command in a running container', (docker, args, ctx) => {
  const f = parseFlags(
    args,
    [
      { long: 'interactive', short: 'i', kind: 'bool' },
      { long: 'tty', short: 't', kind: 'bool' },
      { long: 'detach', short: 'd', kind: 'bool' },
      { long: 'privileged', kind: 'bool' },
      { long: 'user', short: 'u', kind: 'string' },
      { long: 'env', short: 'e', kind: 'list' },
    ],
    'exec',
    false,
  );
  if (!flagsOrFail(ctx, f)) return 125;
  if (!connected(docker, ctx)) return 1;
  if (!requireArgs(ctx, 'exec', f.args, 2)) return 1;
  const c = docker.store().findContainer(f.args[0]);
  if (!c) {
    ctx.err(`Error response from daemon: No such container: ${f.args[0]}\n`);
    return 1;
  }
  if (c.state !== 'running') {
    ctx.err(`Error response from daemon: Container ${c.id} is not running\n`);
    return 1;
  }
  const env = execEnv(docker, c);
  if (f.flags.privileged) env.privileged = true;
  const r = execInContainer(f.args.slice(1), env);
  if (r.out) ctx.out(r.out);
  if (r.err) ctx.err(r.err);
  return r.status;
});

sub(
  'inspect',
  '[OPTIONS] NAME|ID [NAME|ID...]',
  'Return low-level information on Docker objects',
  (docker, args, ctx) => {
    const f = parseFlags(
      args,
      [
        { long: 'format', short: 'f', kind: 'string' },
        { long: 'type', kind: 'string' },
      ],
      'inspect',
    );
    if (!flagsOrFail(ctx, f)) return 125;
    if (!connected(docker, ctx)) return 1;
    if (!requireArgs(ctx, 'inspect', f.args, 1)) return 1;
    return inspectCommand(docker, ctx, f.flags, f.args);
  },
);

sub(
  'commit',
  '[OPTIONS] CONTAINER [REPOSITORY[:TAG]]',
  "Create a new image from a container's changes",
  (docker, args, ctx) => {
    const f = parseFlags(
      args,
      [
        { long: 'message', short: 'm', kind: 'string' },
        { long: 'author', short: 'a', kind: 'string' },
        { long: 'pause', short: 'p', kind: 'bool' },
        { long: 'change', short: 'c', kind: 'list' },
      ],
      'commit',
    );
    if (!flagsOrFail(ctx, f)) return 125;
    if (!connected(docker, ctx)) return 1;
    if (!requireArgs(ctx, 'commit', f.args, 1)) return 1;
    const c = docker.store().findContainer(f.args[0]);
    if (!c) {
      ctx.err(`Error response from daemon: No such container: ${f.args[0]}\n`);
      return 1;
    }
    const r = commitContainer(docker, c, f.args[1]);
    if (typeof r === 'string') {
      ctx.err(r + '\n');
      return 1;
    }
    ctx.out(r.id + '\n');
    return 0;
  },
);

sub(
  'save',
  '[OPTIONS] IMAGE [IMAGE...]',
  'Save one or more images to a tar archive (streamed to STDOUT by default)',
  (docker, args, ctx) => {
    const f = parseFlags(args, [{ long: 'output', short: 'o', kind: 'string' }], 'save');
    if (!flagsOrFail(ctx, f)) return 125;
    if (!requireArgs(ctx, 'save', f.args, 1)) return 1;
    const out = f.flags.output as string | undefined;
    // The client refuses before it asks the daemon for anything (cli/command/image/save.go).
    if (!out && ctx.stdoutIsTerminal !== false) {
      ctx.err('Cowardly refusing to save to a terminal. Use the -o flag or redirect.\n');
      return 1;
    }
    if (!connected(docker, ctx)) return 1;
    const img = docker.store().findImage(f.args[0]);
    if (!img) {
      ctx.err(`Error response from daemon: reference does not exist\n`);
      return 1;
    }
    if (!out) {
      // The tar streamed to the pipe or file: its length is what counts (the sandbox keeps no layer data to put in it).
      const bytes = savedTarBytes(docker, img);
      if (ctx.outZeros) ctx.outZeros(bytes);
      else ctx.out('\0'.repeat(bytes));
      return 0;
    }
    const e = saveImage(docker, img, ctx.cwd, out);
    if (e) {
      ctx.err(`failed to save image: ${e}\n`);
      return 1;
    }
    return 0;
  },
);

/** docker system df [-v]: the space summary, or the tables of images, containers and volumes. */
const systemDfCommand: Sub = (docker, args, ctx) => {
  const f = parseFlags(args, [{ long: 'verbose', short: 'v', kind: 'bool' }], 'system df');
  if (!flagsOrFail(ctx, f)) return 125;
  if (!connected(docker, ctx)) return 1;
  return printSystemDf(docker, ctx, !!f.flags.verbose);
};

/** A management command's verb: another subcommand with fixed leading arguments, or a command of its own. */
type Verb = { about: string } & ({ to: string; pre?: string[] } | { run: Sub });

/** The management commands of 1.13+ (`docker container ls` is `docker ps`) over the subcommands the sandbox has. */
const management: Record<string, { about: string; verbs: Record<string, Verb> }> = {
  container: {
    about: 'Manage containers',
    verbs: {
      commit: { about: "Create a new image from a container's changes", to: 'commit' },
      create: { about: 'Create a new container', to: 'create' },
      exec: { about: 'Run a command in a running container', to: 'exec' },
      inspect: {
        about: 'Display detailed information on one or more containers',
        to: 'inspect',
        pre: ['--type', 'container'],
      },
      ls: { about: 'List containers', to: 'ps' },
      rm: { about: 'Remove one or more containers', to: 'rm' },
      run: { about: 'Run a command in a new container', to: 'run' },
      start: { about: 'Start one or more stopped containers', to: 'start' },
      stop: { about: 'Stop one or more running containers', to: 'stop' },
    },
  },
  image: {
    about: 'Manage images',
    verbs: {
      inspect: { about: 'Display detailed information on one or more images', to: 'inspect', pre: ['--type', 'image'] },
      ls: { about: 'List images', to: 'images' },
      pull: { about: 'Pull an image or a repository from a registry', to: 'pull' },
      rm: { about: 'Remove one or more images', to: 'rmi' },
      save: { about: 'Save one or more images to a tar archive (streamed to STDOUT by default)', to: 'save' },
    },
  },
  system: {
    about: 'Manage Docker',
    verbs: {
      df: { about: 'Show docker disk usage', run: systemDfCommand },
      info: { about: 'Display system-wide information', to: 'info' },
    },
  },
};
// Aliases cobra knows for some verbs.
const verbAliases: Record<string, string> = { ps: 'ls', list: 'ls', remove: 'rm' };

/** `docker container|image|system VERB …`; the group's usage when the verb is missing or unknown. */
function runManagement(docker: Docker, group: string, argv: string[], ctx: CommandContext): number {
  const g = management[group];
  const verb = argv[0] && (g.verbs[argv[0]] ? argv[0] : verbAliases[argv[0]]);
  const v = verb ? g.verbs[verb] : undefined;
  if (!v) {
    const list = Object.entries(g.verbs)
      .map(([n, x]) => `  ${n.padEnd(12)}${x.about}`)
      .join('\n');
    const usage = `\nUsage:\tdocker ${group} COMMAND\n\n${g.about}\n\nOptions:\n      --help   Print usage\n\nCommands:\n${list}\n\nRun 'docker ${group} COMMAND --help' for more information on a command.\n`;
    // No verb is a request for help; an unknown one is refused with the same text on stderr.
    if (argv[0] === undefined || argv[0] === '--help') {
      ctx.out(usage);
      return 0;
    }
    ctx.err(usage);
    return 1;
  }
  if ('run' in v) return v.run(docker, argv.slice(1), ctx);
  if (argv.includes('--help')) {
    ctx.out(`\nUsage:\tdocker ${group} ${verb} ${subs[v.to].usage}\n\n${v.about}\n`);
    return 0;
  }
  return subs[v.to].run(docker, [...(v.pre ?? []), ...argv.slice(1)], ctx);
}

/** The `docker` command. */
export function dockerCommand(ctx: CommandContext): number {
  const docker = ctx.machine.docker;
  const argv = ctx.argv.slice(1);
  // Global flags before the subcommand are accepted and ignored (-D, --debug, -H unix:///…).
  while (argv[0] && argv[0].startsWith('-')) {
    const g = argv.shift()!;
    if (g === '-v' || g === '--version') {
      ctx.out(`Docker version ${docker.version}, build ${docker.commit}\n`);
      return 0;
    }
    if (g === '-H' || g === '--host') argv.shift();
  }
  const name = argv[0];
  if (!name || name === 'help' || name === '--help') {
    ctx.out(
      `\nUsage:\tdocker COMMAND\n\nA self-sufficient runtime for containers\n\n${
        atLeast(docker.version, '1.13.0')
          ? `Management Commands:\n${Object.entries(management)
              .map(([n, g]) => `  ${n.padEnd(12)}${g.about}`)
              .join('\n')}\n\n`
          : ''
      }Commands:\n${Object.entries(subs)
        .map(([n, s]) => `  ${n.padEnd(12)}${s.about}`)
        .join('\n')}\n\nRun 'docker COMMAND --help' for more information on a command.\n`,
    );
    return name ? 0 : 0;
  }
  if (management[name] && atLeast(docker.version, '1.13.0')) return runManagement(docker, name, argv.slice(1), ctx);
  const s = subs[name];
  if (!s) {
    ctx.err(
      atLeast(docker.version, '17.06.0')
        ? `docker: '${name}' is not a docker command.\nSee 'docker --help'\n`
        : `docker: '${name}' is not a docker command.\nSee 'docker --help'\n`,
    );
    return 1;
  }
  if (argv.includes('--help')) {
    ctx.out(`\nUsage:\tdocker ${name} ${s.usage}\n\n${s.about}\n`);
    return 0;
  }
  return s.run(docker, argv.slice(1), ctx);
}
