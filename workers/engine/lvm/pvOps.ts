// pvcreate / pvremove: labelling whole devices as PVs, and wiping the label again.
import type { Lvm } from './lvm';
import { LvmOutput } from './output';
import { peCountOf } from './extents';

/** Checks a device can take a PV label; prints lvm's refusal otherwise. */
export function usableDevice(lvm: Lvm, path: string, out: LvmOutput): boolean {
  const dev = lvm.hostPort.device(path);
  if (!dev || dev.partitioned || dev.type === 'dm' || dev.type === 'lvm') {
    if (lvm.v203) out.fail(dev?.partitioned ? `Cannot use ${path}: device is partitioned` : `No device found for ${path}.`);
    else out.fail(`Device ${path} not found (or ignored by filtering).`);
    return false;
  }
  if (dev.mountpoint) {
    out.fail(`Can't open ${path} exclusively.  Mounted filesystem?`);
    return false;
  }
  return true;
}

/** Canonical device path (/dev/xvdf) for what the user typed. */
export function devicePath(lvm: Lvm, arg: string): string {
  const dev = lvm.hostPort.device(arg);
  return dev ? dev.path : arg;
}

/** Labels one device (implicitly from vgcreate/vgextend, too); nothing changes on failure. */
export function pvcreateOne(lvm: Lvm, arg: string, out: LvmOutput, force = 0): boolean {
  if (!usableDevice(lvm, arg, out)) return false;
  const path = devicePath(lvm, arg);
  const existing = lvm.pvs.get(path);
  if (existing?.vg && force < 2) {
    out.fail(`Can't initialize physical volume "${path}" of volume group "${existing.vg}" without -ff`);
    out.fail(`${path}: physical volume not initialized.`);
    return false;
  }
  if (existing?.vg) {
    out.fail(`Can't initialize physical volume "${path}" of volume group "${existing.vg}": it is in use.`);
    return false;
  }
  const size = lvm.hostPort.device(path)!.size;
  if (peCountOf(size) < 1) {
    out.fail(`${path}: Data area is beyond end of device`);
    return false;
  }
  lvm.pvs.set(path, { device: path, size, uuid: lvm.newUuid(), vg: null, peCount: 0 });
  out.print(`Physical volume "${path}" successfully created.`);
  return true;
}

/** pvcreate DEV…: each device in turn. */
export function pvcreate(lvm: Lvm, devices: string[], force = 0): LvmOutput {
  const out = new LvmOutput();
  for (const d of devices) pvcreateOne(lvm, d, out, force);
  return out;
}

/** pvremove DEV…: wipes orphan PV labels; PVs still in a VG are refused. */
export function pvremove(lvm: Lvm, devices: string[], force = 0): LvmOutput {
  const out = new LvmOutput();
  for (const arg of devices) {
    if (!lvm.hostPort.device(arg)) {
      out.fail(lvm.v203 ? `No device found for ${arg}.` : `Device ${arg} not found (or ignored by filtering).`);
      continue;
    }
    const path = devicePath(lvm, arg);
    const pv = lvm.pvs.get(path);
    if (!pv) {
      out.fail(`No PV label found on ${path}.`);
      continue;
    }
    if (pv.vg && force < 2) {
      out.fail(`PV ${path} is used by VG ${pv.vg} so please use vgreduce first.`);
      out.fail(`(If you are certain you need pvremove, then confirm by using --force twice.)`);
      continue;
    }
    if (pv.vg) {
      const vg = lvm.vgs.get(pv.vg);
      if (vg) vg.pvs = vg.pvs.filter((p) => p !== path);
    }
    lvm.pvs.delete(path);
    out.print(`Labels on physical volume "${path}" successfully wiped.`);
  }
  return out;
}
