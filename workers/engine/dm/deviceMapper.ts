// The kernel's device-mapper: named devices (253:N) with live and inactive tables, suspend/reload/resume,
// target messages, and the block devices they register with the host. Thin pools live on their metadata device.
import type { EventLog } from '../events';
import type { Host } from '../host/host';
import type { BlockDevice, BlockDeviceRegistry, ContentStore } from '../host/blockDevice';
import { devno } from '../host/blockDevice';
import { ThinPool, type PoolBinding, type IoStatus } from './thinPool';
import { parseTable, targetParams, targetLine, tableDevices, tableLength, type Target, type TableError } from './table';
import { ioctlError } from './libdm';
import { thinStatusParams, poolStatusParams } from './status';
import type { PoolMetadata } from './poolMetadata';
import { handlePoolMessage } from './poolMessages';

/** Major number of device-mapper devices. */
export const DM_MAJOR = 253;

/** One dm device. */
export interface DmDevice {
  name: string;
  uuid: string;
  major: number;
  minor: number;
  live: Target[] | null;
  inactive: Target[] | null;
  suspended: boolean;
  readOnly: boolean;
  /** Opens from outside device-mapper (mounts, processes). */
  holders: number;
  eventNr: number;
  readAhead: number;
  block: BlockDevice;
  /** The pool of a live thin-pool table. */
  pool: ThinPool | null;
  /** The pool opened by the inactive (loaded) thin-pool table. */
  inactivePool: ThinPool | null;
  /** IO issued while suspended, replayed at resume. */
  pendingIo: { discard: boolean; offset: number; length: number }[];
}

/** The host members device-mapper needs (kept minimal so the dm layer stays testable on its own). */
export interface DmHost {
  blockDevices: BlockDeviceRegistry;
  content: ContentStore;
  profile?: { libdmVersion: string; kernelVersion: string };
  clock?: { now: number };
  dmesg?: { log(line: string): void };
}

/** Options of `create`. */
export interface CreateOptions {
  uuid?: string;
  readOnly?: boolean;
  /** Identity of the bytes behind the device (an LV's `lv:<uuid>`); default `dm:<uuid or name>`. */
  storageId?: string;
}

/** `dmsetup info` figures. */
export interface DmInfo {
  name: string;
  uuid: string;
  major: number;
  minor: number;
  suspended: boolean;
  readOnly: boolean;
  liveTable: boolean;
  inactiveTable: boolean;
  openCount: number;
  eventNr: number;
  readAhead: number;
  targetCount: number;
}

function isPoolMetadata(v: unknown): v is PoolMetadata {
  return typeof v === 'object' && v !== null && Array.isArray((v as PoolMetadata).devices) && 'nrDataBlocks' in v;
}

/** device-mapper. */
export class DeviceMapper {
  private readonly devices = new Map<string, DmDevice>();
  private readonly h: DmHost;
  /** Kernel log lines when the host has no dmesg ring. */
  readonly kernelLog: string[] = [];

  constructor(
    readonly events: EventLog,
    readonly host: Host,
  ) {
    this.h = host as unknown as DmHost;
  }

  /** libdm version string of the host profile. */
  get libdmVersion(): string {
    return this.h.profile?.libdmVersion ?? '1.02.135-RHEL7 (2016-11-16)';
  }

  /** Major version of the profile's kernel. */
  get kernelMajor(): number {
    return Number(/^(\d+)/.exec(this.h.profile?.kernelVersion ?? '3')?.[1] ?? 3);
  }

  /** Appends a line to the kernel log. */
  klog(line: string): void {
    if (this.h.dmesg) this.h.dmesg.log(line);
    else this.kernelLog.push(line);
  }

  // ---- lookup ---------------------------------------------------------------------------------------------

  /** A device by name. */
  get(name: string): DmDevice | undefined {
    return this.devices.get(name);
  }

