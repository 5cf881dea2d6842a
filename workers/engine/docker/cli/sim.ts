// sim read/write/discard (block I/O on a container's thin device) and sim reboot: what no real command shows or does.
import type { CommandContext } from '../../shell/types';
import type { SimTable } from '../../shell/sim';
import type { Docker } from '../docker';
import type { ContainerRecord } from '../store';
import type { ThinPool } from '../../dm/thinPool';
import { dockerSimSynopsis } from './simSynopsis';
import { shortId } from '../ids';

/** One device of a container's snapshot chain, named by its role. */
export interface ChainLink {
  role: string;
  hash: string;
  devId: number;
}

/** The container's device, its -init device, the image layers top to bottom, and the base device. */
export function deviceChain(docker: Docker, c: ContainerRecord): ChainLink[] | null {
  const ds = docker.deviceSet;
  if (!ds) return null;
  const store = docker.store();
  const img = store.images.get(c.imageId);
  const links: ChainLink[] = [];
  const add = (role: string, hash: string) => {
    const d = ds.lookup(hash);
    if (d) links.push({ role, hash, devId: d.deviceId });
  };
  add(`container ${c.name}`, c.mountId);
  add(`${c.name} -init`, `${c.mountId}-init`);
  const layers = img?.layers ?? [];
  const ref = img?.tags[0] ?? shortId(c.imageId);
  for (let i = layers.length - 1; i >= 0; i--)
    add(`${ref} layer ${i + 1}/${layers.length}`, store.layers.get(layers[i])!.cacheId);
  add('base device', '');
  return links;
}

function parseBlocks(spec: string | undefined): { first: number; count: number } | null {
  if (!spec) return null;
  const m = /^(0x[0-9a-fA-F]+|\d+)(?:\+(0x[0-9a-fA-F]+|\d+))?$/.exec(spec);
  if (!m) return null;
  const first = Number(m[1]);
  const count = m[2] === undefined ? 1 : Number(m[2]);
  return count > 0 ? { first, count } : null;
}

const hex = (n: number) => `0x${n.toString(16)}`;

interface Target {
  docker: Docker;
  c: ContainerRecord;
  pool: ThinPool;
  chain: ChainLink[];
  first: number;
  count: number;
}

function target(ctx: CommandContext, verb: string): Target | number {
  const [, , ref, spec] = ctx.argv;
  const docker = ctx.machine.docker;
  if (!ref || !spec) {
    ctx.err(`usage: sim ${verb} CONTAINER BLOCK[+COUNT]   (BLOCK in pool blocks, decimal or 0x hex)\n`);
    return 2;
  }
  if (!docker.running) {
    ctx.err('sim: the Docker daemon is not running\n');
    return 1;
  }
  const c = docker.store().findContainer(ref);
  if (!c) {
    ctx.err(`sim: no such container: ${ref}\n`);
    return 1;
  }
  const chain = deviceChain(docker, c);
  const pool = docker.deviceSet?.pool();
  if (!chain || !pool) {
    ctx.err(
      `sim: ${verb} needs the devicemapper storage driver (this daemon runs ${docker.driver?.name ?? 'nothing'})\n`,
    );
    return 1;
  }
  const b = parseBlocks(spec);
  if (!b) {
    ctx.err(`sim: invalid block '${spec}': give BLOCK or BLOCK+COUNT, decimal or 0x hex\n`);
    return 2;
  }
  const dev = docker.deviceSet!.lookup(c.mountId)!;
  const blocks = Math.floor(dev.size / pool.blockBytes);
  if (b.first + b.count > blocks) {
    ctx.err(
      `sim: block ${hex(b.first + b.count - 1)} is past the end of the device (${blocks} blocks of ${pool.blockBytes / 1024} KiB)\n`,
    );
    return 1;
  }
  return { docker, c, pool, chain, ...b };
}

function roleOf(chain: ChainLink[], devId: number): string {
  return chain.find((l) => l.devId === devId)?.role ?? `device ${devId} (outside this chain)`;
}

/** `sim read CTR BLOCK[+COUNT]`: which device of the chain provides each block, and the data block it maps to. */
function simRead(ctx: CommandContext): number {
  const t = target(ctx, 'read');
  if (typeof t === 'number') return t;
  const ds = t.docker.deviceSet!;
  const lines: string[] = [];
  lines.push(`device chain of ${t.c.name} (each a thin snapshot of the next):`);
  for (const l of t.chain)
    lines.push(`  dev ${String(l.devId).padEnd(4)} ${l.role.padEnd(28)} ${ds.deviceName(l.hash)}`);
  for (let v = t.first; v < t.first + t.count; v++) {
    const r = t.pool.read(t.chain[0].devId, v);
    if (!r) {
      lines.push(`block ${hex(v)} (${v}): not provisioned in any device of the chain: the read returns zeros`);
      continue;
    }
    const shared = `, reference count ${t.pool.refCount(r.dblock)}`;
    lines.push(
      `block ${hex(v)} (${v}): provided by ${roleOf(t.chain, r.providedBy)} (dev ${r.providedBy}) -> data block ${hex(r.dblock)} (${r.dblock}) of ${ds.poolName}${shared}`,
    );
  }
  ctx.out(lines.join('\n') + '\n');
  return 0;
}

