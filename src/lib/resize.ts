// Resize arithmetic: a target size in bytes, 512-byte sectors, pool blocks and LVM extents, and the commands that
// grow a pool to it (loop-lvm: truncate, losetup -c, dmsetup reload; direct-lvm: vgextend, lvextend).
import { parseCoreutilsSize } from '../../workers/engine/units/parseSize';
import type { PoolView, StackNode } from '../../workers/engine/view/types';

/** Bytes of a device-mapper sector. */
export const sectorBytes = 512;

/** One size in every unit the resize commands use. */
export interface SizeUnits {
  bytes: number;
  sectors: number;
  /** Whole pool blocks (dm-thin ignores a partial last block). */
  blocks: number;
  /** Extents, rounded up as lvm rounds a requested size. */
  extents: number;
}

/** A size in sectors, blocks of `blockSize` bytes and extents of `extentSize` bytes. */
export function sizeUnits(bytes: number, blockSize: number, extentSize = 4 * 1024 ** 2): SizeUnits {
  return {
    bytes,
    sectors: Math.floor(bytes / sectorBytes),
    blocks: blockSize ? Math.floor(bytes / blockSize) : 0,
    extents: Math.ceil(bytes / extentSize),
  };
}

/** Reads a target size as truncate -s does (200G, 107374182400, 150GB); relative sizes are refused. */
export function parseTarget(text: string): { ok: true; bytes: number } | { ok: false; error: string } {
  const r = parseCoreutilsSize(text.trim());
  if (!r.ok) return r;
  if (r.op !== '') return { ok: false, error: `give an absolute size, not '${text.trim()}'` };
  if (r.bytes <= 0) return { ok: false, error: 'the size must be above zero' };
  return { ok: true, bytes: r.bytes };
}

/** The plan to grow a pool: the commands in order, or why there is none. */
export type ResizePlan = { ok: true; commands: string[]; units: SizeUnits } | { ok: false; error: string };

/** The pool table with its length (second field) replaced by `sectors`. */
export function tableWithLength(table: string, sectors: number): string {
  const f = table.trim().split(/\s+/);
  f[1] = String(sectors);
  return f.join(' ');
}

/** A size as truncate -s reads it, in the largest binary unit that divides it (200G, 1536M, 1000000). */
export function truncateSize(bytes: number): string {
  for (const [suffix, unit] of [['T', 1024 ** 4], ['G', 1024 ** 3], ['M', 1024 ** 2], ['K', 1024]] as const)
    if (bytes % unit === 0) return `${bytes / unit}${suffix}`;
  return String(bytes);
}

/** The commands that grow `pool`'s data to `bytes`, for the way its data is stored. */
export function resizePlan(pool: PoolView, bytes: number, stack: readonly StackNode[]): ResizePlan {
  const current = pool.totalBlocks * pool.blockSize;
  if (pool.lv) return lvmPlan(pool, bytes, stack);
  const units = sizeUnits(bytes, pool.blockSize);
  if (units.blocks <= pool.totalBlocks)
    return { ok: false, error: `the pool already has ${pool.totalBlocks} blocks (${current} bytes); dm-thin pools only grow` };
  if (!pool.dataFile || !pool.table)
    return { ok: false, error: 'the pool’s data device is neither a loop file nor an LVM volume: reload its table by hand' };
  return {
    ok: true,
    units,
    commands: [
      `truncate -s ${truncateSize(bytes)} ${pool.dataFile.path}`,
      `losetup -c ${pool.dataFile.device}`,
      `dmsetup suspend ${pool.name}`,
      `dmsetup reload ${pool.name} --table "${tableWithLength(pool.table, units.sectors)}"`,
      `dmsetup resume ${pool.name}`,
    ],
  };
}

function lvmPlan(pool: PoolView, bytes: number, stack: readonly StackNode[]): ResizePlan {
  const lv = pool.lv!;
  const units = sizeUnits(bytes, pool.blockSize, lv.extentSize);
  if (units.extents <= lv.extents)
    return { ok: false, error: `${lv.vg}/${lv.lv} already has ${lv.extents} extents; lvextend only grows` };
  const commands: string[] = [];
  const missing = units.extents - lv.extents - lv.vgFreeExtents;
  if (missing > 0) {
    // The disk must hold the missing extents plus the PV's 1 MiB metadata area; whole GiB keep the figures readable.
    const need = Math.ceil((missing * lv.extentSize + 1024 ** 2) / 1024 ** 3);
    const disk = spareDisk(stack, need * 1024 ** 3) ?? newDiskName(stack);
    if (!stack.some((d) => d.name === disk)) commands.push(`sim disk ${disk} ${need}G`);
    commands.push(`vgextend ${lv.vg} /dev/${disk}`);
  }
  commands.push(`lvextend -l ${units.extents} ${lv.vg}/${lv.lv}`);
  return { ok: true, units, commands };
}

// A whole disk nothing is built on (no partition, no PV in use, not mounted) of at least `bytes`.
function spareDisk(stack: readonly StackNode[], bytes: number): string | undefined {
  const used = new Set(stack.flatMap((d) => d.slaves));
  return stack.find((d) => d.type === 'disk' && !used.has(d.name) && !d.mountpoint && d.size >= bytes)?.name;
}

// The next xvd? name not taken.
function newDiskName(stack: readonly StackNode[]): string {
  for (let c = 'g'.charCodeAt(0); c <= 'z'.charCodeAt(0); c++) {
    const name = `xvd${String.fromCharCode(c)}`;
    if (!stack.some((d) => d.name === name)) return name;
  }
  return 'xvdz';
}
