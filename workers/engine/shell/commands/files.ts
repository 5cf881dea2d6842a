// File commands: mkdir, rm, mv, cp, touch, ls, du, stat, rmdir.
import type { CommandContext, CommandTable } from '../types';
import { parseOpts, missingOperand } from './opts';
import { abs } from './io';
import { coreutilsHuman } from './human';
import { lsDate, statDate } from './dates';
import { failed, strerror } from '../../host/errno';
import { basename } from '../../host/paths';
import type { VfsStat } from '../../host/vfsNodes';
import { FS_BLOCK } from '../../host/extentMap';

function mkdir(ctx: CommandContext): number {
  const p = parseOpts(ctx, { flags: 'pv', withValue: 'm', long: { parents: 'p', verbose: 'v', 'mode=': 'm' } });
  if (typeof p === 'number') return p;
  if (!p.args.length) return missingOperand(ctx);
  let st = 0;
  const vfs = ctx.machine.host.vfs;
  for (const d of p.args) {
    const e = vfs.mkdir(abs(ctx, d), 'p' in p.opts, p.opts.m ? parseInt(p.opts.m, 8) : 0o755);
    if (e) {
      ctx.err(`mkdir: cannot create directory ‘${d}’: ${strerror(e.errno)}\n`);
      st = 1;
    } else if ('v' in p.opts) ctx.out(`mkdir: created directory ‘${d}’\n`);
  }
  return st;
}

function rm(ctx: CommandContext): number {
  const p = parseOpts(ctx, { flags: 'rRfiv', long: { recursive: 'r', force: 'f', verbose: 'v' } });
  if (typeof p === 'number') return p;
  const force = 'f' in p.opts;
  const recursive = 'r' in p.opts || 'R' in p.opts;
  if (!p.args.length) return force ? 0 : missingOperand(ctx);
  const vfs = ctx.machine.host.vfs;
  let st = 0;
  for (const a of p.args) {
    const path = abs(ctx, a);
    const s = vfs.stat(path);
    if (failed(s)) {
      if (!force) {
        ctx.err(`rm: cannot remove ‘${a}’: No such file or directory\n`);
        st = 1;
      }
      continue;
    }
    if (s.kind === 'dir' && !recursive) {
      ctx.err(`rm: cannot remove ‘${a}’: Is a directory\n`);
      st = 1;
      continue;
    }
    if (path === '/') {
      ctx.err(`rm: it is dangerous to operate recursively on ‘/’\nrm: use --no-preserve-root to override this failsafe\n`);
      st = 1;
      continue;
    }
    for (const q of vfs.walk(path)) {
      const qs = vfs.stat(q);
      const e = !failed(qs) && qs.kind === 'dir' ? vfs.rmdir(q) : vfs.unlink(q);
      if (e) {
        ctx.err(`rm: cannot remove ‘${q === path ? a : q}’: ${strerror(e.errno)}\n`);
        st = 1;
      }
    }
  }
  return st;
}

/** Target path for mv/cp: into DIR when the last operand is a directory. */
function targetFor(ctx: CommandContext, src: string, dst: string, many: boolean): string | null {
  const d = abs(ctx, dst);
  const st = ctx.machine.host.vfs.stat(d);
  if (!failed(st) && st.kind === 'dir') return d === '/' ? `/${basename(src)}` : `${d}/${basename(src)}`;
  if (many) return null;
  return d;
}

function mv(ctx: CommandContext): number {
  const p = parseOpts(ctx, { flags: 'fivnT', long: { force: 'f', verbose: 'v' } });
  if (typeof p === 'number') return p;
  if (p.args.length < 2) {
    if (!p.args.length) return missingOperand(ctx, 'file operand');
    ctx.err(`mv: missing destination file operand after ‘${p.args[0]}’\nTry 'mv --help' for more information.\n`);
    return 1;
  }
  const dst = p.args[p.args.length - 1];
  const srcs = p.args.slice(0, -1);
  let st = 0;
  for (const s of srcs) {
    const to = targetFor(ctx, s, dst, srcs.length > 1);
    if (!to) {
      ctx.err(`mv: target ‘${dst}’ is not a directory\n`);
      return 1;
    }
    const from = abs(ctx, s);
    if (to === from || to.startsWith(from + '/')) {
      ctx.err(`mv: cannot move ‘${s}’ to a subdirectory of itself, ‘${dst}/${basename(s)}’\n`);
      st = 1;
      continue;
    }
    const e = ctx.machine.host.vfs.rename(from, to);
    if (e) {
      ctx.err(e.errno === 'ENOENT' ? `mv: cannot stat ‘${s}’: No such file or directory\n` : `mv: cannot move ‘${s}’ to ‘${dst}’: ${strerror(e.errno)}\n`);
      st = 1;
    }
  }
  return st;
}

