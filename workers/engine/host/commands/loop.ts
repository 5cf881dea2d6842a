// losetup (util-linux 2.23): -f, -f --show FILE, DEV FILE, -a, -l, -d, -c, and the bare listing.
import type { CommandContext, CommandTable } from '../../shell/types';
import { parseOpts } from '../../shell/commands/opts';
import { failed, strerror } from '../errno';
import { resolvePath } from '../paths';
import type { LoopDevice } from '../loopDevices';

/** `/dev/loop0: [51713]:8413959 (/var/lib/docker/devicemapper/devicemapper/data)`. */
function infoLine(l: LoopDevice): string {
  const devno = l.backingDev.major * 256 + l.backingDev.minor;
  return `/dev/${l.name}: [${String(devno).padStart(4, '0')}]:${l.node.ino} (${l.file})\n`;
}

function losetup(ctx: CommandContext): number {
  const p = parseOpts(ctx, {
    flags: 'afdclDrP',
    withValue: 'jo',
    long: { all: 'a', find: 'f', detach: 'd', 'detach-all': 'D', 'set-capacity': 'c', list: 'l', show: 'show', 'read-only': 'r', partscan: 'P', 'associated=': 'j', 'offset=': 'o' },
  });
  if (typeof p === 'number') return p;
  const o = p.opts;
  const loops = ctx.machine.host.loops;
  const devName = (d: string) => d.replace(/^\/dev\//, '');
  if ('a' in o) {
    for (const l of loops.list()) ctx.out(infoLine(l));
    return 0;
  }
  if ('D' in o) {
    for (const l of loops.list()) loops.detach(l.name);
    return 0;
  }
  if ('d' in o) {
    if (!p.args.length) {
      ctx.err(`losetup: option requires an argument -- 'd'\n`);
      return 1;
    }
    let st = 0;
    for (const d of p.args) {
      if (loops.detach(devName(d))) {
        ctx.err(`losetup: ${d}: detach failed: No such device or address\n`);
        st = 1;
      }
    }
    return st;
  }
  if ('c' in o) {
    const d = p.args[0];
    if (!d) {
      ctx.err(`losetup: option requires an argument -- 'c'\n`);
      return 1;
    }
    if (loops.setCapacity(devName(d))) {
      ctx.err(`losetup: ${d}: set capacity failed: No such device or address\n`);
      return 1;
    }
    return 0;
  }
  if ('f' in o) {
    if (!p.args.length) {
      ctx.out(`/dev/${loops.firstFree()}\n`);
      return 0;
    }
    return attach(ctx, undefined, p.args[0], 'show' in o, 'r' in o);
  }
  if (p.args.length >= 2) return attach(ctx, devName(p.args[0]), p.args[1], 'show' in o, 'r' in o);
  if (p.args.length === 1) {
    const l = loops.attached.get(devName(p.args[0]));
    if (!l) {
      ctx.err(`losetup: ${p.args[0]}: No such device or address\n`);
      return 1;
    }
    ctx.out(infoLine(l));
    return 0;
  }
  // No arguments: the --list table.
  const rows = loops.list().map((l) => [`/dev/${l.name}`, '0', '0', l.autoclear ? '1' : '0', l.ro ? '1' : '0', l.file]);
  if (!rows.length) return 0;
  const head = ['NAME', 'SIZELIMIT', 'OFFSET', 'AUTOCLEAR', 'RO', 'BACK-FILE'];
  const w = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const fmt = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(w[i]) : i === 5 ? c : c.padStart(w[i]))).join(' ');
  ctx.out([head, ...rows].map((r) => fmt(r) + '\n').join(''));
  return 0;
}

function attach(ctx: CommandContext, name: string | undefined, file: string, show: boolean, ro: boolean): number {
  const host = ctx.machine.host;
  if (name !== undefined && !/^loop\d+$/.test(name)) {
    ctx.err(`losetup: ${name}: failed to set up loop device: No such file or directory\n`);
    return 1;
  }
  const r = host.attachLoop(resolvePath(ctx.cwd, file), { name, readOnly: ro });
  if (failed(r)) {
    const who = r.errno === 'EBUSY' ? `/dev/${name}` : file;
    ctx.err(`losetup: ${who}: failed to set up loop device: ${strerror(r.errno)}\n`);
    return 1;
  }
  r.file = resolvePath(ctx.cwd, file);
  if (show) ctx.out(`/dev/${r.name}\n`);
  return 0;
}

/** The loop device commands. */
export const loopCommands: CommandTable = { losetup };
