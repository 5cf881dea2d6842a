// lvchange: metadata profile, dmeventd monitoring, activation.
import type { Lvm } from './lvm';
import { LvmOutput, EINVALID_CMD_LINE } from './output';

/** What lvchange was asked to change. */
export interface LvchangeRequest {
  lvs: string[];
  /** --metadataprofile NAME (or --profile). */
  profile?: string;
  /** --detachprofile. */
  detachProfile?: boolean;
  /** --monitor y|n. */
  monitor?: boolean;
  /** -a y|n. */
  activate?: boolean;
}

/** lvchange: applies each requested change to each LV, in lvm's order (profile, activation, monitoring). */
export function lvchange(lvm: Lvm, req: LvchangeRequest): LvmOutput {
  const out = new LvmOutput();
  if (req.profile === undefined && !req.detachProfile && req.monitor === undefined && req.activate === undefined)
    return out.fail(
      'Need 1 or more of -a, -C, -M, -p, -r, -Z, --resync, --refresh, --alloc, --addtag, --deltag, --monitor, --poll or --discards',
      EINVALID_CMD_LINE,
    );
  if (!req.lvs.length) return out.fail('Please give logical volume path(s)', EINVALID_CMD_LINE);
  if (req.profile !== undefined && !lvm.profileExists(req.profile)) {
    out.fail(`${lvm.profilePath(req.profile)}: stat failed: No such file or directory`);
    return out.fail(`Failed to load configuration profile ${req.profile}.`);
  }
  for (const arg of req.lvs) {
    const ref = lvm.resolveLv(arg, out);
    if (!ref) continue;
    const { vg, lv } = ref;
    if (req.profile !== undefined || req.detachProfile) {
      lv.profile = req.detachProfile ? null : req.profile!;
      lvm.commit(vg);
      out.print(`Logical volume ${vg.name}/${lv.name} changed.`);
    }
    if (req.activate === true) out.merge(lvm.activate(vg, lv, req.monitor ?? true));
    if (req.activate === false) out.merge(lvm.deactivate(vg, lv));
    if (req.monitor !== undefined && lv.role === 'thin-pool' && lv.active) {
      if (req.monitor && !lv.monitored) lvm.dmeventd.register(vg, lv);
      if (!req.monitor && lv.monitored) lvm.dmeventd.unregister(vg, lv);
    }
  }
  return out;
}
