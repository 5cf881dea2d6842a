// lvextend: growing an LV (a thin pool grows its _tdata, or _tmeta when named), by size, extents or policy.
import type { Lvm } from './lvm';
import { LvmOutput, EINVALID_CMD_LINE } from './output';
import { percentOfExtents } from './extents';
import { allocate, pvFreeExtents } from './allocate';
import { lvExtents, type LogicalVolume, type VolumeGroup } from './model';
import type { ExtentsArg, SizeArg } from './sizeArgs';
import { spareOf } from './lvConvert';

/** What lvextend was asked for. */
export interface LvextendRequest {
  lv: string;
  extents?: ExtentsArg;
  size?: SizeArg;
  usePolicies?: boolean;
  pvs?: string[];
}

const DM_PERCENT_1 = 1000000;
const DM_PERCENT_100 = 100 * DM_PERCENT_1;

/** libdm's dm_make_percent: a ratio in 1/1000000 %, never 0 or 100% unless exactly. */
export function makePercent(numerator: number, denominator: number): number {
  if (!denominator) return DM_PERCENT_100;
  if (!numerator) return 0;
  if (numerator === denominator) return DM_PERCENT_100;
  const p = Math.trunc((DM_PERCENT_100 * numerator) / denominator);
  if (p === DM_PERCENT_100) return DM_PERCENT_100 - 1;
  if (p === 0) return 1;
  return p;
}

/** lvm's _adjust_amount: percent to grow by so usage drops under the threshold, at least the policy's. */
export function adjustAmount(percent: number, threshold: number, amount: number): number {
  if (!(percent > 0 && percent <= DM_PERCENT_100) || percent <= threshold * DM_PERCENT_1) return 0;
  const needed = Math.floor((Math.floor(percent / threshold) + Math.floor((DM_PERCENT_1 - 1) / 100)) / (DM_PERCENT_1 / 100)) - 100;
  return amount < needed ? needed : amount;
}

/** The LV whose extents actually change: a pool resizes its data LV. */
function layerOf(vg: VolumeGroup, lv: LogicalVolume): LogicalVolume {
  if (lv.role === 'thin-pool' && lv.pool) return vg.lvs.find((l) => l.name === lv.pool!.dataLv)!;
  return lv;
}

/** The pool an LV belongs to (itself, or the pool of a _tdata/_tmeta). */
function poolOf(vg: VolumeGroup, lv: LogicalVolume): LogicalVolume | undefined {
  if (lv.role === 'thin-pool') return lv;
  return vg.lvs.find((l) => l.pool && (l.pool.dataLv === lv.name || l.pool.metadataLv === lv.name));
}

/**
 * Grows `target` to `newExtents` and reloads what is active; prints lvm's two messages naming `named`
 * (2.02: the resized layer; 2.03: the LV the user named for the final line). Checks space first.
 */
function grow(lvm: Lvm, vg: VolumeGroup, target: LogicalVolume, named: LogicalVolume, newExtents: number, out: LvmOutput, pvs?: string[]): boolean {
  const old = lvExtents(target);
  const need = newExtents - old;
  const free = pvs ? pvs.reduce((n, p) => n + pvFreeExtents(vg, lvm.pvs, p), 0) : lvm.vgFree(vg);
  if (need > free) {
    out.fail(`Insufficient free space: ${need} extents needed, but only ${free} available`);
    return false;
  }
  target.segments = allocate(vg, lvm.pvs, need, target.segments, pvs)!;
  if (target.role === 'pool-metadata') {
    // The spare follows the biggest metadata LV when there is room for it.
    const spare = spareOf(vg);
    const grow = spare ? newExtents - lvExtents(spare) : 0;
    if (spare && grow > 0 && grow <= lvm.vgFree(vg)) spare.segments = allocate(vg, lvm.pvs, grow, spare.segments)!;
  }
  lvm.commit(vg);
  const ext = vg.extentSize;
  out.print(
    `Size of logical volume ${vg.name}/${target.name} changed from ${lvm.size(old * ext, 'long')} (${old} extents) to ${lvm.size(newExtents * ext, 'long')} (${newExtents} extents).`,
  );
  const pool = poolOf(vg, target);
  out.merge(lvm.refresh(vg, target));
  if (pool && pool !== target) out.merge(lvm.refresh(vg, pool));
  lvm.events.emit({ type: 'lv-resized', vg: vg.name, lv: target.name, from: old, to: newExtents });
  out.print(`Logical volume ${vg.name}/${lvm.v203 ? named.name : target.name} successfully resized.`);
  return true;
}

