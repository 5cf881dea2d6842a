// Host file tools that work on allocation: truncate, fallocate, dd (coreutils 8.22, util-linux 2.23).
import type { CommandContext, CommandTable } from '../../shell/types';
import { parseOpts, missingOperand } from '../../shell/commands/opts';
import { failed, strerror } from '../errno';
import { resolvePath } from '../paths';
import { parseCoreutilsSize } from '../../units';

function truncate(ctx: CommandContext): number {
  const p = parseOpts(ctx, {
    flags: 'co',
    withValue: 'sr',
    long: { 'no-create': 'c', 'size=': 's', 'reference=': 'r', 'io-blocks': 'o' },
  });
  if (typeof p === 'number') return p;
  const vfs = ctx.machine.host.vfs;
  if (p.opts.s === undefined && p.opts.r === undefined) {
    ctx.err(
      `truncate: you must specify either ‘--size’ or ‘--reference’\nTry 'truncate --help' for more information.\n`,
    );
    return 1;
  }
  if (!p.args.length) return missingOperand(ctx, 'file operand');
  let size: number;
  let op = '';
  if (p.opts.s !== undefined) {
    const r = parseCoreutilsSize(p.opts.s);
    if (!r.ok) {
      ctx.err(`truncate: invalid number: ‘${p.opts.s}’\n`);
      return 1;
    }
    size = r.bytes;
    op = r.op;
  } else {
    const ref = vfs.stat(resolvePath(ctx.cwd, p.opts.r));
    if (failed(ref)) {
      ctx.err(`truncate: cannot stat ‘${p.opts.r}’: No such file or directory\n`);
      return 1;
    }
    size = ref.size;
  }
  let st = 0;
  for (const f of p.args) {
    const path = resolvePath(ctx.cwd, f);
    const cur = vfs.stat(path);
    if (failed(cur) && 'c' in p.opts) continue;
    const old = failed(cur) ? 0 : cur.size;
    if (!failed(cur) && cur.kind === 'dir') {
      ctx.err(`truncate: cannot open ‘${f}’ for writing: Is a directory\n`);
      st = 1;
      continue;
    }
    let next = size;
    if (op === '+') next = old + size;
    else if (op === '-') next = Math.max(0, old - size);
    else if (op === '<') next = Math.min(old, size);
    else if (op === '>') next = Math.max(old, size);
    else if (op === '/') next = size ? Math.floor(old / size) * size : old;
    else if (op === '%') next = size ? Math.ceil(old / size) * size : old;
    const e = vfs.truncate(path, next);
    if (e) {
      ctx.err(`truncate: cannot open ‘${f}’ for writing: ${strerror(e.errno)}\n`);
      st = 1;
    }
  }
  return st;
}

/** util-linux size suffixes: K/KiB = 1024, KB = 1000, … */
function utilSize(s: string): number | null {
  const m = /^(\d+)(?:([KMGTPE])(iB|B)?)?$/i.exec(s);
  if (!m) return null;
  const idx = m[2] ? 'KMGTPE'.indexOf(m[2].toUpperCase()) + 1 : 0;
  return Number(m[1]) * (m[3] === 'B' ? 1000 : 1024) ** idx;
}

function fallocate(ctx: CommandContext): number {
  const p = parseOpts(ctx, {
    flags: 'npd',
    withValue: 'lo',
    long: { 'keep-size': 'n', 'punch-hole': 'p', 'dig-holes': 'd', 'length=': 'l', 'offset=': 'o' },
  });
  if (typeof p === 'number') return p;
  if (p.args.length !== 1) {
    ctx.err(p.args.length ? `fallocate: unexpected number of arguments\n` : `fallocate: no filename specified.\n`);
    return 1;
  }
  const vfs = ctx.machine.host.vfs;
  const path = resolvePath(ctx.cwd, p.args[0]);
  const offset = p.opts.o ? utilSize(p.opts.o) : 0;
  if (offset === null) {
    ctx.err(`fallocate: invalid offset value specified\n`);
    return 1;
  }
  if (p.opts.l === undefined) {
    ctx.err(`fallocate: no length argument specified\n`);
    return 1;
  }
  const len = utilSize(p.opts.l);
  if (!len) {
    ctx.err(`fallocate: invalid length value specified\n`);
    return 1;
  }
  const e = 'p' in p.opts ? vfs.punchHole(path, offset, len) : vfs.allocate(path, offset, len, !('n' in p.opts));
  if (e) {
    ctx.err(
      `fallocate: ${e.errno === 'ENOENT' ? `cannot open ${p.args[0]}` : 'fallocate failed'}: ${strerror(e.errno)}\n`,
    );
    return 1;
  }
  return 0;
}

/** dd's size operands: N[c w b kB K MB M GB G…] and NxM products. */
function ddNumber(s: string): number | null {
  let total = 1;
  for (const part of s.split('x')) {
    const m = /^(\d+)(c|w|b|kB|K|MB|M|GB|G|TB|T|k)?$/.exec(part);
    if (!m) return null;
    const mult: Record<string, number> = {
      c: 1,
      w: 2,
      b: 512,
      kB: 1e3,
      K: 1024,
      k: 1024,
      MB: 1e6,
      M: 1024 ** 2,
      GB: 1e9,
      G: 1024 ** 3,
      TB: 1e12,
      T: 1024 ** 4,
    };
    total *= Number(m[1]) * (m[2] ? mult[m[2]] : 1);
  }
  return total;
}