function cp(ctx: CommandContext): number {
  const p = parseOpts(ctx, { flags: 'rRafpv', withValue: '', long: { recursive: 'r', archive: 'a', 'sparse=': 'sparse' } });
  if (typeof p === 'number') return p;
  if (p.args.length < 2) return p.args.length ? (ctx.err(`cp: missing destination file operand after ‘${p.args[0]}’\nTry 'cp --help' for more information.\n`), 1) : missingOperand(ctx, 'file operand');
  const vfs = ctx.machine.host.vfs;
  const dst = p.args[p.args.length - 1];
  const srcs = p.args.slice(0, -1);
  const recursive = 'r' in p.opts || 'R' in p.opts || 'a' in p.opts;
  let st = 0;
  const copy = (from: string, to: string, shown: string): void => {
    const s = vfs.lookup(from);
    if (failed(s)) {
      ctx.err(`cp: cannot stat ‘${shown}’: No such file or directory\n`);
      st = 1;
      return;
    }
    if (s.kind === 'dir') {
      if (!recursive) {
        ctx.err(`cp: omitting directory ‘${shown}’\n`);
        st = 1;
        return;
      }
      vfs.mkdir(to);
      for (const n of s.entries.keys()) copy(`${from}/${n}`, `${to}/${n}`, `${shown}/${n}`);
      return;
    }
    // cp keeps holes (--sparse=auto): copy text, size and the allocated extents.
    const e = vfs.writeFile(to, s.text) ?? vfs.truncate(to, s.size);
    const f = vfs.fileNode(to);
    if (!e && !failed(f)) for (const [a, b] of s.extents.list()) {
      const r = vfs.allocateNode(f, to, a * FS_BLOCK, (b - a) * FS_BLOCK, false);
      if (r) {
        ctx.err(`cp: error writing ‘${to}’: ${strerror(r)}\n`);
        st = 1;
        return;
      }
    }
    if (e) {
      ctx.err(`cp: cannot create regular file ‘${to}’: ${strerror(e.errno)}\n`);
      st = 1;
    }
  };
  for (const s of srcs) {
    const to = targetFor(ctx, s, dst, srcs.length > 1);
    if (!to) {
      ctx.err(`cp: target ‘${dst}’ is not a directory\n`);
      return 1;
    }
    copy(abs(ctx, s), to, s);
  }
  return st;
}

function touch(ctx: CommandContext): number {
  const p = parseOpts(ctx, { flags: 'acm', long: { 'no-create': 'c' } });
  if (typeof p === 'number') return p;
  if (!p.args.length) return missingOperand(ctx, 'file operand');
  let st = 0;
  for (const f of p.args) {
    const e = 'c' in p.opts && !ctx.machine.host.vfs.exists(abs(ctx, f)) ? null : ctx.machine.host.vfs.touch(abs(ctx, f));
    if (e) {
      ctx.err(`touch: cannot touch ‘${f}’: ${strerror(e.errno)}\n`);
      st = 1;
    }
  }
  return st;
}

/** ls's mode string (drwxr-xr-x, -rw-------, brw-rw----, lrwxrwxrwx). */
export function modeString(st: VfsStat): string {
  const t = { dir: 'd', file: '-', blockdev: 'b', chardev: 'c', symlink: 'l' }[st.kind];
  let s = t;
  for (let i = 2; i >= 0; i--) {
    const b = (st.mode >> (i * 3)) & 7;
    s += (b & 4 ? 'r' : '-') + (b & 2 ? 'w' : '-') + (b & 1 ? 'x' : '-');
  }
  if (st.mode & 0o1000) s = s.slice(0, 9) + (s[9] === 'x' ? 't' : 'T');
  return s;
}

const userName = (uid: number) => (uid === 0 ? 'root' : uid === 1000 ? 'ec2-user' : String(uid));
const groupName = (gid: number) => (gid === 0 ? 'root' : gid === 6 ? 'disk' : gid === 1000 ? 'ec2-user' : String(gid));

