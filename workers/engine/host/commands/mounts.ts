// mount, umount and df (util-linux 2.23, coreutils 8.22) over the host's mount table.
import type { CommandContext, CommandTable } from '../../shell/types';
import { parseOpts } from '../../shell/commands/opts';
import { coreutilsHuman } from '../../shell/commands/human';
import { failed, strerror } from '../errno';
import { resolvePath } from '../paths';
import type { MountEntry } from '../mountTable';

function mount(ctx: CommandContext): number {
  const p = parseOpts(ctx, { flags: 'alrwvnfB', withValue: 'to', long: { 'types=': 't', 'options=': 'o', bind: 'B', 'read-only': 'r' } });
  if (typeof p === 'number') return p;
  const host = ctx.machine.host;
  const table = host.vfs.mounts.entries;
  if (!p.args.length) {
    const type = p.opts.t;
    for (const m of table) if (!type || m.fstype === type) ctx.out(`${m.source} on ${m.target} type ${m.fstype} (${m.options})\n`);
    return 0;
  }
  if (p.args.length === 1) {
    ctx.err(`mount: can't find ${p.args[0]} in /etc/fstab\n`);
    return 1;
  }
  const [src, dir] = p.args;
  const target = resolvePath(ctx.cwd, dir);
  if ('B' in p.opts || (p.opts.o ?? '').split(',').includes('bind')) {
    const e = host.bindMount(resolvePath(ctx.cwd, src), target);
    if (e) {
      ctx.err(`mount: special device ${src} does not exist\n`);
      return 32;
    }
    return 0;
  }
  const st = host.vfs.stat(target);
  if (failed(st)) {
    ctx.err(`mount: mount point ${dir} does not exist\n`);
    return 32;
  }
  const dev = host.blockDevices.resolve(src);
  if (!dev) {
    ctx.err(`mount: special device ${src} does not exist\n`);
    return 32;
  }
  const probed = host.probeFilesystem(dev);
  const fstype = p.opts.t ?? probed?.fstype;
  if (!probed || (p.opts.t && p.opts.t !== probed.fstype)) {
    if (!fstype) ctx.err(`mount: you must specify the filesystem type\n`);
    else
      ctx.err(
        `mount: wrong fs type, bad option, bad superblock on ${src},\n       missing codepage or helper program, or other error\n\n       In some cases useful info is found in syslog - try\n       dmesg | tail or so.\n`,
      );
    return 32;
  }
  if (table.some((m) => m.target === target && host.blockDevices.resolve(m.source) === dev)) {
    ctx.err(`mount: ${src} is already mounted or ${dir} busy\n`);
    return 32;
  }
  const opts = ['rw', 'relatime', 'seclabel', ...(probed.fstype === 'xfs' ? ['attr2', 'inode64'] : []), ...(p.opts.o ? p.opts.o.split(',').filter((x) => x !== 'rw') : []), ...(probed.fstype === 'xfs' ? ['noquota'] : ['data=ordered'])];
  const e = host.mount(src, target, probed.fstype, [...new Set(opts)].join(','), probed.provider, probed.space);
  if (e) {
    ctx.err(`mount: ${dir}: ${strerror(e.errno)}\n`);
    return 32;
  }
  return 0;
}

function umount(ctx: CommandContext): number {
  const p = parseOpts(ctx, { flags: 'lfRav' });
  if (typeof p === 'number') return p;
  if (!p.args.length) {
    ctx.err(`Usage:\n umount [-hV]\n umount -a [options]\n umount [options] <source> | <directory>\n`);
    return 1;
  }
  let st = 0;
  for (const a of p.args) {
    const what = a.startsWith('/dev/') ? a : resolvePath(ctx.cwd, a);
    const e = ctx.machine.host.umount(what);
    if (e) {
      if (e.errno === 'EBUSY')
        ctx.err(`umount: ${a}: target is busy.\n        (In some cases useful info about processes that use\n         the device is found by lsof(8) or fuser(1))\n`);
      else ctx.err(`umount: ${a}: not mounted\n`);
      st = 32;
    }
  }
  return st;
}

function df(ctx: CommandContext): number {
  const p = parseOpts(ctx, { flags: 'hTkaHPi', withValue: 't', long: { 'human-readable': 'h', 'print-type': 'T', all: 'a', 'type=': 't', si: 'H', portability: 'P' } });
  if (typeof p === 'number') return p;
  const host = ctx.machine.host;
  let entries: MountEntry[] = [];
  let st = 0;
  if (p.args.length) {
    for (const a of p.args) {
      const path = resolvePath(ctx.cwd, a);
      if (failed(host.vfs.stat(path))) {
        ctx.err(`df: ‘${a}’: No such file or directory\n`);
        st = 1;
        continue;
      }
      const m = host.vfs.mounts.at(path);
      if (m) entries.push(m);
    }
  } else {
    const seen = new Set<string>();
    for (const m of host.vfs.mounts.entries) {
      if (!m.space || (!m.inDf && !('a' in p.opts))) continue;
      if (seen.has(m.target)) continue;
      seen.add(m.target);
      entries.push(m);
    }
  }
  if (p.opts.t) entries = entries.filter((m) => m.fstype === p.opts.t);
  const human = 'h' in p.opts;
  const size = (b: number) => (human ? coreutilsHuman(b) : String(Math.ceil(b / 1024)));
  const head = ['Filesystem', ...('T' in p.opts ? ['Type'] : []), human ? 'Size' : '1K-blocks', 'Used', human ? 'Avail' : 'Available', 'Use%', 'Mounted on'];
  const rows = entries.map((m) => {
    const sp = m.space!;
    const used = sp.size - sp.free;
    const pct = used + sp.free ? Math.ceil((used * 100) / (used + sp.free)) : 0;
    return [m.source, ...('T' in p.opts ? [m.fstype] : []), size(sp.size), size(used), size(sp.free), sp.size ? `${pct}%` : '-', m.target];
  });
  const w = head.map((h, i) => Math.max(i === 0 ? 14 : h.length, ...rows.map((r) => r[i].length)));
  const typed = 'T' in p.opts ? 1 : 0;
  const fmt = (r: string[]) =>
    r.map((c, i) => (i === r.length - 1 ? c : i === 0 || (typed && i === 1) ? c.padEnd(w[i]) : c.padStart(w[i]))).join(' ');
  ctx.out([head, ...rows].map((r) => fmt(r) + '\n').join(''));
  return st;
}

/** Mount table commands. */
export const mountCommands: CommandTable = { mount, umount, df };