  /** Every device, by name. */
  list(): DmDevice[] {
    return [...this.devices.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  /** The dm device behind a block device, if it is one. */
  byBlock(b: BlockDevice): DmDevice | undefined {
    for (const d of this.devices.values()) if (d.block === b) return d;
    return undefined;
  }

  /** The live pool of a thin-pool device. */
  poolOf(name: string): ThinPool | undefined {
    return this.devices.get(name)?.pool ?? undefined;
  }

  /** Every live pool, by dm name. */
  pools(): [string, ThinPool][] {
    return this.list()
      .filter((d) => d.pool)
      .map((d) => [d.name, d.pool!]);
  }

  /** The pool and device id behind a thin device. */
  thinDevice(name: string): { pool: ThinPool; devId: number } | undefined {
    const d = this.devices.get(name);
    const t = d?.live?.[0];
    if (!d || !t || t.type !== 'thin') return undefined;
    const pd = this.byBlock(t.pool);
    return pd?.pool ? { pool: pd.pool, devId: t.devId } : undefined;
  }

  /** Open count: tables of other dm devices using it, plus outside holders. */
  openCount(d: DmDevice): number {
    let n = d.holders;
    for (const o of this.devices.values()) {
      if (o === d) continue;
      if (o.live && tableDevices(o.live).includes(d.block)) n++;
    }
    return n;
  }

  /** An outside open (mount) or close of a device. */
  hold(name: string, delta: 1 | -1): void {
    const d = this.devices.get(name);
    if (d) d.holders = Math.max(0, d.holders + delta);
  }

  /** `dmsetup info` figures, or null. */
  info(name: string): DmInfo | null {
    const d = this.devices.get(name);
    if (!d) return null;
    return {
      name: d.name,
      uuid: d.uuid,
      major: d.major,
      minor: d.minor,
      suspended: d.suspended,
      readOnly: d.readOnly,
      liveTable: d.live !== null,
      inactiveTable: d.inactive !== null,
      openCount: this.openCount(d),
      eventNr: d.eventNr,
      readAhead: d.readAhead,
      targetCount: d.live ? d.live.length : 0,
    };
  }

  /** `dmsetup table` lines of the live table (or of the inactive one). */
  table(name: string, inactive = false): string[] | null {
    const d = this.devices.get(name);
    if (!d) return null;
    const ts = inactive ? d.inactive : d.live;
    return (ts ?? []).map((t) => targetLine(t, targetParams(t)));
  }

  /** `dmsetup status` lines. */
  status(name: string): string[] | null {
    const d = this.devices.get(name);
    if (!d) return null;
    return (d.live ?? []).map((t) => targetLine(t, this.statusParams(d, t)));
  }

  private statusParams(d: DmDevice, t: Target): string {
    switch (t.type) {
      case 'thin-pool':
        return d.pool ? poolStatusParams(d.pool.stats(), this.kernelMajor) : 'Fail';
      case 'thin': {
        const pd = this.byBlock(t.pool);
        const pool = pd?.pool;
        if (!pool || pool.mode === 'fail') return 'Fail';
        return thinStatusParams(pool.deviceStats(t.devId), pool.dataBlockSize);
      }
      default:
        return '';
    }
  }

  // ---- create / remove ------------------------------------------------------------------------------------

  /** `dmsetup create`: create, load and resume; null when done, else the error lines (libdm's wording). */
  create(name: string, table: string, opts: CreateOptions = {}): string | null {
    const uuid = opts.uuid ?? '';
    const v = this.libdmVersion;
    if (this.devices.has(name) || (uuid && [...this.devices.values()].some((d) => d.uuid === uuid)))
      return ioctlError(v, 'create', name, uuid, 'EBUSY');
    const minor = this.h.blockDevices.nextMinor(DM_MAJOR);
    const self = `${DM_MAJOR}:${minor}`;
    const targets = table.trim() ? this.load(self, table, null) : [];
    if (!Array.isArray(targets)) return this.loadError(targets, name, uuid);
    if (targets.length) {
      const small = this.areaCheck(self, targets);
      if (small) {
        this.klog(small);
        return ioctlError(v, 'reload', name, uuid, 'EINVAL');
      }
    }
    const d = this.register(name, uuid, minor, opts);
    if (this.events.active) this.events.emit({ type: 'dm-created', name, major: DM_MAJOR, minor });
    if (targets.length) {
      d.inactive = targets;
      d.inactivePool = this.pendingPool;
      this.pendingPool = null;
      const r = this.swapIn(d);
      if (r) {
        this.unregister(d);
        return r;
      }
    }
    return null;
  }

  private register(name: string, uuid: string, minor: number, opts: CreateOptions): DmDevice {
    const io = (offset: number, length: number, discard: boolean) => this.io(d, discard, offset, length);
    const d: DmDevice = {
      name,
      uuid,
      major: DM_MAJOR,
      minor,
      live: null,
      inactive: null,
      suspended: false,
      readOnly: !!opts.readOnly,
      holders: 0,
      eventNr: 0,
      readAhead: 256,
      pool: null,
      inactivePool: null,
      pendingIo: [],
      block: {
        name: `dm-${minor}`,
        label: name,
        major: DM_MAJOR,
        minor,
        size: 0,
        type: uuid.startsWith('LVM-') ? 'lvm' : 'dm',
        ro: !!opts.readOnly,
        slaves: [],
        storageId: opts.storageId ?? (uuid ? `dm-uuid:${uuid}` : `dm:${name}`),
        write: (offset: number, length: number): string | null => io(offset, length, false),
        discard: (offset: number, length: number): void => void io(offset, length, true),
      },
    };
    this.devices.set(name, d);
    this.h.blockDevices.add(d.block, `/dev/mapper/${name}`);
    return d;
  }

  private unregister(d: DmDevice): void {
    this.devices.delete(d.name);
    this.h.blockDevices.remove(d.block.name);
  }

  /** `dmsetup remove`: refused while open. */
  remove(name: string): string | null {
    const d = this.devices.get(name);
    const v = this.libdmVersion;
    if (!d) return ioctlError(v, 'remove', name, '', 'ENXIO');
    if (this.openCount(d) > 0) return ioctlError(v, 'remove', name, d.uuid, 'EBUSY');
    this.closeThins(d.live);
    if (d.pool) d.pool.dataDevice = undefined;
    this.unregister(d);
    if (this.events.active) this.events.emit({ type: 'dm-removed', name });
    return null;
  }

  // ---- suspend / reload / resume --------------------------------------------------------------------------

  /** `dmsetup suspend`. */
  suspend(name: string): string | null {
    const d = this.devices.get(name);
    if (!d) return ioctlError(this.libdmVersion, 'suspend', name, '', 'ENXIO');
    if (!d.suspended) {
      d.suspended = true;
      if (this.events.active) this.events.emit({ type: 'dm-suspended', name });
    }
    return null;
  }

  /** `dmsetup reload`: loads the inactive table (checked by the targets' constructors). */
  reload(name: string, table: string): string | null {
    const d = this.devices.get(name);
    if (!d) return ioctlError(this.libdmVersion, 'reload', name, '', 'ENXIO');
    const targets = this.load(`${d.major}:${d.minor}`, table, d);
    if (!Array.isArray(targets)) return this.loadError(targets, name, d.uuid);
    d.inactive = targets;
    d.inactivePool = this.pendingPool;
    this.pendingPool = null;
    if (this.events.active) this.events.emit({ type: 'dm-loaded', name });
    return null;
  }

  /** `dmsetup resume`: swaps in a loaded table after validating it, runs the pool's preresume, replays queued IO. */
  resume(name: string): string | null {
    const d = this.devices.get(name);
    if (!d) return ioctlError(this.libdmVersion, 'resume', name, '', 'ENXIO');
    const changed = d.inactive !== null;
    if (changed) {
      const r = this.swapIn(d);
      if (r) return r;
    } else if (d.suspended) {
      const r = this.preresume(d);
      if (r) return r;
    }
    d.suspended = false;
    const pending = d.pendingIo.splice(0);
    for (const io of pending) this.io(d, io.discard, io.offset, io.length);
    if (this.events.active) this.events.emit({ type: 'dm-resumed', name, tableChanged: changed });
    return null;
  }

  /** Replaces the live table with the inactive one; on failure the device stays suspended. */
  private swapIn(d: DmDevice): string | null {
    const v = this.libdmVersion;
    const targets = d.inactive!;
    const self = `${d.major}:${d.minor}`;
    const small = this.areaCheck(self, targets);
    if (small) {
      this.klog(small);
      d.inactive = null;
      d.inactivePool = null;
      d.suspended = true;
      return ioctlError(v, 'resume', d.name, d.uuid, 'EINVAL');
    }
    this.closeThins(d.live);
    this.openThins(targets);
    d.live = targets;
    d.pool = d.inactivePool;
    d.inactive = null;
    d.inactivePool = null;
    d.block.size = tableLength(targets) * 512;
    d.block.slaves = tableDevices(targets);
    const r = this.preresume(d);
    if (r) {
      d.suspended = true;
      return r;
    }
    return null;
  }

  /** thin-pool preresume: bind the table's settings, then grow data/metadata (shrinking refused). */
  private preresume(d: DmDevice): string | null {
    const t = d.live?.[0];
    if (!d.pool || !t || t.type !== 'thin-pool') return null;
    const pool = d.pool;
    pool.bind(this.binding(d, t));
    const err = pool.resizeData(Math.floor(t.length / t.blockSize)) ?? pool.resizeMetadata(Math.floor(t.meta.size / 4096));
    if (err) return ioctlError(this.libdmVersion, 'resume', d.name, d.uuid, 'EINVAL');
    return null;
  }

  private binding(d: DmDevice, t: Extract<Target, { type: 'thin-pool' }>): PoolBinding {
    const data = t.data;
    return {
      name: d.name,
      devno: `${d.major}:${d.minor}`,
      dataDevice: { write: (o, l) => data.write(o, l), discard: (o, l) => data.discard(o, l) },
      lowWaterMark: t.lowWaterMark,
      features: t.features,
      nrMetadataBlocks: Math.floor(t.meta.size / 4096),
      log: (line) => this.klog(line),
      clock: this.h.clock,
      kernelMajor: this.kernelMajor,
      onEvent: () => {
        d.eventNr++;
      },
    };
  }

  private openThins(ts: Target[] | null): void {
    for (const t of ts ?? []) {
      if (t.type !== 'thin') continue;
      const td = this.byBlock(t.pool)?.pool?.devices.get(t.devId);
      if (td) td.openCount++;
    }
  }

  private closeThins(ts: Target[] | null): void {
    for (const t of ts ?? []) {
      if (t.type !== 'thin') continue;
      const td = this.byBlock(t.pool)?.pool?.devices.get(t.devId);
      if (td && td.openCount > 0) td.openCount--;
    }
  }

  /** The kernel's device area check: every target must fit its underlying device. */
  private areaCheck(self: string, ts: Target[]): string | null {
    for (const t of ts) {
      let dev: BlockDevice | null = null;
      let start = 0;
      if (t.type === 'linear') {
        dev = t.dev;
        start = t.offset;
      } else if (t.type === 'thin-pool') dev = t.data;
      if (!dev) continue;
      const devSize = Math.floor(dev.size / 512);
      if (start + t.length > devSize)
        return `device-mapper: table: ${self}: ${dev.name} too small for target: start=${start}, len=${t.length}, dev_size=${devSize}`;
    }
    return null;
  }

  // ---- table loading --------------------------------------------------------------------------------------

  private pendingPool: ThinPool | null = null;

  /** Parses a table and runs the constructors; for thin-pool opens or formats the pool on its metadata device. */
  private load(self: string, table: string, d: DmDevice | null): Target[] | TableError {
    this.pendingPool = null;
    const targets = parseTable(table, self, (arg) => this.h.blockDevices.resolve(arg));
    if (!Array.isArray(targets)) return targets;
    for (const t of targets) {
      if (t.type === 'thin-pool') {
        const p = this.openPool(self, t, d);
        if (!(p instanceof ThinPool)) return p;
        this.pendingPool = p;
      } else if (t.type === 'thin') {
        const e = this.checkThin(self, t);
        if (e) return e;
      }
    }
    return targets;
  }

  private openPool(self: string, t: Extract<Target, { type: 'thin-pool' }>, d: DmDevice | null): ThinPool | TableError {
    const kerr = (message: string, errno = 'EINVAL'): TableError => ({ by: 'kernel', message: `device-mapper: table: ${self}: thin-pool: ${message}`, errno });
    const storage = t.meta.storageId;
    const content = this.h.content;
    const stored = content.get(storage);
    if (d?.pool) {
      if (stored !== d.pool) return kerr('different pool cannot replace a pool');
      if (d.pool.dataBlockSize !== t.blockSize) return kerr('pool target block size cannot be changed');
      return d.pool;
    }
    for (const o of this.devices.values())
      if (o.pool && o.pool === stored && o !== d) return kerr('metadata device already in use by a pool', 'EBUSY');
    const nrMeta = Math.floor(t.meta.size / 4096);
    const binding: PoolBinding = {
      name: d?.name ?? '',
      devno: self,
      lowWaterMark: t.lowWaterMark,
      features: t.features,
      nrMetadataBlocks: nrMeta,
      kernelMajor: this.kernelMajor,
    };
    let pool: ThinPool;
    if (stored instanceof ThinPool || isPoolMetadata(stored)) {
      const blockSize = stored instanceof ThinPool ? stored.dataBlockSize : stored.dataBlockSize;
      if (blockSize !== t.blockSize) {
        this.klog(`device-mapper: thin metadata: changing the data block size (from ${blockSize} to ${t.blockSize}) is not supported`);
        return kerr('Error creating metadata object');
      }
      if (stored instanceof ThinPool) {
        pool = stored;
        pool.reopen();
      } else {
        const p = ThinPool.fromMetadata(stored, this.events, binding);
        if (typeof p === 'string') return kerr('Error creating metadata object');
        pool = p;
      }
    } else {
      pool = new ThinPool(this.events, Math.floor(t.length / t.blockSize), t.blockSize, nrMeta);
      if (this.events.active)
        this.events.emit({ type: 'pool-created', pool: d?.name ?? self, nrDataBlocks: pool.nrDataBlocks, dataBlockSize: t.blockSize });
    }
    content.set(storage, pool);
    return pool;
  }

  private checkThin(self: string, t: Extract<Target, { type: 'thin' }>): TableError | null {
    const kerr = (message: string, errno = 'EINVAL'): TableError => ({ by: 'kernel', message: `device-mapper: table: ${self}: thin: ${message}`, errno });
    const pd = this.byBlock(t.pool);
    if (!pd) return kerr("Couldn't get pool mapped device");
    if (!pd.pool) return kerr("Couldn't find pool object");
    if (pd.suspended) return kerr('Unable to activate thin device while pool is suspended');
    if (pd.pool.mode === 'fail') return kerr("Couldn't open thin device, Pool is in fail mode");
    if (!pd.pool.devices.has(t.devId)) return kerr("Couldn't open thin internal device", 'ENODATA');
    return null;
  }

  private loadError(e: TableError, name: string, uuid: string): string {
    if (e.by === 'dmsetup') return e.message;
    this.klog(e.message);
    this.klog('device-mapper: ioctl: error adding target to table');
    return ioctlError(this.libdmVersion, 'reload', name, uuid, e.errno);
  }

  // ---- messages -------------------------------------------------------------------------------------------

  /** `dmsetup message NAME SECTOR TEXT`: null when done, else libdm's error line. */
  message(name: string, sector: number, text: string): string | null {
    const d = this.devices.get(name);
    const v = this.libdmVersion;
    if (!d) return ioctlError(v, 'message', name, '', 'ENXIO');
    const t = d.live?.find((x) => sector >= x.start && sector < x.start + x.length);
    let errno: string | null;
    if (!t) {
      this.klog('device-mapper: ioctl: Target message sector outside device.');
      errno = 'EINVAL';
    } else if (t.type !== 'thin-pool' || !d.pool) {
      this.klog('device-mapper: ioctl: Target type does not support messages');
      errno = 'EINVAL';
    } else errno = handlePoolMessage(d.pool, text.trim().split(/\s+/), (l) => this.klog(l));
    if (this.events.active) this.events.emit({ type: 'dm-message', name, message: text, ok: errno === null });
    return errno ? ioctlError(v, 'message', name, d.uuid, errno) : null;
  }

  // ---- I/O ------------------------------------------------------------------------------------------------

  /** A write or discard reaching a dm device: queued while suspended, else split over its targets. */
  private io(d: DmDevice, discard: boolean, offset: number, length: number): string | null {
    if (d.suspended) {
      d.pendingIo.push({ discard, offset, length });
      return null;
    }
    let err: string | null = null;
    for (const t of d.live ?? []) {
      const tStart = t.start * 512;
      const tEnd = tStart + t.length * 512;
      const from = Math.max(offset, tStart);
      const to = Math.min(offset + length, tEnd);
      if (from >= to) continue;
      const rel = from - tStart;
      const len = to - from;
      let r: string | null = null;
      switch (t.type) {
        case 'linear':
          if (discard) t.dev.discard(t.offset * 512 + rel, len);
          else r = t.dev.write(t.offset * 512 + rel, len);
          break;
        case 'thin': {
          const pool = this.byBlock(t.pool)?.pool;
          if (!pool) r = 'EIO';
          else r = ioErr(discard ? pool.discardBytes(t.devId, rel, len) : pool.writeBytes(t.devId, rel, len));
          break;
        }
        case 'thin-pool':
          if (discard) t.data.discard(rel, len);
          else r = t.data.write(rel, len);
          break;
        case 'error':
          r = 'EIO';
          break;
        default:
          break;
      }
      if (r && !err) err = r;
    }
    return err;
  }
}

function ioErr(s: IoStatus): string | null {
  return s === 'ok' || s === 'queued' ? null : s;
}

/** MAJ:MIN of a dm device (for tables other layers build). */
export function dmDevno(d: DmDevice): string {
  return devno(d);
}
