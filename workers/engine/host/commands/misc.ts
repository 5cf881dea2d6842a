// dmesg, blkid and the host's `sim` subcommands (disk, hostfree).
import type { CommandContext, CommandTable } from '../../shell/types';
import type { SimTable } from '../../shell/sim';
import { parseOpts } from '../../shell/commands/opts';
import { failed } from '../errno';
import { hostSimSynopsis } from './simSynopsis';
import { parseCoreutilsSize, humanSize } from '../../units';

function dmesg(ctx: CommandContext): number {
  const p = parseOpts(ctx, { flags: 'cCTrHxkw', long: { clear: 'C', 'read-clear': 'c', ctime: 'T', raw: 'r' } });
  if (typeof p === 'number') return p;
  const ring = ctx.machine.host.dmesg;
  ctx.out(ring.format());
  if ('c' in p.opts || 'C' in p.opts) ring.lines.length = 0;
  return 0;
}

/** A deterministic UUID for a device (blkid output). */
function fakeUuid(seed: string): string {
  let h = 2166136261;
  const hex: string[] = [];
  for (let i = 0; i < 32; i++) {
    for (const c of seed + i) h = Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0;
    hex.push((h & 15).toString(16));
  }
  const s = hex.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-4${s.slice(13, 16)}-a${s.slice(17, 20)}-${s.slice(20, 32)}`;
}

function blkid(ctx: CommandContext): number {
  const host = ctx.machine.host;
  const devs =
    ctx.argv.length > 1
      ? ctx.argv
          .slice(1)
          .filter((a) => !a.startsWith('-'))
          .map((a) => host.blockDevices.resolve(a))
      : host.blockDevices.list();
  let any = false;
  for (const d of devs) {
    if (!d) continue;
    const fs = host.probeFilesystem(d);
    if (!fs) continue;
    any = true;
    ctx.out(`/dev/${d.name}: UUID="${fakeUuid(d.storageId)}" TYPE="${fs.fstype}" \n`);
  }
  return any ? 0 : 2;
}

/** `sim` subcommands of the host layer. */
export const hostSimCommands: SimTable = {
  disk: {
    ...hostSimSynopsis.disk,
    run: (ctx) => {
      const [, , name, size] = ctx.argv;
      if (!name || !size) {
        ctx.err('usage: sim disk NAME SIZE\n');
        return 2;
      }
      const sz = parseCoreutilsSize(size);
      if (!sz.ok || sz.op || sz.bytes <= 0) {
        ctx.err(`sim disk: invalid size '${size}'\n`);
        return 2;
      }
      const r = ctx.machine.host.attachDisk(name.replace(/^\/dev\//, ''), sz.bytes);
      if (failed(r)) {
        ctx.err(
          r.errno === 'EEXIST' ? `sim disk: /dev/${name} already exists\n` : `sim disk: invalid disk name '${name}'\n`,
        );
        return 1;
      }
      ctx.out(`attached /dev/${r.name} (${r.major}:${r.minor}), ${humanSize(r.size)}\n`);
      return 0;
    },
  },
  hostfree: {
    ...hostSimSynopsis.hostfree,
    run: (ctx) => {
      const size = ctx.argv[2];
      const sz = size ? parseCoreutilsSize(size) : null;
      if (!sz || !sz.ok || sz.op) {
        ctx.err(size ? `sim hostfree: invalid size '${size}'\n` : 'usage: sim hostfree SIZE\n');
        return 2;
      }
      const host = ctx.machine.host;
      host.setHostFree(sz.bytes);
      ctx.out(`${host.rootSpace.source}: ${host.rootSpace.free} bytes free\n`);
      return 0;
    },
  },
};

/** dmesg and blkid. */
export const miscCommands: CommandTable = { dmesg, blkid };
