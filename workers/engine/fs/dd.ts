// `dd if=… of=… bs=… count=… seek=… conv=notrunc` on a Filesystem: operand parsing and the write it makes.
import type { Filesystem } from './filesystem';
import type { Errno } from './inode';

/** The operands that matter for block-level effects. */
export interface DdOperands {
  input: string;
  output: string;
  bs: number;
  /** Blocks to copy; undefined copies until the input ends (/dev/zero never does: until the disk is full). */
  count?: number;
  seek: number;
  notrunc: boolean;
}

/** coreutils dd's multiplicative suffixes: c w b, K/k=1024, KB=1000, KiB=1024, M, MB, G, GB… */
export function parseDdNumber(s: string): number | undefined {
  const m = /^(\d+)(c|w|b|[kKMGTPE](?:iB|B)?)?$/.exec(s);
  if (!m) return undefined;
  const n = Number(m[1]);
  const suf = m[2] ?? '';
  if (suf === '' || suf === 'c') return n;
  if (suf === 'w') return n * 2;
  if (suf === 'b') return n * 512;
  const power = 'KMGTPE'.indexOf(suf[0].toUpperCase()) + 1;
  return n * (suf.endsWith('B') && !suf.endsWith('iB') ? 1000 : 1024) ** power;
}

/** Parses dd's operands; an error is coreutils' message without the "dd: " prefix (C locale quotes, as in a container). */
export function parseDdOperands(args: readonly string[]): { ok: true; op: DdOperands } | { ok: false; error: string } {
  const op: DdOperands = { input: '-', output: '-', bs: 512, seek: 0, notrunc: false };
  for (const a of args) {
    const eq = a.indexOf('=');
    if (eq < 0) return { ok: false, error: `unrecognized operand '${a}'` };
    const k = a.slice(0, eq);
    const v = a.slice(eq + 1);
    if (k === 'if') op.input = v;
    else if (k === 'of') op.output = v;
    else if (k === 'conv' || k === 'oflag' || k === 'iflag') {
      for (const c of v.split(',')) if (c === 'notrunc') op.notrunc = true;
    } else if (k === 'bs' || k === 'obs' || k === 'ibs' || k === 'count' || k === 'seek' || k === 'skip') {
      const n = parseDdNumber(v);
      if (n === undefined) return { ok: false, error: `invalid number: '${v}'` };
      if (k === 'bs' || k === 'obs') op.bs = n;
      else if (k === 'count') op.count = n;
      else if (k === 'seek') op.seek = n;
    } else return { ok: false, error: `unrecognized operand '${a}'` };
  }
  return { ok: true, op };
}

/** What the copy did: whole and partial records, bytes, and the errno that stopped it. */
export interface DdOutcome {
  full: number;
  partial: number;
  bytes: number;
  errno?: Errno;
}

/** Writes dd's output into `fs` (input from /dev/zero-like devices): truncates to seek × bs unless notrunc. */
export function ddToFilesystem(fs: Filesystem, op: DdOperands, mtime?: number): DdOutcome {
  const offset = op.seek * op.bs;
  const length = op.count !== undefined ? op.count * op.bs : Math.max(0, fs.statfs().bavail * fs.statfs().bsize) + op.bs;
  const r = fs.write(op.output, { offset, length, truncateTo: op.notrunc ? undefined : offset, mtime });
  const bytes = r.ok ? r.written : (fs.stat(op.output)?.size ?? offset) > offset ? Math.max(0, (fs.stat(op.output)?.size ?? 0) - offset) : 0;
  const full = Math.floor(bytes / op.bs);
  const partial = bytes % op.bs ? 1 : 0;
  return r.ok ? { full, partial, bytes } : { full, partial, bytes, errno: r.errno };
}
