// lvremove: deactivates and deletes LVs (a pool with its sub-LVs; the spare goes with the last pool).
import type { Lvm } from './lvm';
import { LvmOutput } from './output';
import type { LogicalVolume, VolumeGroup } from './model';

/** Removes one LV; `force` skips the prompt for an active LV, otherwise `answer` is what stdin says. */
export function lvremoveOne(lvm: Lvm, vg: VolumeGroup, lv: LogicalVolume, force: boolean, answer: string): LvmOutput {
  const out = new LvmOutput();
  const display = `${vg.name}/${lv.name}`;
  if (lv.role === 'pool-data' || lv.role === 'pool-metadata') {
    const pool = vg.lvs.find((l) => l.pool && (l.pool.dataLv === lv.name || l.pool.metadataLv === lv.name));
    return out.fail(`Can't remove logical volume ${lv.name} used by ${pool?.name ?? 'a pool'}.`);
  }
  if (lv.active && lvm.isOpen(vg, lv)) return out.fail(`Can't remove open logical volume "${lv.name}"`);
  if (lv.active && !force) {
    const yes = /^y/i.test(answer.trim());
    out.raw(`Do you really want to remove active logical volume ${display}? [y/n]: ${yes ? 'y' : 'n'}`);
    if (!yes) return out.fail(`Logical volume ${display} not removed.`);
  }
  const d = lvm.deactivate(vg, lv);
  if (!d.ok) return out.merge(d);
  const gone = new Set([lv.name]);
  if (lv.pool) {
    gone.add(lv.pool.dataLv);
    gone.add(lv.pool.metadataLv);
  }
  vg.lvs = vg.lvs.filter((l) => !gone.has(l.name));
  if (lv.role === 'thin-pool' && !vg.lvs.some((l) => l.role === 'thin-pool'))
    vg.lvs = vg.lvs.filter((l) => l.role !== 'pmspare');
  lvm.commit(vg);
  out.print(`Logical volume "${lv.name}" successfully removed`);
  return out;
}

/** lvremove [-f] VG/LV… or VG (every visible LV of it). */
export function lvremove(lvm: Lvm, args: string[], force: boolean, answer: string): LvmOutput {
  const out = new LvmOutput();
  for (const arg of args) {
    if (!arg.includes('/') && lvm.vgs.has(arg)) {
      const vg = lvm.vgs.get(arg)!;
      for (const lv of lvm.visibleLvs(vg)) out.merge(lvremoveOne(lvm, vg, lv, force, answer));
      continue;
    }
    const ref = lvm.resolveLv(arg, out);
    if (ref) out.merge(lvremoveOne(lvm, ref.vg, ref.lv, force, answer));
  }
  return out;
}
