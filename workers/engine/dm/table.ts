// Device-mapper table lines: parsing into targets (with the kernel constructors' checks) and printing back.
import type { BlockDevice } from '../host/blockDevice';
import { devno } from '../host/blockDevice';
import { parseFeatures, type PoolFeatures } from './poolFeatures';
import { poolTableParams } from './status';

/** Smallest and largest data block size of a thin pool, in sectors (64 KiB .. 1 GiB, multiples of 64 KiB). */
export const MIN_POOL_BLOCK = 128;
export const MAX_POOL_BLOCK = 2097152;

/** One target of a table, with its devices resolved. */
export type Target =
  | { type: 'linear'; start: number; length: number; dev: BlockDevice; offset: number }
  | {
      type: 'thin-pool';
      start: number;
      length: number;
      meta: BlockDevice;
      data: BlockDevice;
      blockSize: number;
      lowWaterMark: number;
      features: PoolFeatures;
    }
  | { type: 'thin'; start: number; length: number; pool: BlockDevice; devId: number }
  | { type: 'error' | 'zero'; start: number; length: number };

/** A table parse failure: either dmsetup's own (before any ioctl) or a kernel constructor error (EINVAL etc.). */
export interface TableError {
  /** 'dmsetup': a format error printed by dmsetup; 'kernel': the load ioctl fails with `errno`. */
  by: 'dmsetup' | 'kernel';
  message: string;
  errno: string;
}

const knownTypes = new Set(['linear', 'thin-pool', 'thin', 'error', 'zero']);

function isUint(s: string): boolean {
  return /^\d+$/.test(s);
}

/** Parses a table text for the dm device `self` (MAJ:MIN used in kernel messages). */
export function parseTable(text: string, self: string, resolve: (arg: string) => BlockDevice | undefined): Target[] | TableError {
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
  const targets: Target[] = [];
  const kerr = (type: string, msg: string, errno = 'EINVAL'): TableError => ({
    by: 'kernel',
    message: `device-mapper: table: ${self}: ${type}: ${msg}`,
    errno,
  });
  for (let i = 0; i < lines.length; i++) {
    const w = lines[i].split(/\s+/);
    if (w.length < 3 || !isUint(w[0]) || !isUint(w[1]))
      return { by: 'dmsetup', message: `Invalid format on line ${i + 1} of table `, errno: '' };
    const start = Number(w[0]);
    const length = Number(w[1]);
    const type = w[2];
    const args = w.slice(3);
    if (!knownTypes.has(type)) return { by: 'kernel', message: `device-mapper: table: ${self}: ${type}: unknown target type`, errno: 'EINVAL' };
    if (length === 0) return { by: 'kernel', message: `device-mapper: table: ${self}: zero-length target`, errno: 'EINVAL' };
    const prevEnd = targets.length ? targets[targets.length - 1].start + targets[targets.length - 1].length : 0;
    if (start !== prevEnd) return kerr(type, 'Gap in table');
    if ((type === 'thin-pool' && lines.length > 1) || targets.some((t) => t.type === 'thin-pool'))
      return { by: 'kernel', message: `device-mapper: table: ${self}: target type thin-pool must appear alone in table`, errno: 'EINVAL' };
    switch (type) {
      case 'linear': {
        if (args.length !== 2) return kerr(type, 'Invalid argument count');
        if (!isUint(args[1])) return kerr(type, 'Invalid device sector');
        const dev = resolve(args[0]);
        if (!dev) return kerr(type, 'Device lookup failed', 'ENODEV');
        targets.push({ type, start, length, dev, offset: Number(args[1]) });
        break;
      }
      case 'thin-pool': {
        if (args.length < 5) return kerr(type, 'Invalid argument count');
        const nf = args[4];
        if (!isUint(nf) || Number(nf) !== args.length - 5) return kerr(type, 'Invalid number of pool feature arguments');
        const features = parseFeatures(args.slice(5));
        if (typeof features === 'string') return kerr(type, features);
        const meta = resolve(args[0]);
        if (!meta) return kerr(type, 'Error opening metadata block device', 'ENODEV');
        const data = resolve(args[1]);
        if (!data) return kerr(type, 'Error getting data device', 'ENODEV');
        const bs = Number(args[2]);
        if (!isUint(args[2]) || bs < MIN_POOL_BLOCK || bs > MAX_POOL_BLOCK || bs % MIN_POOL_BLOCK !== 0)
          return kerr(type, 'Invalid block size');
        if (!isUint(args[3])) return kerr(type, 'Invalid low water mark');
        targets.push({ type, start, length, meta, data, blockSize: bs, lowWaterMark: Number(args[3]), features });
        break;
      }
      case 'thin': {
        if (args.length !== 2 && args.length !== 3) return kerr(type, 'Invalid argument count');
        const pool = resolve(args[0]);
        if (!pool) return kerr(type, 'Error opening pool device', 'ENODEV');
        if (!isUint(args[1]) || Number(args[1]) > 0xffffff) return kerr(type, 'Invalid device id');
        targets.push({ type, start, length, pool, devId: Number(args[1]) });
        break;
      }
      default:
        if (args.length !== 0) return kerr(type, 'Invalid argument count');
        targets.push({ type: type as 'error' | 'zero', start, length });
    }
  }
  return targets;
}

/** The parameters `dmsetup table` shows for a target (devices as MAJ:MIN). */
export function targetParams(t: Target): string {
  switch (t.type) {
    case 'linear':
      return `${devno(t.dev)} ${t.offset}`;
    case 'thin-pool':
      return poolTableParams(devno(t.meta), devno(t.data), t.blockSize, t.lowWaterMark, t.features);
    case 'thin':
      return `${devno(t.pool)} ${t.devId}`;
    default:
      return '';
  }
}

/** A whole table line as dmsetup prints it. */
export function targetLine(t: Target, params: string): string {
  return `${t.start} ${t.length} ${t.type} ${params}`;
}

/** Devices a table uses (its slaves). */
export function tableDevices(ts: Target[]): BlockDevice[] {
  const out: BlockDevice[] = [];
  for (const t of ts) {
    const ds = t.type === 'linear' ? [t.dev] : t.type === 'thin-pool' ? [t.meta, t.data] : t.type === 'thin' ? [t.pool] : [];
    for (const d of ds) if (!out.includes(d)) out.push(d);
  }
  return out;
}

/** Total length in sectors. */
export function tableLength(ts: Target[]): number {
  return ts.length ? ts[ts.length - 1].start + ts[ts.length - 1].length : 0;
}
