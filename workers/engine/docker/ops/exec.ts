// Commands run inside a container (docker exec / docker run CMD): file-level work on the container's filesystem.
import type { Filesystem } from '../../fs';
import { fstrimVerboseLine, ddHuman } from '../../fs';
import type { Inode } from '../../fs/inode';
import { parseCoreutilsSize } from '../../units';

/** The container as a command inside it sees it. */
export interface ExecEnv {
  fs: Filesystem;
  /** busybox userland (busybox, alpine) or GNU coreutils (ubuntu, debian, nginx, centos). */
  busybox: boolean;
  privileged: boolean;
  now: number;
  /** Device shown by df for / (the container's dm device, or overlay). */
  rootSource: string;
}

/** What a command printed and its exit status. */
export interface ExecResult {
  out: string;
  err: string;
  status: number;
}

type Cmd = (args: string[], env: ExecEnv) => ExecResult;

const ok = (out = ''): ExecResult => ({ out, err: '', status: 0 });
const fail = (err: string, status = 1): ExecResult => ({ out: '', err, status });

const strerror: Record<string, string> = {
  ENOENT: 'No such file or directory',
  EISDIR: 'Is a directory',
  ENOTDIR: 'Not a directory',
  ENOTEMPTY: 'Directory not empty',
  ENOSPC: 'No space left on device',
  EIO: 'Input/output error',
  EEXIST: 'File exists',
  EINVAL: 'Invalid argument',
};

function abs(p: string): string {
  return p.startsWith('/') ? p : `/${p}`;
}

/** dd if=/dev/zero of=FILE bs= count= seek= conv=notrunc: the writes go through the filesystem to the thin device. */
const dd: Cmd = (args, env) => {
  const o: Record<string, string> = {};
  for (const a of args) {
    const eq = a.indexOf('=');
    if (eq < 0) return fail(env.busybox ? `dd: invalid option -- '${a}'\n` : `dd: unrecognized operand '${a}'\nTry 'dd --help' for more information.\n`);
    o[a.slice(0, eq)] = a.slice(eq + 1);
  }
  const num = (k: string, d: number) => {
    if (o[k] === undefined) return d;
    const p = parseCoreutilsSize(o[k]);
    return p.ok ? p.bytes : NaN;
  };
  const bs = num('bs', 512);
  const count = o.count === undefined ? NaN : num('count', 0);
  const seek = num('seek', 0);
  if (!Number.isFinite(bs) || bs <= 0) return fail(`dd: invalid number: '${o.bs}'\n`);
  if (o.count !== undefined && !Number.isFinite(count)) return fail(`dd: invalid number: '${o.count}'\n`);
  const input = o.if ?? '/dev/stdin';
  if (!['/dev/zero', '/dev/urandom', '/dev/random'].includes(input)) {
    const st = env.fs.stat(abs(input));
    if (!st) return fail(env.busybox ? `dd: can't open '${input}': No such file or directory\n` : `dd: failed to open '${input}': No such file or directory\n`);
  }
  if (!o.of) return fail('dd: writing to stdout is not supported in the sandbox\n');
  if (!Number.isFinite(count)) return fail(`dd: ${input}: reading forever would fill the device; give count=\n`);
  const path = abs(o.of);
  const notrunc = (o.conv ?? '').split(',').includes('notrunc');
  // dd issues one write(2) per record: writing whole records in batches of about 1 MiB lets a failure
  // (ENOSPC, or EIO once queued IO timed out in a full pool) stop the count where it happened.
  const total = count * bs;
  const batch = Math.max(bs, Math.floor(2 ** 20 / bs) * bs);
  let written = 0;
  let errText = '';
  for (let done = 0; done < total || (total === 0 && done === 0); done += batch) {
    const len = Math.min(batch, total - done);
    const start = seek * bs + done;
    const w = env.fs.write(path, { offset: start, length: len, truncateTo: done === 0 && !notrunc ? seek * bs : undefined, mtime: env.now });
    if (w.ok) {
      written += w.written;
      if (total === 0) break;
      continue;
    }
    if (w.errno !== 'ENOSPC' && w.errno !== 'EIO') {
      return fail(env.busybox ? `dd: can't open '${o.of}': ${strerror[w.errno] ?? w.message}\n` : `dd: failed to open '${o.of}': ${strerror[w.errno] ?? w.message}\n`);
    }
    // What reached the file before the failing write (the file size tells how far the batch got).
    const size = env.fs.stat(path)?.size ?? start;
    written += Math.max(0, Math.min(len, size - start));
    errText = `dd: error writing '${o.of}': ${strerror[w.errno]}\n`;
    break;
  }
  const full = Math.floor(written / bs);
  const partial = written % bs ? 1 : 0;
  const seconds = 0.0004 + written / 450e6;
  if (errText) return { out: '', err: errText + ddLines(full, partial, written, seconds, env.busybox, 1), status: 1 };
  return { out: '', err: ddLines(full, partial, written, seconds, env.busybox), status: 0 };
};

