// Extent allocation over a VG's PVs: free runs in PV order, contiguous and same-PV runs first when extending.
import type { PhysicalVolume, Segment, VolumeGroup } from './model';

/** A free run of extents on one PV. */
export interface FreeArea {
  pv: string;
  start: number;
  length: number;
}

/** Free runs of a VG, by PV order then ascending extent. */
export function freeAreas(vg: VolumeGroup, pvs: Map<string, PhysicalVolume>): FreeArea[] {
  const out: FreeArea[] = [];
  for (const dev of vg.pvs) {
    const pv = pvs.get(dev);
    if (!pv) continue;
    const used = vg.lvs
      .flatMap((lv) => lv.segments)
      .filter((s) => s.pv === dev)
      .sort((a, b) => a.pvStart - b.pvStart);
    let cursor = 0;
    for (const s of used) {
      if (s.pvStart > cursor) out.push({ pv: dev, start: cursor, length: s.pvStart - cursor });
      cursor = Math.max(cursor, s.pvStart + s.length);
    }
    if (pv.peCount > cursor) out.push({ pv: dev, start: cursor, length: pv.peCount - cursor });
  }
  return out;
}

/** Free extents of a VG. */
export function freeExtents(vg: VolumeGroup, pvs: Map<string, PhysicalVolume>): number {
  return freeAreas(vg, pvs).reduce((n, a) => n + a.length, 0);
}

/** Free extents on one PV of a VG. */
export function pvFreeExtents(vg: VolumeGroup, pvs: Map<string, PhysicalVolume>, dev: string): number {
  return freeAreas(vg, pvs)
    .filter((a) => a.pv === dev)
    .reduce((n, a) => n + a.length, 0);
}

/**
 * Takes `count` extents for an LV whose current segments are `existing` (empty for a new LV).
 * Order as lvm's normal policy ends up with: the run right after the last segment, then runs on PVs
 * the LV already uses (cling), then the rest in PV order. Returns null when the VG is short.
 */
export function allocate(
  vg: VolumeGroup,
  pvs: Map<string, PhysicalVolume>,
  count: number,
  existing: Segment[] = [],
  onlyPvs?: string[],
): Segment[] | null {
  let areas = freeAreas(vg, pvs);
  if (onlyPvs) areas = areas.filter((a) => onlyPvs.includes(a.pv));
  if (areas.reduce((n, a) => n + a.length, 0) < count) return null;
  const last = existing[existing.length - 1];
  const used = new Set(existing.map((s) => s.pv));
  const rank = (a: FreeArea): number => {
    if (last && a.pv === last.pv && a.start === last.pvStart + last.length) return 0;
    if (used.has(a.pv)) return 1;
    return 2;
  };
  const ordered = areas
    .map((a, i) => ({ a, i }))
    .sort((x, y) => rank(x.a) - rank(y.a) || x.i - y.i)
    .map((x) => x.a);
  const taken: Segment[] = [];
  let left = count;
  for (const a of ordered) {
    if (left === 0) break;
    const n = Math.min(left, a.length);
    taken.push({ pv: a.pv, pvStart: a.start, length: n });
    left -= n;
  }
  return mergeSegments([...existing, ...taken]);
}

/** Joins neighbouring segments that continue on the same PV (one dm table line each). */
export function mergeSegments(segs: Segment[]): Segment[] {
  const out: Segment[] = [];
  for (const s of segs) {
    const p = out[out.length - 1];
    if (p && p.pv === s.pv && p.pvStart + p.length === s.pvStart) p.length += s.length;
    else out.push({ ...s });
  }
  return out;
}
