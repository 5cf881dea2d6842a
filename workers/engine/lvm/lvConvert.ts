// lvconvert --thinpool: turns a data LV and a metadata LV into a thin pool (with a metadata spare).
import type { Lvm } from './lvm';
import { LvmOutput, EINVALID_CMD_LINE } from './output';
import { KiB, MiB, GiB } from '../units';
import { allocate } from './allocate';
import { lvExtents, type LogicalVolume, type VolumeGroup } from './model';
import { atLeast } from './version';
import { newLv } from './lvCreate';

/** dm-thin's chunk limits: 64 KiB .. 1 GiB, in multiples of 64 KiB. */
export const MIN_CHUNK = 64 * KiB;
export const MAX_CHUNK = GiB;
/** lvm's default chunk (generic policy) and the metadata size it tries to stay under. */
const DEFAULT_CHUNK = 64 * KiB;
const OPTIMAL_METADATA = 128 * MiB;
const MIN_METADATA = 2 * MiB;
const MAX_METADATA = 16192 * MiB;

/** lvm's chunk size checks; null when fine, else the error lines. */
export function checkChunkSize(lvm: Lvm, chunk: number): string[] | null {
  const errs: string[] = [];
  if (chunk < MIN_CHUNK) errs.push(`Thin pool chunk size ${lvm.size(chunk, 'long')} is less than ${lvm.size(MIN_CHUNK, 'long')}.`);
  if (chunk > MAX_CHUNK) errs.push(`Thin pool chunk size ${lvm.size(chunk, 'long')} is bigger than ${lvm.size(MAX_CHUNK, 'long')}.`);
  if (chunk % MIN_CHUNK) errs.push(`Thin pool chunk size ${lvm.size(chunk, 'long')} must be a multiple of ${lvm.size(MIN_CHUNK, 'long')}.`);
  return errs.length ? errs : null;
}

/** Chunk size lvm picks for a pool of `dataBytes` (doubles 64 KiB until metadata fits 128 MiB). */
export function defaultChunkSize(dataBytes: number): number {
  let chunk = DEFAULT_CHUNK;
  while (chunk < MAX_CHUNK && (dataBytes / chunk) * 64 > OPTIMAL_METADATA) chunk *= 2;
  return chunk;
}

/** Metadata LV extents lvm sizes for a pool: 64 bytes per chunk, 2 MiB at least, rounded up to extents. */
export function metadataExtentsFor(dataBytes: number, chunk: number, extentSize: number): number {
  const bytes = Math.min(MAX_METADATA, Math.max(MIN_METADATA, Math.ceil(dataBytes / chunk) * 64));
  return Math.ceil(bytes / extentSize);
}

/** Most data a pool of this chunk size can address (printed by lvconvert from 2.02.172 on). */
export function maxPoolData(lvm: Lvm, chunk: number): number {
  const maxMeta = lvm.v203 ? 16256 * MiB : MAX_METADATA;
  return (maxMeta / 64) * chunk;
}

/** The VG's pool metadata spare, if any. */
export function spareOf(vg: VolumeGroup): LogicalVolume | undefined {
  return vg.lvs.find((l) => l.role === 'pmspare');
}

/**
 * Makes `data` the pool (keeping its name and uuid; its extents move to a new `<pool>_tdata`), renames
 * `meta` to `<pool>_tmeta`, adds or grows the spare, wipes the metadata and activates the pool.
 * Checks space before changing anything.
 */
export function makeThinPool(lvm: Lvm, vg: VolumeGroup, data: LogicalVolume, meta: LogicalVolume, chunk: number, zero: boolean): LvmOutput {
  const out = new LvmOutput();
  const metaExtents = lvExtents(meta);
  const spare = spareOf(vg);
  const spareNeed = spare ? Math.max(0, metaExtents - lvExtents(spare)) : metaExtents;
  const free = lvm.vgFree(vg);
  if (spareNeed > free) {
    // The caller's freshly allocated LVs are rolled back by it; converting existing LVs leaves them untouched.
    return out.fail(`Insufficient free space: ${spareNeed} extents needed, but only ${free} available`);
  }
  for (const lv of [data, meta]) {
    if (lv.active) {
      const r = lvm.deactivate(vg, lv);
      if (!r.ok) return out.merge(r);
    }
  }
  const tdata = newLv(lvm, `${data.name}_tdata`, 'pool-data');
  tdata.segments = data.segments;
  data.segments = [];
  data.role = 'thin-pool';
  meta.name = `${data.name}_tmeta`;
  meta.role = 'pool-metadata';
  data.pool = { dataLv: tdata.name, metadataLv: meta.name, chunkSize: chunk, zero, transactionId: 0 };
  vg.lvs.push(tdata);
  if (spare && spareNeed > 0) spare.segments = allocate(vg, lvm.pvs, spareNeed, spare.segments)!;
  if (!spare) {
    const s = newLv(lvm, `${lvm.generateLvName(vg)}_pmspare`, 'pmspare');
    s.segments = allocate(vg, lvm.pvs, metaExtents)!;
    vg.lvs.push(s);
  }
  lvm.hostPort.wipe(`lv:${meta.uuid}`);
  lvm.commit(vg);
  out.merge(lvm.activate(vg, data, false));
  return out;
}

