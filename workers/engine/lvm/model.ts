// The LVM metadata model: physical volumes, volume groups, logical volumes and their segments.

/** A PV: a whole device initialised by pvcreate; it belongs to at most one VG. */
export interface PhysicalVolume {
  /** Path as given to pvcreate (/dev/xvdf). */
  device: string;
  /** Device size in bytes when pvcreate ran (PV Size). */
  size: number;
  uuid: string;
  /** Owning VG, or null for an orphan PV. */
  vg: string | null;
  /** Physical extents (0 while the PV is an orphan). */
  peCount: number;
}

/** A run of extents of an LV on one PV; logical extents follow the order of the LV's segment list. */
export interface Segment {
  pv: string;
  /** First physical extent on the PV. */
  pvStart: number;
  length: number;
}

/** What an LV is: a plain linear volume, a thin pool, or one of a pool's hidden sub-volumes. */
export type LvRole = 'linear' | 'thin-pool' | 'pool-data' | 'pool-metadata' | 'pmspare';

/** Settings of a thin pool (stored on the pool LV). */
export interface ThinPoolSettings {
  /** Name of the hidden data LV (thinpool_tdata). */
  dataLv: string;
  /** Name of the hidden metadata LV (thinpool_tmeta). */
  metadataLv: string;
  /** Chunk (pool block) size in bytes. */
  chunkSize: number;
  /** New blocks zeroed (false with --zero n: skip_block_zeroing). */
  zero: boolean;
  transactionId: number;
}

/** An LV; a thin pool owns no segments itself, its size is its data LV's. */
export interface LogicalVolume {
  name: string;
  uuid: string;
  role: LvRole;
  segments: Segment[];
  /** Set when a dm device is loaded for it. */
  active: boolean;
  /** Registered with dmeventd (lvs Monitor column). */
  monitored: boolean;
  /** Metadata profile attached with --metadataprofile. */
  profile: string | null;
  pool: ThinPoolSettings | null;
  /** Creation time (Unix seconds) for lvdisplay. */
  created: number;
  /** lvchange -k / --setactivationskip (attr bit 10). */
  activationSkip: boolean;
}

/** A VG: PVs in the order they were added, LVs in creation order. */
export interface VolumeGroup {
  name: string;
  uuid: string;
  extentSize: number;
  pvs: string[];
  lvs: LogicalVolume[];
  /** Metadata sequence number: +1 at every committed change. */
  seqno: number;
}

/** Extents an LV occupies on PVs (0 for a thin pool, whose space is in its sub-LVs). */
export function lvExtents(lv: LogicalVolume): number {
  let n = 0;
  for (const s of lv.segments) n += s.length;
  return n;
}

/** Hidden LVs are the pool's sub-LVs and the spare; lvs shows them only with -a, in brackets. */
export function isHidden(lv: LogicalVolume): boolean {
  return lv.role === 'pool-data' || lv.role === 'pool-metadata' || lv.role === 'pmspare';
}