function ls(ctx: CommandContext): number {
  const p = parseOpts(ctx, {
    flags: 'lhsaA1dRtrSiF',
    usageStatus: 2,
    long: { all: 'a', 'almost-all': 'A', 'human-readable': 'h', size: 's', directory: 'd', inode: 'i', 'color=': 'color', color: 'color' },
  });
  if (typeof p === 'number') return p;
  const o = p.opts;
  const vfs = ctx.machine.host.vfs;
  const now = ctx.machine.clock.now;
  const human = 'h' in o;
  const long = 'l' in o;
  const kib = (bytes: number) => (human ? coreutilsHuman(bytes) : String(Math.ceil(bytes / 1024)));
  const targets = p.args.length ? p.args : ['.'];
  let st = 0;
  const files: { name: string; st: VfsStat }[] = [];
  const dirs: { name: string; path: string }[] = [];
  for (const t of targets) {
    const s = vfs.stat(abs(ctx, t));
    if (failed(s)) {
      ctx.err(`ls: cannot access ${t}: ${strerror(s.errno)}\n`);
      st = 2;
    } else if (s.kind === 'dir' && !('d' in o)) dirs.push({ name: t, path: abs(ctx, t) });
    else files.push({ name: t, st: s });
  }
  const sortEntries = (list: { name: string; st: VfsStat }[]) => {
    list.sort((a, b) => ('t' in o ? b.st.mtime - a.st.mtime : 0) || ('S' in o ? b.st.size - a.st.size : 0) || collate(a.name, b.name));
    if ('r' in o) list.reverse();
    return list;
  };
  const render = (list: { name: string; st: VfsStat }[], withTotal: boolean) => {
    let out = '';
    if (withTotal && (long || 's' in o)) out += `total ${kib(list.reduce((n, e) => n + e.st.allocated, 0))}\n`;
    const blocks = list.map((e) => kib(e.st.allocated));
    const bw = Math.max(0, ...blocks.map((b) => b.length));
    if (!long) {
      for (let i = 0; i < list.length; i++) {
        const pre = ('i' in o ? `${list[i].st.ino} ` : '') + ('s' in o ? `${blocks[i].padStart(bw)} ` : '');
        out += pre + list[i].name + '\n';
      }
      return out;
    }
    const cols = list.map((e, i) => ({
      ino: String(e.st.ino),
      blocks: blocks[i],
      mode: modeString(e.st),
      nlink: String(e.st.nlink),
      user: userName(e.st.uid),
      group: groupName(e.st.gid),
      size: e.st.rdev ? `${e.st.rdev.major}, ${String(e.st.rdev.minor).padStart(3)}` : human ? coreutilsHuman(e.st.size) : String(e.st.size),
      date: lsDate(e.st.mtime, now),
      name: e.name + (e.st.kind === 'symlink' && e.st.target ? ` -> ${e.st.target}` : ''),
    }));
    const w = (k: keyof (typeof cols)[number]) => Math.max(0, ...cols.map((c) => c[k].length));
    for (const c of cols) {
      out += ('i' in o ? `${c.ino.padStart(w('ino'))} ` : '') + ('s' in o ? `${c.blocks.padStart(w('blocks'))} ` : '');
      out += `${c.mode} ${c.nlink.padStart(w('nlink'))} ${c.user.padEnd(w('user'))} ${c.group.padEnd(w('group'))} ${c.size.padStart(w('size'))} ${c.date} ${c.name}\n`;
    }
    return out;
  };
  let out = render(sortEntries(files), false);
  const multi = targets.length > 1;
  dirs.sort((a, b) => collate(a.name, b.name)).forEach((d, i) => {
    const names = vfs.readdir(d.path);
    if (failed(names)) {
      ctx.err(`ls: cannot open directory ${d.name}: ${strerror(names.errno)}\n`);
      st = 2;
      return;
    }
    const all = 'a' in o ? ['.', '..', ...names] : names.filter((n) => !n.startsWith('.') || 'A' in o);
    const entries = all
      .map((n) => {
        const path = n === '.' ? d.path : n === '..' ? abs(ctx, d.path + '/..') : d.path === '/' ? `/${n}` : `${d.path}/${n}`;
        const s = vfs.stat(path);
        return failed(s) ? null : { name: n, st: s };
      })
      .filter((e): e is { name: string; st: VfsStat } => !!e);
    if (multi || files.length) out += `${out || i ? '\n' : ''}${d.name}:\n`;
    out += render(sortEntries(entries), true);
  });
  ctx.out(out);
  return st;
}

/** ls's en_US collation, close enough: case-insensitive, punctuation ignored, then bytewise. */
function collate(a: string, b: string): number {
  const k = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');
  const ka = k(a);
  const kb = k(b);
  return ka < kb ? -1 : ka > kb ? 1 : a < b ? -1 : a > b ? 1 : 0;
}