/** dd's SI summary: `10485760 bytes (10 MB) copied, 0.0209715 s, 500 MB/s`. */
function ddSummary(bytes: number): string {
  const si = (n: number) => {
    const u = ['B', 'kB', 'MB', 'GB', 'TB'];
    let i = 0;
    while (n >= 1000 && i < u.length - 1) {
      n /= 1000;
      i++;
    }
    return `${+n.toPrecision(2) >= 10 ? Math.round(n) : +n.toPrecision(2)} ${u[i]}`;
  };
  // A deterministic 500 MB/s host disk.
  const secs = Math.max(bytes / 500e6, 0.000123);
  return `${bytes} bytes (${si(bytes)}) copied, ${+secs.toPrecision(6)} s, ${si(bytes / secs)}/s\n`;
}

function dd(ctx: CommandContext): number {
  const ops: Record<string, string> = {};
  for (const a of ctx.argv.slice(1)) {
    const m = /^(if|of|bs|ibs|obs|count|seek|skip|conv|oflag|iflag|status)=(.*)$/.exec(a);
    if (!m) {
      ctx.err(`dd: unrecognized operand ‘${a}’\nTry 'dd --help' for more information.\n`);
      return 1;
    }
    ops[m[1]] = m[2];
  }
  const bs = ddNumber(ops.bs ?? ops.obs ?? '512');
  const count = ops.count !== undefined ? ddNumber(ops.count) : null;
  const seek = ddNumber(ops.seek ?? '0');
  const skip = ddNumber(ops.skip ?? '0');
  if (!bs || seek === null || skip === null || (ops.count !== undefined && count === null)) {
    const bad = !bs ? ops.bs : seek === null ? ops.seek : skip === null ? ops.skip : ops.count;
    ctx.err(`dd: invalid number ‘${bad}’\n`);
    return 1;
  }
  const vfs = ctx.machine.host.vfs;
  const input = ops.if ?? '-';
  const endless = input === '/dev/zero' || input === '/dev/urandom' || input === '/dev/random';
  let inBytes: number;
  let text = '';
  if (endless) {
    if (count === null) {
      ctx.err(`dd: writing to ‘${ops.of ?? 'standard output'}’: No space left on device\n`);
      return 1;
    }
    inBytes = bs * count;
  } else {
    const t = input === '-' ? ctx.stdin : vfs.readFile(resolvePath(ctx.cwd, input));
    if (failed(t)) {
      ctx.err(`dd: failed to open ‘${input}’: ${strerror(t.errno)}\n`);
      return 1;
    }
    // skip= whole input blocks, then count= blocks of what is left.
    const all = new TextEncoder().encode(t);
    const from = Math.min(all.length, (skip ?? 0) * bs);
    const sel = all.subarray(from, count === null ? all.length : Math.min(all.length, from + bs * count));
    text = new TextDecoder().decode(sel);
    inBytes = sel.length;
  }
  const records = (n: number) => `${Math.floor(n / bs)}+${n % bs ? 1 : 0}`;
  let written = inBytes;
  if (ops.of === undefined || ops.of === '/dev/null') {
    if (ops.of === undefined) ctx.out(endless ? '\0'.repeat(Math.min(inBytes, 4096)) : text);
  } else {
    const path = resolvePath(ctx.cwd, ops.of);
    const dev = ctx.machine.host.blockDevices.resolve(path);
    const conv = (ops.conv ?? '').split(',');
    if (dev && path.startsWith('/dev/')) {
      const e = dev.write(seek * bs, inBytes);
      if (e) {
        ctx.err(`dd: error writing ‘${ops.of}’: ${strerror(e as never)}\n`);
        return 1;
      }
    } else {
      const st = vfs.stat(path);
      if (!failed(st) && st.kind === 'dir') {
        ctx.err(`dd: failed to open ‘${ops.of}’: Is a directory\n`);
        return 1;
      }
      const off = seek * bs;
      let e = conv.includes('notrunc') ? null : vfs.truncate(path, failed(st) ? 0 : Math.min(st.size, off));
      if (!e) {
        // Write in 1 MiB pieces so a full filesystem stops the copy where it is, as the kernel does.
        written = 0;
        const chunk = 1024 * 1024;
        while (written < inBytes) {
          const n = Math.min(chunk, inBytes - written);
          e = vfs.allocate(path, off + written, n);
          if (e) break;
          written += n;
        }
      }
      if (e && e.errno !== 'ENOSPC') {
        ctx.err(`dd: failed to open ‘${ops.of}’: ${strerror(e.errno)}\n`);
        return 1;
      }
      if (!endless && !conv.includes('notrunc') && written === inBytes && text && off === 0) {
        const f = vfs.fileNode(path);
        if (!failed(f)) f.text = text;
      }
      if (e) {
        ctx.err(`dd: error writing ‘${ops.of}’: No space left on device\n`);
        if (ops.status !== 'none')
          ctx.err(`${records(inBytes)} records in\n${records(written)} records out\n${ddSummary(written)}`);
        return 1;
      }
    }
  }
  if (ops.status !== 'none')
    ctx.err(`${records(inBytes)} records in\n${records(written)} records out\n${ddSummary(written)}`);
  return 0;
}

/** truncate, fallocate, dd. */
export const fileToolCommands: CommandTable = { truncate, fallocate, dd };