/** What lvconvert --thinpool was asked for. */
export interface LvconvertRequest {
  pool: string;
  metadata?: string;
  chunkSize?: number;
  zero?: boolean;
  yes: boolean;
  /** Answer typed at the prompt (stdin) when -y is absent. */
  answer: string;
}

/** lvconvert --thinpool VG/LV [--poolmetadata VG/LV] [-c SIZE] [--zero y|n] [-y]. */
export function lvconvertThinPool(lvm: Lvm, req: LvconvertRequest): LvmOutput {
  const out = new LvmOutput();
  const p = lvm.resolveLv(req.pool, out);
  if (!p) return out;
  const { vg, lv: data } = p;
  const display = (lv: LogicalVolume) => `${vg.name}/${lv.name}`;
  if (data.role === 'thin-pool') return out.fail(`Logical volume ${display(data)} is already a thin pool.`);
  if (data.role !== 'linear') return out.fail(`Operation not permitted on hidden LV ${display(data)}.`);
  let meta: LogicalVolume | null = null;
  if (req.metadata) {
    const m = lvm.resolveLv(req.metadata, out, vg.name);
    if (!m) return out;
    if (m.vg !== vg) return out.fail(`Metadata LV ${req.metadata} is not in volume group ${vg.name}.`, EINVALID_CMD_LINE);
    if (m.lv === data) return out.fail(`Can't use same LV ${display(data)} for thin pool data and metadata LV.`);
    if (m.lv.role !== 'linear') return out.fail(`Operation not permitted on hidden LV ${display(m.lv)}.`);
    meta = m.lv;
  }
  const dataBytes = lvExtents(data) * vg.extentSize;
  const chunk = req.chunkSize ?? defaultChunkSize(dataBytes);
  const bad = checkChunkSize(lvm, chunk);
  if (bad) {
    for (const e of bad) out.fail(e, EINVALID_CMD_LINE);
    return out;
  }
  for (const lv of meta ? [data, meta] : [data])
    if (lv.active && lvm.isOpen(vg, lv)) return out.fail(`Logical volume ${display(lv)} is used by another device.`);
  const v = lvm.profile.lvmVersion;
  if (atLeast(v, '2.02.172'))
    out.print(`Thin pool volume with chunk size ${lvm.size(chunk, 'long')} can address at most ${lvm.size(maxPoolData(lvm, chunk), 'long')} of data.`);
  const zero = req.zero ?? true;
  if (zero && chunk >= 512 * KiB)
    out.warn(`WARNING: Pool zeroing and ${lvm.size(chunk, 'long')} large chunk size slows down thin provisioning.`);
  if (meta) {
    const names = `${display(data)} and ${display(meta)}`;
    out.warn(
      atLeast(v, '2.02.176')
        ? `WARNING: Converting ${names} to thin pool's data and metadata volumes with metadata wiping.`
        : `WARNING: Converting logical volume ${names} to thin pool's data and metadata volumes with metadata wiping.`,
    );
    out.warn('THIS WILL DESTROY CONTENT OF LOGICAL VOLUME (filesystem etc.)');
    if (!req.yes) {
      const yes = /^y/i.test(req.answer.trim());
      out.raw(`  Do you really want to convert ${names}? [y/n]: ${yes ? 'y' : 'n'}`);
      if (!yes) return out.fail('Conversion aborted.');
    }
  }
  let createdMeta: LogicalVolume | null = null;
  if (!meta) {
    const extents = metadataExtentsFor(dataBytes, chunk, vg.extentSize);
    const free = lvm.vgFree(vg);
    if (extents * 2 > free) return out.fail(`Insufficient free space: ${extents * 2} extents needed, but only ${free} available`);
    createdMeta = newLv(lvm, `${data.name}_tmeta`, 'linear');
    createdMeta.segments = allocate(vg, lvm.pvs, extents)!;
    vg.lvs.push(createdMeta);
    meta = createdMeta;
  }
  const r = makeThinPool(lvm, vg, data, meta, chunk, zero);
  if (!r.ok) {
    if (createdMeta) vg.lvs.splice(vg.lvs.indexOf(createdMeta), 1);
    return out.merge(r);
  }
  out.merge(r);
  const tmetaName = req.metadata ? req.metadata.split('/').pop()! : '';
  out.print(
    atLeast(v, '2.02.176') && req.metadata
      ? `Converted ${display(data)} and ${vg.name}/${tmetaName} to thin pool.`
      : `Converted ${display(data)} to thin pool.`,
  );
  return out;
}
