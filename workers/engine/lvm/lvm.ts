// The lvm layer: PVs, VGs and LVs of the host, their activation as dm devices, profiles and dmeventd.
import type { EventLog } from '../events';
import type { Host } from '../host/host';
import type { DeviceMapper } from '../dm/deviceMapper';
import type { HostProfile } from '../profile';
import type { Journal } from '../journal';
import { EXTENT_SECTORS } from './extents';
import { freeExtents } from './allocate';
import { isHidden, lvExtents, type LogicalVolume, type PhysicalVolume, type VolumeGroup } from './model';
import { bindDm, bindHost, type DmPort, type HostPort, type PoolUsage } from './ports';
import { UuidSource } from './uuid';
import { atLeast } from './version';
import { lvmSize } from '../units';
import { LvmOutput } from './output';
import { dmNameOf, dmUuidOf, linearTable, lowWaterMarkOf, thinPoolTable } from './activation';
import { DEFAULT_POLICY, parseLvmConfig, policyOf, type AutoextendPolicy } from './profiles';
import { Dmeventd } from './dmeventd';

/** An LV found by a "vg/lv" argument. */
export interface LvRef {
  vg: VolumeGroup;
  lv: LogicalVolume;
}

/** The host's LVM state and the operations the lvm commands (and docker's direct-lvm setup) run. */
export class Lvm {
  /** PVs by device path. */
  readonly pvs = new Map<string, PhysicalVolume>();
  /** VGs by name. */
  readonly vgs = new Map<string, VolumeGroup>();
  readonly hostPort: HostPort;
  readonly dmPort: DmPort;
  readonly dmeventd: Dmeventd;
  /** Files lvm reads when the host has no VFS yet (profiles written by tests). */
  readonly files = new Map<string, string>();
  /** Whether `activateOnBoot` activates VGs (lvm2-pvscan on RHEL 7); false reproduces a pool left inactive. */
  autoActivateAtBoot = true;
  private readonly uuids = new UuidSource();

  constructor(
    readonly events: EventLog,
    readonly host: Host,
    readonly dm: DeviceMapper,
    readonly profile: HostProfile,
    /** The machine's journal: dmeventd writes dm-event.service's records there. */
    readonly journal: Journal,
  ) {
    this.hostPort = bindHost(host, this.files);
    this.dmPort = bindDm(dm);
    this.dmeventd = new Dmeventd(this);
  }

  /** lvm2 ≥ 2.02.169 marks sizes rounded up with '<'. */
  get roundingMark(): boolean {
    return atLeast(this.profile.lvmVersion, '2.02.169');
  }

  /** True from lvm2 2.03 on (changed wording of lvconvert/lvextend messages). */
  get v203(): boolean {
    return atLeast(this.profile.lvmVersion, '2.03.0');
  }

  /** A size as lvm prints it: 'short' in reports (95.00g), 'long' in messages (95.00 GiB). */
  size(bytes: number, form: 'short' | 'long'): string {
    return lvmSize(bytes, { form, roundingMark: this.roundingMark });
  }

  /** A fresh lvm uuid (32 characters, no dashes). */
  newUuid(): string {
    return this.uuids.raw();
  }

  /** Wall clock, Unix seconds. */
  now(): number {
    return this.hostPort.now();
  }

  /** Free extents of a VG. */
  vgFree(vg: VolumeGroup): number {
    return freeExtents(vg, this.pvs);
  }

  /** Total extents of a VG. */
  vgExtents(vg: VolumeGroup): number {
    return vg.pvs.reduce((n, d) => n + (this.pvs.get(d)?.peCount ?? 0), 0);
  }

  /** LV size in extents (a pool counts its data LV). */
  lvSizeExtents(vg: VolumeGroup, lv: LogicalVolume): number {
    if (lv.role === 'thin-pool' && lv.pool) {
      const data = vg.lvs.find((l) => l.name === lv.pool!.dataLv);
      return data ? lvExtents(data) : 0;
    }
    return lvExtents(lv);
  }

  /** Visible LVs (vgdisplay Cur LV, vgs #LV). */
  visibleLvs(vg: VolumeGroup): LogicalVolume[] {
    return vg.lvs.filter((l) => !isHidden(l));
  }

