// lvcreate: a linear LV (or a thin pool with -T) sized by -l extents/percent or -L size.
import type { Lvm } from './lvm';
import { LvmOutput, EINVALID_CMD_LINE } from './output';
import { percentOfExtents } from './extents';
import { allocate, pvFreeExtents } from './allocate';
import type { LogicalVolume, VolumeGroup } from './model';
import type { ExtentsArg, SizeArg } from './sizeArgs';
import { validName } from './vgOps';
import { makeThinPool, defaultChunkSize, metadataExtentsFor } from './lvConvert';

/** What lvcreate was asked for. */
export interface LvcreateRequest {
  vg: string;
  name?: string;
  extents?: ExtentsArg;
  size?: SizeArg;
  /** -T/--thinpool: make the new LV a thin pool. */
  thinPool?: boolean;
  chunkSize?: number;
  zero?: boolean;
  /** PVs named after the VG: allocate only there. */
  pvs?: string[];
}

/** Extents for an lvcreate request (lvcreate's _update_extents_params: percentages round down). */
export function requestedExtents(lvm: Lvm, vg: VolumeGroup, req: LvcreateRequest, out: LvmOutput): number | null {
  if (req.size) {
    const ext = vg.extentSize;
    let bytes = req.size.bytes;
    if (bytes % ext) {
      bytes += ext - (bytes % ext);
      out.print(`Rounding up size to full physical extent ${lvm.size(bytes, 'long')}`);
    }
    return bytes / ext;
  }
  const e = req.extents!;
  const free = lvm.vgFree(vg);
  let extents: number;
  switch (e.percent) {
    case 'VG':
      extents = percentOfExtents(e.value, lvm.vgExtents(vg), false);
      break;
    case 'FREE':
      extents = percentOfExtents(e.value, free, false);
      break;
    case 'PVS': {
      const total = req.pvs?.length
        ? req.pvs.reduce((n, p) => n + pvFreeExtents(vg, lvm.pvs, p), 0)
        : lvm.vgExtents(vg);
      extents = percentOfExtents(e.value, total, false);
      break;
    }
    case 'ORIGIN':
    case 'LV':
      out.fail(`Please specify a percentage of %VG, %FREE or %PVS.`, EINVALID_CMD_LINE);
      return null;
    default:
      extents = e.value;
  }
  if (e.percent && extents > free) {
    out.print(`Reducing ${e.value}%${e.percent} to remaining free space ${lvm.size(free * vg.extentSize, 'long')} in VG.`);
    extents = free;
  }
  return extents;
}

/** lvcreate: allocates and activates the new LV; nothing changes on any error. */
export function lvcreate(lvm: Lvm, req: LvcreateRequest): LvmOutput {
  const out = new LvmOutput();
  const vg = lvm.vgs.get(req.vg);
  if (!vg) return out.fail(`Volume group "${req.vg}" not found`).fail(`Cannot process volume group ${req.vg}`);
  const name = req.name ?? lvm.generateLvName(vg);
  if (!validName(name) || /_(tdata|tmeta|pmspare)$/.test(name))
    return out.fail(`Names including "${/_(tdata|tmeta|pmspare)$/.exec(name)?.[0] ?? name}" are reserved. Please choose a different LV name.`, EINVALID_CMD_LINE);
  if (vg.lvs.some((l) => l.name === name)) return out.fail(`Logical Volume "${name}" already exists in volume group "${vg.name}"`);
  for (const p of req.pvs ?? []) {
    if (!vg.pvs.includes(p)) return out.fail(`Physical Volume "${p}" not found in Volume Group "${vg.name}".`);
  }
  const extents = requestedExtents(lvm, vg, req, out);
  if (extents === null) return out;
  if (extents === 0) return out.fail('Calculated size of logical volume is 0 extents. Needs to be larger.');
  const free = lvm.vgFree(vg);
  if (req.thinPool) return createThinPool(lvm, vg, name, extents, req, out);
  if (extents > free) return out.fail(`Volume group "${vg.name}" has insufficient free space (${free} extents): ${extents} required.`);
  const segments = allocate(vg, lvm.pvs, extents, [], req.pvs);
  if (!segments) return out.fail(`Insufficient free space: ${extents} extents needed, but only ${free} available`);
  const lv = newLv(lvm, name, 'linear');
  lv.segments = segments;
  vg.lvs.push(lv);
  lvm.commit(vg);
  lvm.events.emit({ type: 'lv-created', vg: vg.name, lv: name, extents });
  const act = lvm.activate(vg, lv, false);
  out.merge(act);
  out.print(`Logical volume "${name}" created.`);
  return out;
}

/** A blank LV record. */
export function newLv(lvm: Lvm, name: string, role: LogicalVolume['role']): LogicalVolume {
  return {
    name,
    uuid: lvm.newUuid(),
    role,
    segments: [],
    active: false,
    monitored: false,
    profile: null,
    pool: null,
    created: lvm.now(),
    activationSkip: false,
  };
}

function createThinPool(lvm: Lvm, vg: VolumeGroup, name: string, extents: number, req: LvcreateRequest, out: LvmOutput): LvmOutput {
  const chunk = req.chunkSize ?? defaultChunkSize(extents * vg.extentSize);
  const metaExtents = metadataExtentsFor(extents * vg.extentSize, chunk, vg.extentSize);
  const free = lvm.vgFree(vg);
  const need = extents + 2 * metaExtents;
  if (need > free) return out.fail(`Insufficient free space: ${need} extents needed, but only ${free} available`);
  const data = newLv(lvm, name, 'linear');
  data.segments = allocate(vg, lvm.pvs, extents, [], req.pvs)!;
  vg.lvs.push(data);
  const meta = newLv(lvm, `${name}_tmeta`, 'linear');
  meta.segments = allocate(vg, lvm.pvs, metaExtents)!;
  vg.lvs.push(meta);
  const r = makeThinPool(lvm, vg, data, meta, chunk, req.zero ?? true);
  if (!r.ok) return out.merge(r);
  lvm.commit(vg);
  lvm.events.emit({ type: 'lv-created', vg: vg.name, lv: name, extents });
  out.merge(r);
  out.print(`Logical volume "${name}" created.`);
  return out;
}