/** Runs I/O and reports, block by block, what the pool did (from the events it emitted). */
function blockIo(ctx: CommandContext, verb: 'write' | 'discard'): number {
  const t = target(ctx, verb);
  if (typeof t === 'number') return t;
  const events = ctx.machine.events;
  const seen: string[] = [];
  const off = events.on((e) => {
    if (e.type === 'block-provisioned') seen.push(`block ${hex(e.vblock)}: provisioned data block ${hex(e.dblock)}`);
    else if (e.type === 'sharing-broken')
      seen.push(`block ${hex(e.vblock)}: shared data block ${hex(e.from)} copied to ${hex(e.to)} (copy-on-write)`);
    else if (e.type === 'block-overwritten')
      seen.push(`block ${hex(e.vblock)}: overwritten in place in data block ${hex(e.dblock)}`);
    else if (e.type === 'block-unmapped')
      seen.push(`block ${hex(e.vblock)}: unmapped from data block ${hex(e.dblock)}`);
    else if (e.type === 'block-freed') seen.push(`  data block ${hex(e.dblock)} is free again`);
    else if (e.type === 'discard-passdown')
      seen.push(`  discard passed down to the data device: ${e.count} block(s) at ${hex(e.dblock)}`);
    else if (e.type === 'low-water-mark')
      seen.push(`pool reached its low water mark (${e.free} free blocks <= ${e.lowWaterMark})`);
    else if (e.type === 'pool-mode') seen.push(`pool switched to ${e.mode} mode`);
  });
  const r =
    verb === 'write'
      ? t.pool.write(t.chain[0].devId, t.first, t.count)
      : t.pool.discard(t.chain[0].devId, t.first, t.count);
  off();
  if (seen.length) ctx.out(seen.join('\n') + '\n');
  if (r === 'queued') {
    ctx.out(
      'IO queued: the pool is out of data space (queue_if_no_space); it completes if the pool grows, or fails after 60 s\n',
    );
    return 0;
  }
  if (r !== 'ok') {
    ctx.err(
      `sim: ${verb} failed: ${r === 'ENOSPC' ? 'No space left on device' : r === 'EIO' ? 'Input/output error' : r}\n`,
    );
    return 1;
  }
  return 0;
}

/** `sim reboot [--no-activate]`: everything not on disk is lost; LVM activates VGs (unless told not to), systemd starts docker. */
function simReboot(ctx: CommandContext): number {
  const m = ctx.machine;
  const noActivate = ctx.argv.includes('--no-activate');
  m.docker.stop();
  m.lvm.deactivateAll();
  for (const d of [...m.dm.list()].reverse()) m.dm.remove(d.name);
  for (const l of m.host.loops.list()) m.host.detachLoop(l.name);
  m.clock.tick(90);
  m.lvm.activateOnBoot({ activate: !noActivate });
  const r = m.docker.start();
  ctx.out(`rebooted; docker.service ${r.ok ? 'started' : 'failed to start (see journalctl -u docker)'}\n`);
  return 0;
}

/** Docker releases the sandbox models: 1.13 up to 20.10, the last with the devicemapper driver. */
const DOCKER_VERSION = /^(1\.1[23]|1[7-9]\.(0[1-9]|1[0-2])|20\.10)\.\d+(-ce|-ee)?(-rc\d+)?$/;

/** `sim docker-version [VERSION]`: installs another dockerd; it runs from the next daemon start (nothing restarts). */
function simDockerVersion(ctx: CommandContext): number {
  const docker = ctx.machine.docker;
  const v = ctx.argv[2];
  if (v === undefined) {
    const pending = docker.pendingVersion ? ` (${docker.pendingVersion} installed, runs from the next start)` : '';
    ctx.out(`docker ${docker.version}${pending}\n`);
    return 0;
  }
  if (!DOCKER_VERSION.test(v)) {
    ctx.err(
      `sim: unknown Docker version '${v}': give one from 1.12.0 to 20.10.x, e.g. 17.03.1-ce, 17.06.2-ce, 18.09.0\n`,
    );
    return 2;
  }
  if (!docker.running) {
    ctx.machine.profile.dockerVersion = v;
    docker.pendingVersion = null;
    ctx.out(`docker ${v} installed\n`);
    return 0;
  }
  docker.pendingVersion = v === docker.version ? null : v;
  ctx.out(
    docker.pendingVersion
      ? `docker ${v} installed; it runs from the next daemon start (systemctl restart docker)\n`
      : `docker ${v} installed\n`,
  );
  return 0;
}

/** The sim subcommands of the docker layer. */
export const dockerSimCommands: SimTable = {
  read: { ...dockerSimSynopsis.read, run: simRead },
  write: { ...dockerSimSynopsis.write, run: (ctx) => blockIo(ctx, 'write') },
  discard: { ...dockerSimSynopsis.discard, run: (ctx) => blockIo(ctx, 'discard') },
  'docker-version': { ...dockerSimSynopsis['docker-version'], run: simDockerVersion },
  reboot: { ...dockerSimSynopsis.reboot, run: simReboot },
};