/** lvextend --use-policies on a pool: grows data and/or metadata by the profile's percent when over threshold. */
export function extendByPolicy(lvm: Lvm, vg: VolumeGroup, pool: LogicalVolume): LvmOutput {
  const out = new LvmOutput();
  const name = `${vg.name}/${pool.name}`;
  if (pool.role !== 'thin-pool' || !pool.pool) return out.fail(`Policy-based resize is supported only for snapshot and thin pool volumes.`, EINVALID_CMD_LINE);
  const policy = lvm.policyFor(pool);
  let threshold = policy.threshold;
  if (threshold < 50) {
    out.warn(`WARNING: Thin pool autoextend threshold ${threshold}% is set below minimum supported 50%.`);
    threshold = 50;
  }
  if (threshold >= 100) return out;
  if (!policy.percent) return out.fail(`Can't extend ${name} with thin-pool autoextend percent set to 0%.`);
  const usage = lvm.poolUsage(vg, pool);
  if (!usage) return out.fail(`Can't read state of thin pool ${name}.`);
  const meta = vg.lvs.find((l) => l.name === pool.pool!.metadataLv)!;
  const data = vg.lvs.find((l) => l.name === pool.pool!.dataLv)!;
  const before = lvExtents(data);
  const metaAmount = adjustAmount(makePercent(usage.usedMeta, usage.totalMeta), threshold, policy.percent);
  const dataAmount = adjustAmount(makePercent(usage.usedData, usage.totalData), threshold, policy.percent);
  if (metaAmount) {
    const cur = lvExtents(meta);
    if (!grow(lvm, vg, meta, meta, cur + percentOfExtents(metaAmount, cur, true), out)) return out;
  }
  if (dataAmount) {
    const cur = lvExtents(data);
    grow(lvm, vg, data, pool, cur + percentOfExtents(dataAmount, cur, true), out);
  }
  if (out.ok && (metaAmount || dataAmount)) {
    lvm.events.emit({ type: 'autoextend', vg: vg.name, lv: pool.name, ok: true, from: before, to: lvExtents(data) });
  } else if (!out.ok) {
    lvm.events.emit({ type: 'autoextend', vg: vg.name, lv: pool.name, ok: false, from: before, to: before });
  }
  return out;
}

/** lvextend [-l [+]N[%VG|%FREE|%PVS|%LV] | -L [+]SIZE | --use-policies] VG/LV [PV…]. */
export function lvextend(lvm: Lvm, req: LvextendRequest): LvmOutput {
  const out = new LvmOutput();
  const ref = lvm.resolveLv(req.lv, out);
  if (!ref) return out;
  const { vg, lv } = ref;
  if (lv.role === 'pmspare') return out.fail(`Can't resize internal logical volume ${vg.name}/${lv.name}.`);
  if (req.usePolicies) return extendByPolicy(lvm, vg, lv);
  const sign = req.extents?.sign ?? req.size?.sign ?? '';
  if (sign === '-') return out.fail('Negative argument not permitted - use lvreduce', EINVALID_CMD_LINE);
  const target = layerOf(vg, lv);
  const cur = lvExtents(target);
  let delta: number;
  if (req.size) {
    let bytes = req.size.bytes;
    if (bytes % vg.extentSize) {
      bytes += vg.extentSize - (bytes % vg.extentSize);
      out.print(`Rounding size to boundary between physical extents: ${lvm.size(bytes, 'long')}.`);
    }
    delta = bytes / vg.extentSize;
  } else {
    const e = req.extents!;
    const free = lvm.vgFree(vg);
    switch (e.percent) {
      case 'VG':
        delta = percentOfExtents(e.value, lvm.vgExtents(vg), true);
        break;
      case 'FREE':
        delta = percentOfExtents(e.value, free, true);
        break;
      case 'LV':
        delta = percentOfExtents(e.value, cur, true);
        break;
      case 'PVS': {
        const total = req.pvs?.length ? req.pvs.reduce((n, p) => n + pvFreeExtents(vg, lvm.pvs, p), 0) : lvm.vgExtents(vg);
        delta = percentOfExtents(e.value, total, true);
        break;
      }
      case 'ORIGIN':
        return out.fail(`Specified %ORIGIN is not valid for ${vg.name}/${lv.name}.`, EINVALID_CMD_LINE);
      default:
        delta = e.value;
    }
    if (e.percent === 'VG' && (sign === '+' ? delta : delta - cur) > free) {
      delta = sign === '+' ? free : cur + free;
      out.print(`Reducing ${e.value}%VG to remaining free space ${lvm.size(free * vg.extentSize, 'long')} in VG.`);
    }
  }
  const next = sign === '+' ? cur + delta : delta;
  if (next === cur) return out.fail(`New size (${next} extents) matches existing size (${cur} extents).`);
  if (next < cur) return out.fail(`New size given (${next} extents) not larger than existing size (${cur} extents)`, EINVALID_CMD_LINE);
  for (const p of req.pvs ?? []) if (!vg.pvs.includes(p)) return out.fail(`Physical Volume "${p}" not found in Volume Group "${vg.name}".`);
  grow(lvm, vg, target, lv, next, out, req.pvs?.length ? req.pvs : undefined);
  return out;
}