  /** Finds "vg/lv", "/dev/vg/lv" or "/dev/mapper/vg-lv"; errors use lvm's texts. */
  resolveLv(arg: string, out: LvmOutput, defaultVg?: string): LvRef | null {
    let vgName: string | undefined;
    let lvName: string;
    const mapper = /^\/dev\/mapper\/(.+)$/.exec(arg);
    if (mapper) {
      for (const vg of this.vgs.values())
        for (const lv of vg.lvs) if (dmNameOf(vg.name, lv.name) === mapper[1]) return { vg, lv };
      out.fail(`Failed to find logical volume "${arg}"`);
      return null;
    }
    const parts = arg.replace(/^\/dev\//, '').split('/');
    if (parts.length === 2) [vgName, lvName] = parts;
    else {
      vgName = defaultVg;
      lvName = parts[0];
    }
    if (!vgName) {
      out.fail(`Path required for Logical Volume "${lvName}".`, 3);
      return null;
    }
    const vg = this.vgs.get(vgName);
    if (!vg) {
      out.fail(`Volume group "${vgName}" not found`);
      out.fail(`Cannot process volume group ${vgName}`);
      return null;
    }
    const lv = vg.lvs.find((l) => l.name === lvName);
    if (!lv) {
      out.fail(`Failed to find logical volume "${vgName}/${lvName}"`);
      return null;
    }
    return { vg, lv };
  }

  /** Next free default name "lvol<N>" (the spare becomes lvol<N>_pmspare). */
  generateLvName(vg: VolumeGroup): string {
    let n = 0;
    const used = new Set(
      vg.lvs
        .map((l) => /^lvol(\d+)/.exec(l.name))
        .filter((m): m is RegExpExecArray => !!m)
        .map((m) => Number(m[1])),
    );
    while (used.has(n)) n++;
    return `lvol${n}`;
  }

  /** Commits a metadata change (vgdisplay's Metadata Sequence No). */
  commit(vg: VolumeGroup): void {
    vg.seqno++;
  }

  // ---- profiles -------------------------------------------------------------------------------------

  /** Path of a metadata profile. */
  profilePath(name: string): string {
    return `/etc/lvm/profile/${name}.profile`;
  }

  /** Whether a profile file exists. */
  profileExists(name: string): boolean {
    return this.hostPort.readFile(this.profilePath(name)) !== undefined;
  }

  /** The autoextend policy in effect for an LV: its profile's settings over lvm.conf defaults. */
  policyFor(lv: LogicalVolume): AutoextendPolicy {
    const text = this.hostPort.readFile('/etc/lvm/lvm.conf');
    let policy = { ...DEFAULT_POLICY };
    if (text !== undefined) {
      const parsed = parseLvmConfig(text);
      if (parsed.ok) policy = policyOf(parsed.values);
    }
    if (lv.profile) {
      const p = this.hostPort.readFile(this.profilePath(lv.profile));
      if (p !== undefined) {
        const parsed = parseLvmConfig(p);
        if (parsed.ok) {
          const own = policyOf(parsed.values);
          if (parsed.values.has('activation/thin_pool_autoextend_threshold')) policy.threshold = own.threshold;
          if (parsed.values.has('activation/thin_pool_autoextend_percent')) policy.percent = own.percent;
        }
      }
    }
    return policy;
  }

  // ---- activation -----------------------------------------------------------------------------------

  /** dm name of an LV. */
  dmName(vg: VolumeGroup, lv: LogicalVolume): string {
    return dmNameOf(vg.name, lv.name);
  }

  /** MAJ:MIN of an active LV's device. */
  devnoOf(vg: VolumeGroup, lv: LogicalVolume): { major: number; minor: number } | undefined {
    return lv.active ? this.dmPort.devno(this.dmName(vg, lv)) : undefined;
  }

  private pvDevno(pv: string): string {
    const d = this.hostPort.device(pv);
    return d ? `${d.major}:${d.minor}` : '0:0';
  }

  /** The table an LV's device gets now (linear, or thin-pool over its active sub-LVs). */
  tableOf(vg: VolumeGroup, lv: LogicalVolume): string {
    if (lv.role === 'thin-pool' && lv.pool) {
      const meta = vg.lvs.find((l) => l.name === lv.pool!.metadataLv)!;
      const data = vg.lvs.find((l) => l.name === lv.pool!.dataLv)!;
      const m = this.devnoOf(vg, meta);
      const d = this.devnoOf(vg, data);
      const lengthSectors = lvExtents(data) * EXTENT_SECTORS;
      const chunkSectors = lv.pool.chunkSize / 512;
      return thinPoolTable({
        lengthSectors,
        metadataDevno: m ? `${m.major}:${m.minor}` : '0:0',
        dataDevno: d ? `${d.major}:${d.minor}` : '0:0',
        chunkSectors,
        lowWaterMark: lowWaterMarkOf(lengthSectors, chunkSectors, this.policyFor(lv).threshold),
        zero: lv.pool.zero,
      });
    }
    return linearTable(lv.segments, (pv) => this.pvDevno(pv));
  }

  private createDevice(vg: VolumeGroup, lv: LogicalVolume, out: LvmOutput): boolean {
    const name = this.dmName(vg, lv);
    const r = this.dmPort.create(name, this.tableOf(vg, lv), dmUuidOf(vg.uuid, lv.uuid), `lv:${lv.uuid}`);
    if (!r.ok) {
      out.fail(r.error);
      return false;
    }
    lv.active = true;
    return true;
  }

  /** Activates an LV (a pool: tmeta, tdata, then the pool itself); `monitor` registers pools with dmeventd. */
  activate(vg: VolumeGroup, lv: LogicalVolume, monitor: boolean): LvmOutput {
    const out = new LvmOutput();
    if (lv.role === 'pmspare') return out;
    if (lv.role === 'pool-data' || lv.role === 'pool-metadata') {
      const pool = vg.lvs.find((l) => l.pool && (l.pool.dataLv === lv.name || l.pool.metadataLv === lv.name));
      return pool ? this.activate(vg, pool, monitor) : out;
    }
    if (lv.role === 'thin-pool' && lv.pool) {
      if (!lv.active) {
        for (const sub of [lv.pool.metadataLv, lv.pool.dataLv]) {
          const s = vg.lvs.find((l) => l.name === sub)!;
          if (!s.active && !this.createDevice(vg, s, out)) return out;
        }
        if (!this.createDevice(vg, lv, out)) return out;
      }
      if (monitor && !lv.monitored) this.dmeventd.register(vg, lv);
      return out;
    }
    if (!lv.active) this.createDevice(vg, lv, out);
    return out;
  }

  /** Deactivates an LV (a pool: the pool, then tdata and tmeta); refuses while something holds it open. */
  deactivate(vg: VolumeGroup, lv: LogicalVolume): LvmOutput {
    const out = new LvmOutput();
    if (!lv.active) return out;
    const name = this.dmName(vg, lv);
    if (this.dmPort.openCount(name) > 0)
      return out.fail(`Logical volume ${vg.name}/${lv.name} is used by another device.`);
    if (lv.monitored) this.dmeventd.unregister(vg, lv);
    const r = this.dmPort.remove(name);
    if (!r.ok) return out.fail(r.error);
    lv.active = false;
    if (lv.role === 'thin-pool' && lv.pool) {
      for (const sub of [lv.pool.dataLv, lv.pool.metadataLv]) {
        const s = vg.lvs.find((l) => l.name === sub);
        if (s?.active) {
          this.dmPort.remove(this.dmName(vg, s));
          s.active = false;
        }
      }
    }
    return out;
  }

  /** Reloads an active LV's table after a resize (suspend, reload, resume; a pool after its sub-LVs). */
  refresh(vg: VolumeGroup, lv: LogicalVolume): LvmOutput {
    const out = new LvmOutput();
    if (!lv.active) return out;
    const r = this.dmPort.replaceTable(this.dmName(vg, lv), this.tableOf(vg, lv));
    if (!r.ok) out.fail(r.error);
    return out;
  }

  /** The live pool's usage (Data%/Meta%), undefined when the pool is inactive. */
  poolUsage(vg: VolumeGroup, lv: LogicalVolume): PoolUsage | undefined {
    if (lv.role !== 'thin-pool' || !lv.active) return undefined;
    return this.dmPort.poolUsage(this.dmName(vg, lv));
  }

  /** Whether an LV's device is open (docker thin devices on the pool, a mount). */
  isOpen(vg: VolumeGroup, lv: LogicalVolume): boolean {
    if (!lv.active) return false;
    if (lv.role === 'pool-data' || lv.role === 'pool-metadata') return true;
    return this.dmPort.openCount(this.dmName(vg, lv)) > 0;
  }

  // ---- reboot ---------------------------------------------------------------------------------------

  /** Shutdown: every LV's device goes away (dmeventd with it); the metadata on the PVs stays. */
  deactivateAll(): void {
    for (const vg of this.vgs.values()) {
      for (const lv of vg.lvs) {
        if (lv.monitored) this.dmeventd.unregister(vg, lv, true);
        if (lv.active && this.dmPort.exists(this.dmName(vg, lv))) this.dmPort.remove(this.dmName(vg, lv));
        lv.active = false;
        lv.monitored = false;
      }
    }
    this.dmeventd.stop();
  }

  /**
   * Boot: RHEL 7 activates every VG found by lvm2-pvscan and lvm2-monitor registers its pools with dmeventd.
   * With `autoActivateAtBoot` false (or `activate: false`) nothing is activated: the seed's §3.3 case where
   * docker starts before the pool is up and fails with "Non existing device docker-thinpool".
   */
  activateOnBoot(opts: { activate?: boolean } = {}): void {
    if (!(opts.activate ?? this.autoActivateAtBoot)) return;
    for (const vg of this.vgs.values())
      for (const lv of this.visibleLvs(vg)) if (!lv.activationSkip) this.activate(vg, lv, true);
  }

  // ---- dmeventd -------------------------------------------------------------------------------------

  /** Lets dmeventd look at monitored pools (call after each write batch or command); may autoextend. */
  poll(): void {
    this.dmeventd.poll();
  }
}