/** dd's closing lines: GNU coreutils 8.25 (Ubuntu 16.04) or busybox 1.26; `failedRecord` counts a record read but not written. */
function ddLines(full: number, partial: number, bytes: number, seconds: number, busybox: boolean, failedRecord = 0): string {
  const head = `${full + (partial ? 0 : failedRecord)}+${partial} records in\n${full}+${partial} records out\n`;
  if (busybox) {
    const kb = (n: number) => {
      const u = ['B', 'KB', 'MB', 'GB', 'TB'];
      let i = 0;
      let v = n;
      while (v >= 1024 && i < u.length - 1) {
        v /= 1024;
        i++;
      }
      return `${v.toFixed(1)}${u[i]}`;
    };
    return `${head}${bytes} bytes (${kb(bytes)}) copied, ${seconds.toFixed(6)} seconds, ${kb(bytes / seconds)}/s\n`;
  }
  const iec = (n: number) => {
    const u = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
    let i = 0;
    let v = n;
    while (v >= 1024 && i < u.length - 1) {
      v /= 1024;
      i++;
    }
    if (i === 0) return `${n} B`;
    return v < 10 ? `${(Math.round(v * 10) / 10).toFixed(1)} ${u[i]}` : `${Math.round(v)} ${u[i]}`;
  };
  const human = bytes >= 1000 ? `${ddHuman(bytes)}, ${iec(bytes)}` : `${bytes} B`;
  return `${head}${bytes} bytes (${human}) copied, ${Number(seconds.toPrecision(6))} s, ${ddHuman(Math.round(bytes / seconds))}/s\n`;
}

const rm: Cmd = (args, env) => {
  const flags = args.filter((a) => a.startsWith('-')).join('');
  const recursive = /[rR]/.test(flags);
  const force = flags.includes('f');
  let status = 0;
  let err = '';
  for (const p of args.filter((a) => !a.startsWith('-'))) {
    const st = env.fs.stat(abs(p));
    if (!st) {
      if (force) continue;
      err += env.busybox ? `rm: can't remove '${p}': No such file or directory\n` : `rm: cannot remove '${p}': No such file or directory\n`;
      status = 1;
      continue;
    }
    if (st.type === 'dir' && !recursive) {
      err += env.busybox ? `rm: '${p}' is a directory\n` : `rm: cannot remove '${p}': Is a directory\n`;
      status = 1;
      continue;
    }
    env.fs.remove(abs(p), recursive);
  }
  return { out: '', err, status };
};

const cat: Cmd = (args, env) => {
  let out = '';
  let err = '';
  let status = 0;
  for (const p of args.filter((a) => !a.startsWith('-'))) {
    const r = env.fs.read(abs(p));
    if (!r.ok) {
      const msg = strerror[r.errno] ?? r.message;
      err += env.busybox ? `cat: can't open '${p}': ${msg}\n` : `cat: ${p}: ${msg}\n`;
      status = 1;
    } else out += r.text;
  }
  return { out, err, status };
};

