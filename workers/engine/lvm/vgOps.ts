// vgcreate / vgextend / vgremove: grouping PVs into VGs of 4 MiB extents.
import type { Lvm } from './lvm';
import { LvmOutput, EINVALID_CMD_LINE } from './output';
import { EXTENT_SIZE, peCountOf } from './extents';
import { devicePath, pvcreateOne, usableDevice } from './pvOps';
import type { VolumeGroup } from './model';
import { lvremoveOne } from './lvRemove';

/** lvm's name rule for VGs and LVs. */
export function validName(name: string): boolean {
  return /^[A-Za-z0-9+_.][A-Za-z0-9+_.-]*$/.test(name) && name !== '.' && name !== '..' && name.length <= 127;
}

/** Takes devices into a VG (implicit pvcreate); all-or-nothing: on any refusal nothing changes. */
function addPvs(lvm: Lvm, vgName: string, devices: string[], out: LvmOutput): string[] | null {
  const paths: string[] = [];
  const fresh: string[] = [];
  for (const arg of devices) {
    if (!usableDevice(lvm, arg, out)) return null;
    const path = devicePath(lvm, arg);
    const pv = lvm.pvs.get(path);
    if (pv?.vg || paths.includes(path)) {
      out.fail(`Physical volume '${path}' is already in volume group '${pv?.vg ?? vgName}'`);
      out.fail(`Unable to add physical volume '${path}' to volume group '${vgName}'`);
      out.fail(`${path}: physical volume not initialized.`);
      return null;
    }
    if (!pv) fresh.push(path);
    paths.push(path);
  }
  for (const path of fresh) pvcreateOne(lvm, path, out);
  return paths;
}

/** vgcreate VG DEV…. */
export function vgcreate(lvm: Lvm, name: string, devices: string[]): LvmOutput {
  const out = new LvmOutput();
  if (!validName(name)) return out.fail(`New volume group name "${name}" is invalid.`, EINVALID_CMD_LINE);
  if (lvm.vgs.has(name)) return out.fail(`A volume group called ${name} already exists.`);
  const paths = addPvs(lvm, name, devices, out);
  if (!paths) return out;
  const vg: VolumeGroup = { name, uuid: lvm.newUuid(), extentSize: EXTENT_SIZE, pvs: [], lvs: [], seqno: 1 };
  for (const p of paths) attach(lvm, vg, p);
  lvm.vgs.set(name, vg);
  out.print(`Volume group "${name}" successfully created`);
  return out;
}

function attach(lvm: Lvm, vg: VolumeGroup, path: string): void {
  const pv = lvm.pvs.get(path)!;
  pv.vg = vg.name;
  pv.peCount = peCountOf(pv.size, vg.extentSize);
  vg.pvs.push(path);
}

/** vgextend VG DEV…. */
export function vgextend(lvm: Lvm, name: string, devices: string[]): LvmOutput {
  const out = new LvmOutput();
  const vg = lvm.vgs.get(name);
  if (!vg) return out.fail(`Volume group "${name}" not found`).fail(`Cannot process volume group ${name}`);
  const paths = addPvs(lvm, name, devices, out);
  if (!paths) return out;
  for (const p of paths) attach(lvm, vg, p);
  lvm.commit(vg);
  out.print(`Volume group "${name}" successfully extended`);
  return out;
}

/** vgremove [-f] VG…: removes the LVs (with -f or a "y" on stdin), then the VG; its PVs become orphans. */
export function vgremove(lvm: Lvm, names: string[], force: boolean, answer: string): LvmOutput {
  const out = new LvmOutput();
  for (const name of names) {
    const vg = lvm.vgs.get(name);
    if (!vg) {
      out.fail(`Volume group "${name}" not found`).fail(`Cannot process volume group ${name}`);
      continue;
    }
    const visible = lvm.visibleLvs(vg);
    if (visible.length && !force) {
      const q = `Do you really want to remove volume group "${name}" containing ${visible.length} logical volumes? [y/n]: `;
      if (!/^y/i.test(answer)) {
        out.raw(`  ${q}n`);
        out.fail(`Volume group "${name}" not removed`);
        continue;
      }
      out.raw(`  ${q}y`);
    }
    let ok = true;
    for (const lv of visible) {
      const r = lvremoveOne(lvm, vg, lv, true, '');
      out.merge(r);
      if (!r.ok) ok = false;
    }
    if (!ok) continue;
    for (const lv of [...vg.lvs]) vg.lvs.splice(vg.lvs.indexOf(lv), 1);
    for (const p of vg.pvs) {
      const pv = lvm.pvs.get(p);
      if (pv) {
        pv.vg = null;
        pv.peCount = 0;
      }
    }
    lvm.vgs.delete(name);
    out.print(`Volume group "${name}" successfully removed`);
  }
  return out;
}