function du(ctx: CommandContext): number {
  const p = parseOpts(ctx, { flags: 'shacbk', withValue: 'd', long: { summarize: 's', 'human-readable': 'h', 'apparent-size': 'A', all: 'a', total: 'c', 'max-depth=': 'd', bytes: 'b' } });
  if (typeof p === 'number') return p;
  const o = p.opts;
  const vfs = ctx.machine.host.vfs;
  const apparent = 'A' in o || 'b' in o;
  const fmt = (bytes: number) => ('b' in o ? String(bytes) : 'h' in o ? coreutilsHuman(bytes) : String(Math.ceil(bytes / 1024)));
  let st = 0;
  let total = 0;
  const maxDepth = 's' in o ? 0 : o.d !== undefined ? Number(o.d) : Infinity;
  const visit = (path: string, shown: string, depth: number): number => {
    const s = vfs.stat(path);
    if (failed(s)) return 0;
    let size = apparent ? s.size : s.allocated;
    if (s.kind === 'dir') {
      const names = vfs.readdir(path);
      if (!failed(names)) for (const n of names) size += visit(path === '/' ? `/${n}` : `${path}/${n}`, shown === '/' ? `/${n}` : `${shown}/${n}`, depth + 1);
      if (depth <= maxDepth) ctx.out(`${fmt(size)}\t${shown}\n`);
    } else if (depth === 0 || ('a' in o && depth <= maxDepth)) ctx.out(`${fmt(size)}\t${shown}\n`);
    return size;
  };
  for (const a of p.args.length ? p.args : ['.']) {
    if (failed(vfs.stat(abs(ctx, a)))) {
      ctx.err(`du: cannot access ‘${a}’: No such file or directory\n`);
      st = 1;
      continue;
    }
    total += visit(abs(ctx, a), a, 0);
  }
  if ('c' in o) ctx.out(`${fmt(total)}\ttotal\n`);
  return st;
}

function stat(ctx: CommandContext): number {
  const p = parseOpts(ctx, { flags: 'Lf', withValue: 'c', long: { 'format=': 'c' } });
  if (typeof p === 'number') return p;
  if (!p.args.length) return missingOperand(ctx);
  let st = 0;
  for (const a of p.args) {
    const s = ctx.machine.host.vfs.stat(abs(ctx, a));
    if (failed(s)) {
      ctx.err(`stat: cannot stat ‘${a}’: ${strerror(s.errno)}\n`);
      st = 1;
      continue;
    }
    const devno = s.dev.major * 256 + s.dev.minor;
    if (p.opts.c !== undefined) {
      const map: Record<string, string> = { s: String(s.size), b: String(s.allocated / 512), B: '512', i: String(s.ino), n: a, a: (s.mode & 0o7777).toString(8), A: modeString(s), U: userName(s.uid), G: groupName(s.gid), d: String(devno), D: devno.toString(16), h: String(s.nlink), Y: String(s.mtime), o: '4096', F: kindName(s) };
      ctx.out(p.opts.c.replace(/%([A-Za-z%])/g, (m, c: string) => (c === '%' ? '%' : (map[c] ?? m))) + '\n');
      continue;
    }
    const type = kindName(s);
    const dev = s.rdev ? `Device type: ${s.rdev.major.toString(16)},${s.rdev.minor.toString(16)}` : '';
    ctx.out(
      `  File: ‘${a}’${s.kind === 'symlink' ? ` -> ‘${s.target}’` : ''}\n` +
        `  Size: ${String(s.size).padEnd(15)}\tBlocks: ${String(s.allocated / 512).padEnd(10)} IO Block: 4096   ${type}\n` +
        `Device: ${devno.toString(16)}h/${devno}d\tInode: ${String(s.ino).padEnd(11)} Links: ${s.nlink}${dev ? `     ${dev}` : ''}\n` +
        `Access: (${(s.mode & 0o7777).toString(8).padStart(4, '0')}/${modeString(s)})  Uid: (${String(s.uid).padStart(5)}/${userName(s.uid).padStart(8)})   Gid: (${String(s.gid).padStart(5)}/${groupName(s.gid).padStart(8)})\n` +
        `Context: unconfined_u:object_r:${s.kind === 'blockdev' ? 'fixed_disk_device_t' : 'var_lib_t'}:s0\n` +
        `Access: ${statDate(s.mtime)}\nModify: ${statDate(s.mtime)}\nChange: ${statDate(s.mtime)}\n Birth: -\n`,
    );
  }
  return st;
}

function kindName(s: VfsStat): string {
  if (s.kind === 'file') return s.size === 0 ? 'regular empty file' : 'regular file';
  return { dir: 'directory', blockdev: 'block special file', chardev: 'character special file', symlink: 'symbolic link' }[s.kind];
}

/** File and directory commands. */
export const fileCommands: CommandTable = { mkdir, rm, mv, cp, touch, ls, du, stat, rmdir: rmdirCmd };

function rmdirCmd(ctx: CommandContext): number {
  const p = parseOpts(ctx, { flags: 'p' });
  if (typeof p === 'number') return p;
  if (!p.args.length) return missingOperand(ctx);
  let st = 0;
  for (const d of p.args) {
    const e = ctx.machine.host.vfs.rmdir(abs(ctx, d));
    if (e) {
      ctx.err(`rmdir: failed to remove ‘${d}’: ${strerror(e.errno)}\n`);
      st = 1;
    }
  }
  return st;
}
