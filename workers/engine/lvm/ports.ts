// What lvm needs from the layers below, behind small interfaces: the host's disks and files, and device-mapper.
import type { BlockDevice } from '../host/blockDevice';
import type { Host } from '../host/host';
import type { DeviceMapper } from '../dm/deviceMapper';

/** A host block device as lvm sees it when scanning. */
export interface ScannedDevice {
  path: string;
  name: string;
  size: number;
  major: number;
  minor: number;
  type: BlockDevice['type'];
  /** Has a partition table (lvm's filter skips it). */
  partitioned: boolean;
  mountpoint?: string;
}

/** The host services lvm uses. */
export interface HostPort {
  /** Resolves /dev/xvdf (or a bare name) to a device, undefined when there is none. */
  device(path: string): ScannedDevice | undefined;
  /** Every block device, for lvmdiskscan. */
  devices(): ScannedDevice[];
  /** Text of a file on the host, undefined when it does not exist. */
  readFile(path: string): string | undefined;
  /** Wall clock (Unix seconds). */
  now(): number;
  /** Forgets what is stored under a storageId (lvconvert's metadata wiping). */
  wipe(storageId: string): void;
}

/** Usage figures of a live thin pool (from its dm status). */
export interface PoolUsage {
  usedData: number;
  totalData: number;
  usedMeta: number;
  totalMeta: number;
  mode: 'write' | 'out-of-data-space' | 'read-only' | 'fail';
}

/** Result of a dm operation: ok, or the error text libdm reports. */
export type DmResult = { ok: true } | { ok: false; error: string };

/** The device-mapper operations lvm activation uses. */
export interface DmPort {
  /** Loads and resumes a new device whose bytes live under `storageId`; returns its MAJ:MIN. */
  create(name: string, table: string, uuid: string, storageId: string): { ok: true; major: number; minor: number } | { ok: false; error: string };
  remove(name: string): DmResult;
  /** suspend + reload + resume with a new table (lvextend of an active LV). */
  replaceTable(name: string, table: string): DmResult;
  exists(name: string): boolean;
  devno(name: string): { major: number; minor: number } | undefined;
  /** Open count (devices stacked on it, mounts): an open device cannot be removed. */
  openCount(name: string): number;
  poolUsage(name: string): PoolUsage | undefined;
}

/** Adapts the host: its block device registry, VFS, clock and content store. */
export function bindHost(host: Host, files?: Map<string, string>): HostPort {
  const reg = host.blockDevices;
  const scanned = (d: BlockDevice): ScannedDevice => ({
    path: `/dev/${d.name}`,
    name: d.name,
    size: d.size,
    major: d.major,
    minor: d.minor,
    type: d.type,
    partitioned: d.type === 'disk' && reg.list().some((p) => p.type === 'part' && p.slaves.includes(d)),
    mountpoint: d.mountpoint,
  });
  return {
    device(path) {
      const d = reg.resolve(path);
      return d ? scanned(d) : undefined;
    },
    devices: () => reg.list().map(scanned),
    readFile(path) {
      if (files?.has(path)) return files.get(path);
      const r = host.vfs.readFile(path);
      return typeof r === 'string' ? r : undefined;
    },
    wipe(storageId) {
      host.content.set(storageId, undefined);
    },
    now: () => host.clock.now,
  };
}

const asResult = (r: string | null): DmResult => (r === null ? { ok: true } : { ok: false, error: r.replace(/^\s+/, '') });

/** Adapts the DeviceMapper (errors come back as libdm's lines). */
export function bindDm(dm: DeviceMapper): DmPort {
  return {
    create(name, table, uuid, storageId) {
      const r = dm.create(name, table, { uuid, storageId });
      if (r !== null) return { ok: false, error: r.replace(/^\s+/, '') };
      const d = dm.get(name)!;
      return { ok: true, major: d.major, minor: d.minor };
    },
    remove: (name) => asResult(dm.remove(name)),
    replaceTable(name, table) {
      const s = dm.suspend(name);
      if (s !== null) return asResult(s);
      const r = dm.reload(name, table);
      const m = dm.resume(name);
      return r !== null ? asResult(r) : asResult(m);
    },
    exists: (name) => dm.get(name) !== undefined,
    devno(name) {
      const d = dm.get(name);
      return d ? { major: d.major, minor: d.minor } : undefined;
    },
    openCount(name) {
      const d = dm.get(name);
      return d ? dm.openCount(d) : 0;
    },
    poolUsage(name) {
      const p = dm.poolOf(name);
      if (!p) return undefined;
      const s = p.stats();
      return { usedData: s.usedData, totalData: s.totalData, usedMeta: s.usedMetadata, totalMeta: s.totalMetadata, mode: s.mode };
    },
  };
}
