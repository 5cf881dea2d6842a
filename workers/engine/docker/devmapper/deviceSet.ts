// Docker's devicemapper DeviceSet: the pool (loop files or a given thin pool), the base device, snapshots and deletion.
import type { Machine } from '../../machine';
import type { ThinPool } from '../../dm/thinPool';
import { failed } from '../../host/errno';
import { mkfs, type Filesystem } from '../../fs';
import { METADATA_BLOCK } from '../../units';
import { humanSize } from '../../units';
import { type DevInfo, devInfoJson, metadataFileName, parseDevInfo } from './devInfo';
import type { DmOptions } from '../config';
import type { DeviceSetStatus } from './driverStatus';
import { thinTarget } from './thinTarget';
import { waitForDataSpace } from './blockedIo';
import { deviceMountProvider } from './mountProvider';

const MAX_DEVICE_ID = 0xffffff;
/** Docker hard-codes the loop pool's low water mark (pkg/devicemapper CreatePool). */
const LOW_WATER_MARK = 32768;

/** Filesystems of thin devices, kept per pool and device id (the data lives in the pool, so it outlives the daemon). */
export type FsStore = Map<string, Filesystem>;

/** Logs the daemon writes while the deviceset works (logrus level + message). */
export type DaemonLog = (level: 'info' | 'warning' | 'error' | 'debug', msg: string) => void;

/** The deviceset of one running daemon. */
export class DeviceSet {
  readonly root: string;
  devicePrefix = '';
  poolName = '';
  dataLoopFile = '';
  metadataLoopFile = '';
  dataDevice = '';
  metadataDevice = '';
  baseFs: 'xfs' | 'ext4' = 'xfs';
  baseUuid = '';
  transactionId = 0;
  private openTransactionId = 0;
  private nextDeviceId = 0;
  private readonly devices = new Map<string, DevInfo>();
  private readonly active = new Map<string, number>();

  constructor(
    private readonly m: Machine,
    readonly opts: DmOptions,
    private readonly fsStore: FsStore,
    private readonly log: DaemonLog,
    dockerRoot = '/var/lib/docker',
  ) {
    this.root = `${dockerRoot}/devicemapper`;
  }

  private get vfs() {
    return this.m.host.vfs;
  }

  /** The pool model behind the dm device, while the pool is active. */
  pool(): ThinPool | undefined {
    return this.m.dm.poolOf(this.poolName);
  }

  private fsKey(deviceId: number): string {
    return `${this.poolName}#${deviceId}`;
  }

  /** The filesystem inside a device, by hash. */
  filesystem(hash: string): Filesystem | undefined {
    const d = this.devices.get(hash);
    return d ? this.fsStore.get(this.fsKey(d.deviceId)) : undefined;
  }

  /** Docker's device name: "docker-MAJ:MIN-INO-<hash>", "-base" for the base. */
  deviceName(hash: string): string {
    return `${this.devicePrefix}-${hash === '' ? 'base' : hash}`;
  }

  lookup(hash: string): DevInfo | undefined {
    return this.devices.get(hash);
  }

  list(): DevInfo[] {
    return [...this.devices.values()];
  }