function modeString(n: Inode): string {
  const m = n.mode;
  const rwx = (b: number) => `${b & 4 ? 'r' : '-'}${b & 2 ? 'w' : '-'}${b & 1 ? 'x' : '-'}`;
  return `${n.type === 'dir' ? 'd' : '-'}${rwx((m >> 6) & 7)}${rwx((m >> 3) & 7)}${rwx(m & 7)}`;
}

function lsDate(t: number): string {
  const d = new Date(t * 1000);
  const mon = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][d.getUTCMonth()];
  return `${mon} ${String(d.getUTCDate()).padStart(2)} ${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}`;
}

const ls: Cmd = (args, env) => {
  const long = args.some((a) => /^-[a-zA-Z]*l/.test(a));
  const all = args.some((a) => /^-[a-zA-Z]*a/.test(a));
  const paths = args.filter((a) => !a.startsWith('-'));
  if (!paths.length) paths.push('/');
  let out = '';
  let err = '';
  let status = 0;
  for (const p of paths) {
    const r = env.fs.list(abs(p));
    if (!r.ok) {
      err += env.busybox ? `ls: ${p}: No such file or directory\n` : `ls: cannot access '${p}': No such file or directory\n`;
      status = env.busybox ? 1 : 2;
      continue;
    }
    const entries = r.entries.filter((e) => all || !e.name.startsWith('.'));
    const isFile = env.fs.stat(abs(p))?.type === 'file';
    if (long) {
      if (!isFile) out += `total ${entries.reduce((s, e) => s + Math.ceil(e.inode.size / 4096) * 4, 0)}\n`;
      const w = Math.max(1, ...entries.map((e) => String(e.inode.size).length));
      for (const e of entries) {
        out += `${modeString(e.inode)} ${e.inode.type === 'dir' ? 2 : 1} root root ${String(e.inode.size).padStart(w)} ${lsDate(e.inode.mtime)} ${isFile ? p : e.name}\n`;
      }
    } else {
      out += entries.map((e) => (isFile ? p : e.name)).join('\n') + (entries.length ? '\n' : '');
    }
  }
  return { out, err, status };
};

const df: Cmd = (args, env) => {
  const human = args.some((a) => /^-[a-zA-Z]*h/.test(a));
  const s = env.fs.statfs();
  const k = (blocks: number) => Math.floor((blocks * s.bsize) / 1024);
  const size = k(s.blocks);
  const used = k(s.blocks - s.bfree);
  const avail = k(s.bavail);
  const pct = used + avail ? Math.ceil((used * 100) / (used + avail)) : 0;
  const hs = (kib: number) => {
    const u = ['K', 'M', 'G', 'T'];
    let v = kib;
    let i = 0;
    while (v >= 1024 && i < u.length - 1) {
      v /= 1024;
      i++;
    }
    // One decimal below 10, rounded up; a value that rounds up to 10 prints as an integer, as coreutils does.
    const tenths = Math.ceil(v * 10) / 10;
    return tenths < 10 ? `${tenths.toFixed(1)}${u[i]}` : `${Math.ceil(v)}${u[i]}`;
  };
  const src = env.rootSource;
  const cols = human ? [hs(size), hs(used), hs(avail)] : [String(size), String(used), String(avail)];
  const w = Math.max(src.length, 'Filesystem'.length);
  const head = human ? `${'Filesystem'.padEnd(w)}  Size  Used Avail Use% Mounted on\n` : `${'Filesystem'.padEnd(w)} 1K-blocks    Used Available Use% Mounted on\n`;
  const line = human
    ? `${src.padEnd(w)}  ${cols[0].padStart(4)}  ${cols[1].padStart(4)}  ${cols[2].padStart(4)} ${`${pct}%`.padStart(4)} /\n`
    : `${src.padEnd(w)} ${cols[0].padStart(9)} ${cols[1].padStart(7)} ${cols[2].padStart(9)} ${`${pct}%`.padStart(4)} /\n`;
  return ok(head + line);
};

