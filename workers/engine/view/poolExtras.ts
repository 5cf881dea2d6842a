// What the gauges and the resize calculator need beyond dm-thin's own figures: Docker's and LVM's thresholds, the pool
// table, and what the pool's data sits on (a loop file, or an LVM volume).
import type { Machine } from '../machine';
import type { PoolView } from './types';
import { failed } from '../host/errno';

/** The fields of a PoolView that come from layers above dm-thin. */
export type PoolExtras = Pick<PoolView, 'minFreeBlocks' | 'autoextendThreshold' | 'table' | 'dataFile' | 'lv'>;

/** Docker's min free space, LVM's autoextend threshold, the table line and the data device's backing, for `pool`. */
export function poolExtrasOf(machine: Machine, pool: string, totalBlocks: number): PoolExtras {
  const extras: PoolExtras = { table: machine.dm.table(pool)?.[0] ?? '' };
  const ds = machine.docker.deviceSet;
  if (ds && ds.poolName === pool && ds.opts.minFreeSpacePercent > 0)
    // deviceset.go checkThinPool: minFreeData = dataTotal * minFreeSpacePercent / 100, at least 1.
    extras.minFreeBlocks = Math.max(1, Math.floor((totalBlocks * ds.opts.minFreeSpacePercent) / 100));
  const dataDevno = extras.table.split(/\s+/)[4];
  const loop = machine.host.loops.list().find((l) => `${l.major}:${l.minor}` === dataDevno);
  if (loop) {
    const st = machine.host.vfs.stat(loop.file);
    if (!failed(st) && st.kind === 'file')
      extras.dataFile = { path: loop.file, device: `/dev/${loop.name}`, size: st.size, allocated: st.allocated };
  }
  for (const vg of machine.lvm.vgs.values())
    for (const lv of vg.lvs) {
      if (lv.role !== 'thin-pool' || machine.lvm.dmName(vg, lv) !== pool) continue;
      const policy = machine.lvm.policyFor(lv);
      if (lv.monitored && policy.threshold < 100) extras.autoextendThreshold = policy.threshold;
      extras.lv = {
        vg: vg.name,
        lv: lv.name,
        extentSize: vg.extentSize,
        extents: machine.lvm.lvSizeExtents(vg, lv),
        vgFreeExtents: machine.lvm.vgFree(vg),
        autoextendPercent: policy.percent,
      };
    }
  return extras;
}