  /** initDevmapper(doInit=true): returns the error that stops the daemon, or null. */
  init(): string | null {
    const { vfs } = this;
    vfs.mkdir(this.root, true, 0o700);
    vfs.mkdir(`${this.root}/metadata`, true, 0o700);
    const st = vfs.stat(this.root);
    if (failed(st)) return `devmapper: Error looking up dir ${this.root}: ${st.errno}`;
    this.devicePrefix = `docker-${st.dev.major}:${st.dev.minor}-${st.ino}`;
    // driver.Init: mount.MakePrivate(home) bind-mounts the driver's home onto itself (the seed's `mount | grep devicemapper`).
    if (!this.m.host.vfs.mounts.entries.some((e) => e.target === this.root)) this.m.host.bindMount(this.root, this.root);
    this.poolName = this.opts.thinPoolDevice ? this.opts.thinPoolDevice.replace(/^\/dev\/mapper\//, '') : `${this.devicePrefix}-pool`;

    const existing = this.m.dm.get(this.poolName);
    if (existing && !this.m.dm.poolOf(this.poolName)) return `devmapper: Device ${this.poolName} is not a thin pool`;

    let createdLoopback = false;
    if (!existing && !this.opts.thinPoolDevice) {
      const made = this.createLoopPool();
      if (typeof made === 'string') return made;
      createdLoopback = made;
    } else if (existing && !this.opts.thinPoolDevice) {
      this.findLoopFiles();
    }

    if (!createdLoopback) {
      const err = this.initMetaData();
      if (err) return err;
    }
    this.loadDeviceSetMetadata();
    return this.setupBaseImage();
  }

  private createLoopPool(): boolean | string {
    const loopDir = `${this.root}/devicemapper`;
    let created = false;
    let dataDev = this.opts.dataDevice ? this.m.host.blockDevices.resolve(this.opts.dataDevice) : undefined;
    let metaDev = this.opts.metadataDevice ? this.m.host.blockDevices.resolve(this.opts.metadataDevice) : undefined;
    if (this.opts.dataDevice && !dataDev) return `devmapper: Error opening data device ${this.opts.dataDevice}: no such file or directory`;
    if (this.opts.metadataDevice && !metaDev) return `devmapper: Error opening metadata device ${this.opts.metadataDevice}: no such file or directory`;
    if (!dataDev || !metaDev) this.vfs.mkdir(loopDir, true, 0o700);
    if (!dataDev) {
      const path = `${loopDir}/data`;
      const r = this.ensureImage(path, this.opts.loopDataSize);
      if (typeof r === 'string') return r;
      created ||= r;
      const loop = this.m.host.attachLoop(path, { autoclear: true });
      if (failed(loop)) return `devmapper: Unable to attach loopback device: ${loop.errno}`;
      dataDev = loop;
      this.dataLoopFile = path;
    }
    if (!metaDev) {
      const path = `${loopDir}/metadata`;
      const r = this.ensureImage(path, this.opts.loopMetadataSize);
      if (typeof r === 'string') return r;
      created ||= r;
      const loop = this.m.host.attachLoop(path, { autoclear: true });
      if (failed(loop)) return `devmapper: Unable to attach loopback device: ${loop.errno}`;
      metaDev = loop;
      this.metadataLoopFile = path;
    }
    this.dataDevice = `/dev/${dataDev.name}`;
    this.metadataDevice = `/dev/${metaDev.name}`;
    const sectors = Math.floor(dataDev.size / 512);
    const table = `0 ${sectors} thin-pool ${metaDev.major}:${metaDev.minor} ${dataDev.major}:${dataDev.minor} ${this.opts.blockSizeSectors} ${LOW_WATER_MARK} 1 skip_block_zeroing`;
    const err = this.m.dm.create(this.poolName, table);
    if (err) return 'devicemapper: Error running deviceCreate (CreatePool) dm_task_run failed';
    return created;
  }

  /** Creates the sparse loop file, or grows it to the option's size; true when it was created. */
  private ensureImage(path: string, size: number): boolean | string {
    const st = this.vfs.stat(path);
    if (failed(st)) {
      const err = this.vfs.truncate(path, size, true);
      if (err) return `devmapper: Unable to create loopback file ${path}: ${err.errno}`;
      const node = this.vfs.lookup(path);
      if (!failed(node)) node.mode = 0o600;
      return true;
    }
    if (st.size < size) {
      const err = this.vfs.truncate(path, size, false);
      if (err) return `devmapper: Unable to grow loopback file ${path}: ${err.errno}`;
    } else if (st.size > size) {
      this.log('warning', `devmapper: Can't shrink loopback file ${path}`);
    }
    return false;
  }

  /** An existing loop pool: the loop devices come from its table (loadThinPoolLoopBackInfo). */
  private findLoopFiles(): void {
    const table = this.m.dm.table(this.poolName)?.[0] ?? '';
    const parts = table.split(/\s+/);
    const [meta, data] = [parts[3], parts[4]];
    for (const l of this.m.host.loops.list()) {
      const no = `${l.major}:${l.minor}`;
      if (no === data) {
        this.dataDevice = `/dev/${l.name}`;
        this.dataLoopFile = l.file;
      }
      if (no === meta) {
        this.metadataDevice = `/dev/${l.name}`;
        this.metadataLoopFile = l.file;
      }
    }
  }

  /** Reads the pool's transaction id and Docker's device files; rolls back an open transaction. */
  private initMetaData(): string | null {
    const pool = this.pool();
    if (!pool) return `devicemapper: Non existing device ${this.poolName}`;
    this.transactionId = pool.stats().transaction;
    const dir = `${this.root}/metadata`;
    const names = this.vfs.readdir(dir);
    if (!failed(names)) {
      for (const name of names) {
        if (name === 'deviceset-metadata' || name === 'transaction-metadata') continue;
        const text = this.vfs.readFile(`${dir}/${name}`);
        if (failed(text)) continue;
        const hash = name === 'base' ? '' : name;
        const info = parseDevInfo(hash, text);
        if (!info) return `devmapper: Failed to load device files:devmapper: Error decoding metadata file ${dir}/${name}`;
        this.devices.set(hash, info);
      }
    }
    const tm = this.vfs.readFile(`${dir}/transaction-metadata`);
    if (!failed(tm)) {
      try {
        const t = JSON.parse(tm) as { open_transaction_id: number; device_hash: string; device_id: number };
        if (t.open_transaction_id > this.transactionId) {
          this.log('debug', `devmapper: Rolling back open transaction: TransactionId=${t.open_transaction_id} hash=${t.device_hash} device_id=${t.device_id}`);
          this.m.dm.message(this.poolName, 0, `delete ${t.device_id}`);
          this.vfs.unlink(`${dir}/${metadataFileName(t.device_hash)}`);
          this.devices.delete(t.device_hash);
        }
      } catch {
        /* an unreadable transaction file is ignored, as json.Unmarshal errors are only logged there */
      }
    }
    return null;
  }

  private loadDeviceSetMetadata(): void {
    const text = this.vfs.readFile(`${this.root}/metadata/deviceset-metadata`);
    if (failed(text)) return;
    try {
      const j = JSON.parse(text) as { next_device_id?: number; BaseDeviceUUID?: string; BaseDeviceFilesystem?: string };
      this.nextDeviceId = j.next_device_id ?? 0;
      this.baseUuid = j.BaseDeviceUUID ?? '';
      if (j.BaseDeviceFilesystem === 'ext4' || j.BaseDeviceFilesystem === 'xfs') this.baseFs = j.BaseDeviceFilesystem;
    } catch {
      /* kept at defaults */
    }
  }

  /** Writes deviceset-metadata (next id, base UUID and filesystem). */
  saveDeviceSetMetadata(): void {
    const j = { next_device_id: this.nextDeviceId, BaseDeviceUUID: this.baseUuid, BaseDeviceFilesystem: this.baseFs };
    this.vfs.writeFile(`${this.root}/metadata/deviceset-metadata`, JSON.stringify(j));
  }

  private setupBaseImage(): string | null {
    const base = this.devices.get('');
    if (base && base.initialized && !base.deleted) {
      if (this.opts.fs && this.opts.fs !== this.baseFs) {
        this.log('warning', `devmapper: Base device already exists and has filesystem ${this.baseFs} on it. User specified filesystem ${this.opts.fs} will be ignored.`);
      }
      return this.checkGrowBaseDevice(base);
    }
    if (base && !base.initialized) {
      this.log('debug', 'devmapper: Removing uninitialized base image');
      const err = this.deleteDevice('', true);
      if (err) return err;
    }
    if (this.opts.thinPoolDevice) {
      const pool = this.pool();
      if (!pool) return `devicemapper: Non existing device ${this.poolName}`;
      const s = pool.stats();
      if (s.usedData !== 0) return `devmapper: Unable to take ownership of thin-pool (${this.poolName}) that already has used data blocks`;
      if (s.transaction !== 0) return `devmapper: Unable to take ownership of thin-pool (${this.poolName}) with non-zero transaction ID`;
    }
    return this.createBaseImage();
  }

  private checkGrowBaseDevice(base: DevInfo): string | null {
    if (!this.opts.userBaseSize) return null;
    if (this.opts.baseSize < base.size) return `devmapper: Base device size cannot be smaller than ${humanSize(base.size)}`;
    if (this.opts.baseSize === base.size) return null;
    base.size = this.opts.baseSize;
    this.saveDevice(base);
    return null;
  }

  private createBaseImage(): string | null {
    const fsKind = this.opts.fs || 'xfs';
    const created = this.createRegisterDevice('');
    if (typeof created === 'string') return created;
    const name = this.deviceName('');
    const act = this.activate(created);
    if (act) return act;
    const mkfsArgs = this.opts.mkfsArgs;
    this.log('debug', `devmapper: Creating filesystem ${fsKind} on device ${name}, mkfs args: [${mkfsArgs.join(' ')}]`);
    const made = mkfs(fsKind, thinTarget(() => this.pool(), created.deviceId, created.size));
    if (!made.ok) {
      this.deactivate(created);
      return `devmapper: Error running mkfs.${fsKind} on ${name}: ${made.message}`;
    }
    this.fsStore.set(this.fsKey(created.deviceId), made.fs);
    this.log('debug', `devmapper: Successfully created filesystem ${fsKind} on device ${name}`);
    created.initialized = true;
    this.saveDevice(created);
    this.baseFs = fsKind;
    this.baseUuid = this.uuidFor(created.deviceId);
    this.saveDeviceSetMetadata();
    this.deactivate(created);
    return null;
  }

  /** A deterministic filesystem UUID for a device (blkid's answer). */
  private uuidFor(deviceId: number): string {
    const h = ((deviceId * 2654435761) >>> 0).toString(16).padStart(8, '0');
    const ino = this.devicePrefix.split('-').pop() ?? '0';
    return `${h}-${ino.padStart(4, '0').slice(-4)}-4${h.slice(1, 4)}-8${h.slice(5, 8)}-${(ino + h).padStart(12, '0').slice(-12)}`;
  }

  private getNextFreeDeviceId(): number | string {
    const used = new Set([...this.devices.values()].map((d) => d.deviceId));
    for (let i = 0; i <= MAX_DEVICE_ID; i++) {
      this.nextDeviceId = (this.nextDeviceId + 1) & MAX_DEVICE_ID;
      if (!used.has(this.nextDeviceId) && this.nextDeviceId !== 0) return this.nextDeviceId;
    }
    return 'devmapper: Unable to find a free device ID';
  }

  private openTransaction(hash: string, deviceId: number): void {
    this.openTransactionId = this.transactionId + 1;
    const t = { open_transaction_id: this.openTransactionId, device_hash: hash, device_id: deviceId };
    this.vfs.writeFile(`${this.root}/metadata/transaction-metadata`, JSON.stringify(t));
  }

  private closeTransaction(): string | null {
    if (this.openTransactionId === this.transactionId) return null;
    const err = this.m.dm.message(this.poolName, 0, `set_transaction_id ${this.transactionId} ${this.openTransactionId}`);
    if (err) return `devmapper: Error setting devmapper transaction ID: ${err}`;
    this.transactionId = this.openTransactionId;
    return null;
  }

  private saveDevice(d: DevInfo): void {
    this.vfs.writeFile(`${this.root}/metadata/${metadataFileName(d.hash)}`, devInfoJson(d));
  }

  private createRegisterDevice(hash: string): DevInfo | string {
    for (;;) {
      const id = this.getNextFreeDeviceId();
      if (typeof id === 'string') return id;
      this.openTransaction(hash, id);
      const err = this.m.dm.message(this.poolName, 0, `create_thin ${id}`);
      if (err && /File exists|EEXIST/.test(err)) continue;
      if (err) return `devicemapper: Error running CreateDevice dm_task_run failed`;
      const info: DevInfo = { hash, deviceId: id, size: this.opts.baseSize, transactionId: this.openTransactionId, initialized: false, deleted: false };
      this.devices.set(hash, info);
      this.m.events.emit({ type: 'docker-device', action: 'create', hash, dev: id });
      this.saveDevice(info);
      const c = this.closeTransaction();
      if (c) return c;
      this.saveDeviceSetMetadata();
      return info;
    }
  }

  /** Free-space check before every snapshot (poolHasFreeSpace). */
  poolHasFreeSpace(): string | null {
    const pct = this.opts.minFreeSpacePercent;
    if (pct === 0) return null;
    const pool = this.pool();
    if (!pool) return `devicemapper: Non existing device ${this.poolName}`;
    const s = pool.stats();
    const minFreeData = Math.max(1, Math.floor((s.totalData * pct) / 100));
    const freeData = s.totalData - s.usedData;
    if (freeData < minFreeData) {
      return `devmapper: Thin Pool has ${freeData} free data blocks which is less than minimum required ${minFreeData} free data blocks. Create more free space in thin pool or use dm.min_free_space option to change behavior`;
    }
    const minFreeMeta = Math.max(1, Math.floor((s.totalMetadata * pct) / 100));
    const freeMeta = s.totalMetadata - s.usedMetadata;
    if (freeMeta < minFreeMeta) {
      return `devmapper: Thin Pool has ${freeMeta} free metadata blocks which is less than minimum required ${minFreeMeta} free metadata blocks. Create more free metadata space in thin pool or use dm.min_free_space option to change behavior`;
    }
    return null;
  }

  /** AddDevice: a snapshot of `baseHash` (a layer, an -init device or a container), with its filesystem copied. */
  addDevice(hash: string, baseHash: string, size?: number): string | null {
    const base = this.devices.get(baseHash);
    if (!base) return `devmapper: Unknown device ${baseHash}`;
    if (base.deleted) return `devmapper: Base device ${baseHash} has been marked for deferred deletion`;
    const existing = this.devices.get(hash);
    if (existing) return `devmapper: device ${hash} already exists. Deleted=${existing.deleted}`;
    if (size !== undefined && size < base.size) return `devmapper: Container size cannot be smaller than ${humanSize(base.size, this.spacedUnits)}`;
    const free = this.poolHasFreeSpace();
    if (free) return free;
    for (;;) {
      const id = this.getNextFreeDeviceId();
      if (typeof id === 'string') return id;
      this.openTransaction(hash, id);
      const err = this.m.dm.message(this.poolName, 0, `create_snap ${id} ${base.deviceId}`);
      if (err && /File exists|EEXIST/.test(err)) continue;
      if (err) return `devicemapper: Error running CreateSnapDeviceRaw dm_task_run failed`;
      const info: DevInfo = { hash, deviceId: id, size: size ?? base.size, transactionId: this.openTransactionId, initialized: true, deleted: false };
      this.devices.set(hash, info);
      this.m.events.emit({ type: 'docker-device', action: 'snapshot', hash, dev: id });
      this.saveDevice(info);
      const c = this.closeTransaction();
      if (c) return c;
      this.saveDeviceSetMetadata();
      const parentFs = this.fsStore.get(this.fsKey(base.deviceId));
      if (parentFs) {
        const fs = parentFs.clone(thinTarget(() => this.pool(), id, info.size, () => waitForDataSpace(this.m, this.poolName)));
        this.fsStore.set(this.fsKey(id), fs);
        // A device bigger than its parent (--storage-opt size=) gets its filesystem grown (growFS: xfs_growfs / resize2fs).
        if (info.size > base.size) {
          const grown = fs.grow(info.size);
          if (!grown.ok) return `devmapper: Failed to grow rootfs:${grown.message}`;
        }
      }
      return null;
    }
  }

  spacedUnits = true;

  /** Activates the dm device of a Docker device (table `0 <sectors> thin <pool> <id>`). */
  activate(d: DevInfo): string | null {
    if (d.deleted) return `devmapper: Can't activate device ${d.hash} as it is marked for deletion`;
    const name = this.deviceName(d.hash);
    if (this.m.dm.get(name)) return null;
    const pool = this.m.dm.get(this.poolName);
    if (!pool) return `devicemapper: Non existing device ${this.poolName}`;
    const err = this.m.dm.create(name, `0 ${Math.floor(d.size / 512)} thin ${pool.major}:${pool.minor} ${d.deviceId}`);
    return err ? `devmapper: Error activating devmapper device for '${d.hash}': devicemapper: Error running deviceCreate (ActivateDevice) dm_task_run failed` : null;
  }

  /** Removes the dm device of a Docker device, if active. */
  deactivate(d: DevInfo): void {
    const name = this.deviceName(d.hash);
    if (this.m.dm.get(name)) this.m.dm.remove(name);
  }

  /** Get(): activate and mount at <root>/mnt/<hash>, ref-counted; returns the mountpoint. */
  mountDevice(hash: string): { path: string } | { error: string } {
    const d = this.devices.get(hash);
    if (!d) return { error: `devmapper: Unknown device ${hash}` };
    if (d.deleted) return { error: `devmapper: Can't mount device ${hash} as it has been marked for deferred deletion` };
    const mnt = `${this.root}/mnt/${hash}`;
    const refs = this.active.get(hash) ?? 0;
    if (refs > 0) {
      this.active.set(hash, refs + 1);
      return { path: mnt };
    }
    const err = this.activate(d);
    if (err) return { error: err };
    this.vfs.mkdir(mnt, true, 0o755);
    const opts = [this.baseFs === 'xfs' ? 'nouuid' : '', this.opts.mountOptions].filter(Boolean);
    const fsOpts = ['rw', 'relatime', 'seclabel', this.baseFs === 'xfs' ? 'attr2,inode64' : 'data=ordered', ...opts].join(',');
    const dm = this.m.dm.get(this.deviceName(hash));
    const st = this.vfs.stat(mnt);
    const provider = deviceMountProvider(() => this.filesystem(hash), hash, { major: dm?.major ?? 253, minor: dm?.minor ?? 0 }, failed(st) ? 128 : st.ino);
    this.m.host.mount(`/dev/mapper/${this.deviceName(hash)}`, mnt, this.baseFs, this.baseFs === 'xfs' ? `${fsOpts},logbsize=64k,sunit=128,swidth=128,noquota` : fsOpts, provider);
    const fs = this.filesystem(hash);
    if (fs) fs.remount({ discard: this.opts.mountOptions.split(',').includes('discard') });
    this.active.set(hash, 1);
    return { path: mnt };
  }

  /** Put(): unmount and deactivate when the last reference goes. */
  unmountDevice(hash: string): void {
    const refs = this.active.get(hash) ?? 0;
    if (refs > 1) {
      this.active.set(hash, refs - 1);
      return;
    }
    this.active.delete(hash);
    const mnt = `${this.root}/mnt/${hash}`;
    this.m.host.umount(mnt);
    this.vfs.rmdir(mnt);
    const d = this.devices.get(hash);
    if (d) this.deactivate(d);
  }

  /** True while a device is mounted. */
  isMounted(hash: string): boolean {
    return (this.active.get(hash) ?? 0) > 0;
  }

  /** DeleteDevice: blkdiscard (loop default) then `delete <id>`; deferred when busy and deferred deletion is on. */
  deleteDevice(hash: string, syncDelete = false): string | null {
    const d = this.devices.get(hash);
    if (!d) return `devmapper: Unknown device ${hash}`;
    if (this.opts.blkDiscard) {
      const act = this.activate(d);
      if (!act) this.pool()?.discardBytes(d.deviceId, 0, d.size);
    }
    if (this.isMounted(hash)) {
      if (this.opts.deferredDeletion && !syncDelete) {
        d.deleted = true;
        this.saveDevice(d);
        return null;
      }
      return 'Device is Busy';
    }
    this.deactivate(d);
    this.openTransaction(hash, d.deviceId);
    const err = this.m.dm.message(this.poolName, 0, `delete ${d.deviceId}`);
    if (err) {
      this.closeTransaction();
      return `devicemapper: Error running DeleteDevice dm_task_run failed`;
    }
    this.vfs.unlink(`${this.root}/metadata/${metadataFileName(hash)}`);
    this.devices.delete(hash);
    this.m.events.emit({ type: 'docker-device', action: 'delete', hash, dev: d.deviceId });
    this.fsStore.delete(this.fsKey(d.deviceId));
    const c = this.closeTransaction();
    if (c) return c;
    this.saveDeviceSetMetadata();
    return null;
  }

  /** Number of devices marked for deferred deletion. */
  get deletedCount(): number {
    return [...this.devices.values()].filter((d) => d.deleted).length;
  }

  /** Shutdown: save metadata, unmount everything, deactivate; loop mode removes the pool (loops auto-clear). */
  shutdown(): void {
    this.saveDeviceSetMetadata();
    for (const hash of [...this.active.keys()]) {
      this.active.set(hash, 1);
      this.unmountDevice(hash);
    }
    for (const d of this.devices.values()) this.deactivate(d);
    if (this.m.host.vfs.mounts.entries.some((e) => e.target === this.root)) this.m.host.umount(this.root);
    if (!this.opts.thinPoolDevice) {
      if (this.m.dm.get(this.poolName)) this.m.dm.remove(this.poolName);
      // LO_FLAGS_AUTOCLEAR: once dockerd closes the loops and no pool holds them they go, also after a failed CreatePool.
      for (const l of this.m.host.loops.list()) {
        if (l.autoclear && (l.file === this.dataLoopFile || l.file === this.metadataLoopFile)) this.m.host.detachLoop(l.name);
      }
    }
  }

  /** Status(): the figures of docker info (DS Status l.2535). */
  status(libraryVersion: string, udevSync = true): DeviceSetStatus {
    const pool = this.pool();
    const s = pool?.stats();
    const table = this.m.dm.table(this.poolName)?.[0] ?? '';
    const lengthSectors = Number(table.split(/\s+/)[1] ?? 0);
    const blockSectors = s && s.totalData ? Math.floor(lengthSectors / s.totalData) : this.opts.blockSizeSectors;
    const bs = blockSectors * 512;
    const dataUsed = s ? s.usedData * bs : 0;
    const dataTotal = s ? s.totalData * bs : 0;
    let dataAvailable = dataTotal - dataUsed;
    const metadataUsed = s ? s.usedMetadata * METADATA_BLOCK : 0;
    const metadataTotal = s ? s.totalMetadata * METADATA_BLOCK : 0;
    let metadataAvailable = metadataTotal - metadataUsed;
    // Loop mode: the sparse files can only grow as far as the host filesystem's free blocks (statfs Bfree).
    const cap = (file: string, v: number) => {
      if (!file) return v;
      const fs = this.m.host.statfs(file);
      return failed(fs) ? v : Math.min(v, fs.bfree * fs.bsize);
    };
    dataAvailable = cap(this.dataLoopFile, dataAvailable);
    metadataAvailable = cap(this.metadataLoopFile, metadataAvailable);
    const base = this.devices.get('');
    return {
      poolName: this.poolName,
      blockSizeBytes: bs,
      baseDeviceSize: base?.size ?? 0,
      backingFs: this.baseFs,
      dataFile: this.dataDevice,
      metadataFile: this.metadataDevice,
      dataLoopFile: this.dataLoopFile,
      metadataLoopFile: this.metadataLoopFile,
      dataUsed,
      dataTotal,
      dataAvailable,
      metadataUsed,
      metadataTotal,
      metadataAvailable,
      minFreeSpace: s ? Math.floor((s.totalData * this.opts.minFreeSpacePercent) / 100) * bs : 0,
      udevSyncSupported: udevSync,
      deferredRemoval: this.opts.deferredRemoval,
      deferredDeletion: this.opts.deferredDeletion,
      deferredDeletedCount: this.deletedCount,
      libraryVersion,
    };
  }
}