const fstrim: Cmd = (args, env) => {
  const verbose = args.some((a) => a === '-v' || a === '--verbose');
  const target = args.find((a) => !a.startsWith('-'));
  if (!target) return fail('fstrim: no mountpoint specified\n', 1);
  // FITRIM needs CAP_SYS_ADMIN, which Docker drops unless the container is --privileged.
  if (!env.privileged) return fail(`fstrim: ${target}: FITRIM ioctl failed: Operation not permitted\n`, 1);
  const bytes = env.fs.fstrim();
  return ok(verbose ? `${fstrimVerboseLine(target, bytes)}\n` : '');
};

const touch: Cmd = (args, env) => {
  for (const p of args.filter((a) => !a.startsWith('-'))) if (!env.fs.exists(abs(p))) env.fs.writeText(abs(p), '', env.now);
  return ok();
};

const mkdir: Cmd = (args, env) => {
  const parents = args.includes('-p');
  for (const p of args.filter((a) => !a.startsWith('-'))) {
    const r = env.fs.mkdir(abs(p), parents, env.now);
    if (!r.ok) return fail(env.busybox ? `mkdir: can't create directory '${p}': ${strerror[r.errno] ?? r.message}\n` : `mkdir: cannot create directory '${p}': ${strerror[r.errno] ?? r.message}\n`);
  }
  return ok();
};

const echo: Cmd = (args) => ok(`${args.join(' ')}\n`);

/** The commands a container can run in the sandbox. */
export const containerCommands: Record<string, Cmd> = {
  dd,
  rm,
  cat,
  ls,
  df,
  fstrim,
  touch,
  mkdir,
  echo,
  true: () => ok(),
  false: () => fail('', 1),
  sleep: () => ok(),
  sync: () => ok(),
  hostname: () => ok('container\n'),
};

/** Runs argv in the container; `sh -c 'a; b > f'` runs its simple commands in turn (with `>`/`>>` of echo text). */
export function execInContainer(argv: string[], env: ExecEnv): ExecResult {
  const [cmd0, ...rest] = argv;
  const cmd = cmd0?.replace(/^\/(usr\/)?s?bin\//, '');
  if ((cmd === 'sh' || cmd === 'bash') && rest[0] === '-c') return runShellLine(rest[1] ?? '', env);
  const f = cmd ? containerCommands[cmd] : undefined;
  if (!f) {
    return fail(`rpc error: code = 2 desc = oci runtime error: exec failed: container_linux.go:247: starting container process caused "exec: \\"${cmd0}\\": executable file not found in $PATH"\n`, 126);
  }
  return f(rest, env);
}

function runShellLine(line: string, env: ExecEnv): ExecResult {
  const res: ExecResult = { out: '', err: '', status: 0 };
  for (const part of line.split(/;|&&/).map((s) => s.trim()).filter(Boolean)) {
    const m = /^(.*?)\s*(>>?)\s*(\S+)$/.exec(part);
    const words = (m ? m[1] : part).match(/'[^']*'|"[^"]*"|\S+/g)?.map((w) => w.replace(/^['"]|['"]$/g, '')) ?? [];
    const r = execInContainer(words, env);
    if (m) {
      const path = abs(m[3]);
      const w = m[2] === '>>' ? env.fs.appendText(path, r.out, env.now) : env.fs.writeText(path, r.out, env.now);
      if (!w.ok) res.err += `sh: can't create ${m[3]}: ${strerror[w.errno] ?? w.message}\n`;
    } else res.out += r.out;
    res.err += r.err;
    res.status = r.status;
  }
  return res;
}
