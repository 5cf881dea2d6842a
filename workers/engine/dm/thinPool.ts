// The kernel's dm-thin pool as a pure model: data space map, thin devices with mapping trees, snapshots by time,
// provisioning, copy-on-write, discards, low water mark, modes, transaction id and metadata snapshot.
import type { EventLog, PoolMode } from '../events';
import { SpaceMap } from './spaceMap';
import { ThinDevice, MAX_DEV_ID } from './thinDevice';
import { type TreeCounters, type InternalNodes, MappingTree, decLeaf, incLeaf, type MappingLeaf } from './mappingTree';
import { metadataBlocksUsed, MAX_METADATA_BLOCKS } from './metadataUsage';
import { defaultFeatures, type PoolFeatures } from './poolFeatures';
import type { PoolMetadata } from './poolMetadata';
import { toMetadata, fromMetadata } from './poolMetadataIo';

/** Where the pool's data blocks live: the data BlockDevice's I/O entry points. */
export interface DataDevice {
  write(offset: number, length: number): string | null;
  discard(offset: number, length: number): void;
}

/** Result of a block write or discard: done, queued (out of data space), or an errno name. */
export type IoStatus = 'ok' | 'queued' | 'ENOSPC' | 'EIO' | 'ENODEV';

/** What a read finds at a virtual block. */
export interface BlockRead {
  dblock: number;
  /** Pool time of the mapping. */
  time: number;
  /** Stamp of what was last written into the data block. */
  stamp: number;
  /** Device whose write provisioned the data block. */
  providedBy: number;
}

/** Figures of one thin device (views, thin_ls, dmsetup status). */
export interface ThinDeviceStats {
  devId: number;
  mapped: number;
  /** Mappings whose data block is referenced once. */
  exclusive: number;
  shared: number;
  /** Highest mapped virtual block, −1 when none. */
  highest: number;
  transaction: number;
  creationTime: number;
  snapTime: number;
}

/** Figures of the pool (dmsetup status, docker info, views). */
export interface PoolStats {
  transaction: number;
  usedMetadata: number;
  totalMetadata: number;
  usedData: number;
  freeData: number;
  totalData: number;
  heldRoot: number | null;
  mode: PoolMode;
  needsCheck: boolean;
  time: number;
  /** Runtime queue/error behaviour (error_if_no_space also after no_space_timeout expired). */
  errorIfNoSpace: boolean;
  discardPassdown: boolean;
  ignoreDiscard: boolean;
  queued: number;
}

/** Errno names returned by pool messages. */
export type PoolErrno = 'EEXIST' | 'ENODATA' | 'EINVAL' | 'EBUSY' | 'EOPNOTSUPP' | 'ENOSPC';

/** How the pool is bound to its dm device right now (a pool outlives activations: it lives on its metadata). */
export interface PoolBinding {
  /** dm name, used in events. */
  name: string;
  /** "253:2", used in kernel log lines. */
  devno: string;
  dataDevice?: DataDevice;
  lowWaterMark: number;
  features: PoolFeatures;
  nrMetadataBlocks: number;
  /** Kernel log sink (dmesg ring). */
  log?: (line: string) => void;
  /** Simulated clock, for no_space_timeout. */
  clock?: { now: number };
  /** dm_table_event: the dm device's event counter rises (what dmeventd waits for). */
  onEvent?: () => void;
  /** Kernel major version: ≥ 4 recovers from out-of-data-space when blocks are freed and errors timed-out IO with ENOSPC. */
  kernelMajor?: number;
}

/** Seconds queued IO waits for space before failing (dm-thin's no_space_timeout). */
export const NO_SPACE_TIMEOUT = 60;

/** A held metadata snapshot: the trees as they were at `reserve_metadata_snap` (thin_ls -m, thin_dump -m). */
export interface HeldMetadataSnap {
  root: number;
  time: number;
  transaction: number;
  devices: { id: number; leaves: MappingLeaf[]; top: InternalNodes; mapped: number; transaction: number; creationTime: number; snapTime: number }[];
}

interface QueuedIo {
  devId: number;
  vblock: number;
  stamp: number;
  offset: number;
  length: number;
}

/** The pool. */
export class ThinPool {
  name = 'pool';
  devno = '253:0';
  sm: SpaceMap;
  readonly devices = new Map<number, ThinDevice>();
  readonly trees: TreeCounters = { leaves: 0, leafOverflow: 0, internal: 0 };
  /** Data block size in 512-byte sectors. */
  readonly dataBlockSize: number;
  readonly blockBytes: number;
  nrMetadataBlocks: number;
  time = 0;
  transaction = 0;
  uuid = '';
  flags = 0;
  mode: PoolMode = 'write';
  needsCheck = false;
  lowWaterMark = 0;
  features: PoolFeatures = defaultFeatures();
  /** error_if_no_space in force (from the table, or after the no-space timeout fired). */
  errorIfNoSpace = false;
  dataDevice?: DataDevice;
  /** Held metadata snapshot: its root block and the leaves it pins. */
  metadataSnap: HeldMetadataSnap | null = null;
  private lowWaterTriggered = false;
  private metaChecksLeft = 0;
  private queue: QueuedIo[] = [];
  private queueDeadline = Infinity;
  private nextStamp = 1;
  private log: (line: string) => void = () => {};
  private onEvent: () => void = () => {};
  private clock?: { now: number };
  private kernelMajor = 3;

  constructor(
    readonly events: EventLog,
    nrDataBlocks: number,
    dataBlockSize: number,
    nrMetadataBlocks: number,
  ) {
    this.sm = new SpaceMap(nrDataBlocks);
    this.dataBlockSize = dataBlockSize;
    this.blockBytes = dataBlockSize * 512;
    this.nrMetadataBlocks = Math.min(nrMetadataBlocks, MAX_METADATA_BLOCKS);
  }

  /** A freshly formatted pool bound to its dm device. */
  static format(events: EventLog, nrDataBlocks: number, dataBlockSize: number, b: PoolBinding): ThinPool {
    const p = new ThinPool(events, nrDataBlocks, dataBlockSize, b.nrMetadataBlocks);
    p.bind(b);
    if (events.active) events.emit({ type: 'pool-created', pool: p.name, nrDataBlocks, dataBlockSize });
    return p;
  }

  /** (Re)binds the pool to an activation: names, data device, table features; resets the allocation cursor. */
  bind(b: PoolBinding): void {
    this.name = b.name;
    this.devno = b.devno;
    this.dataDevice = b.dataDevice;
    this.lowWaterMark = b.lowWaterMark;
    this.features = { ...b.features };
    this.errorIfNoSpace = b.features.errorIfNoSpace;
    if (b.log) this.log = b.log;
    if (b.onEvent) this.onEvent = b.onEvent;
    this.clock = b.clock;
    if (b.kernelMajor !== undefined) this.kernelMajor = b.kernelMajor;
    this.nrMetadataBlocks = Math.min(Math.max(this.nrMetadataBlocks, b.nrMetadataBlocks), MAX_METADATA_BLOCKS);
    if (b.features.readOnly && this.mode === 'write') this.setMode('read-only');
    else if (!b.features.readOnly && this.mode === 'read-only' && !this.needsCheck) this.setMode('write');
  }

  /** What the kernel does when the pool's metadata is opened again: next-fit restarts from block 0. */
  reopen(): void {
    this.sm.cursor = 0;
    this.lowWaterTriggered = false;
  }

  // ---- figures --------------------------------------------------------------------------------------------

  /** Metadata blocks in use (see metadataUsage.ts for the rule). */
  metadataUsed(): number {
    return metadataBlocksUsed({
      nrDataBlocks: this.sm.nrBlocks,
      nrMetadataBlocks: this.nrMetadataBlocks,
      devices: this.devices.size,
      dataOverflow: this.sm.overflow,
      trees: this.trees,
      metadataSnapHeld: this.metadataSnap !== null,
    });
  }

  /** Pool-wide figures. */
  stats(): PoolStats {
    this.poll();
    return {
      transaction: this.transaction,
      usedMetadata: Math.min(this.metadataUsed(), this.nrMetadataBlocks),
      totalMetadata: this.nrMetadataBlocks,
      usedData: this.sm.used,
      freeData: this.sm.free,
      totalData: this.sm.nrBlocks,
      heldRoot: this.metadataSnap ? this.metadataSnap.root : null,
      mode: this.mode,
      needsCheck: this.needsCheck,
      time: this.time,
      errorIfNoSpace: this.errorIfNoSpace,
      discardPassdown: !this.features.ignoreDiscard && !this.features.noDiscardPassdown,
      ignoreDiscard: this.features.ignoreDiscard,
      queued: this.queue.length,
    };
  }

  /** Figures of one device, or null when it does not exist. */
  deviceStats(devId: number): ThinDeviceStats | null {
    const td = this.devices.get(devId);
    if (!td) return null;
    const rc = this.sm.refcount;
    let exclusive = 0;
    for (const l of td.tree.leaves) for (let i = 0; i < l.n; i++) if (rc[l.e[3 * i + 1]] === 1) exclusive++;
    return {
      devId,
      mapped: td.mappedBlocks,
      exclusive,
      shared: td.mappedBlocks - exclusive,
      highest: td.tree.highest(),
      transaction: td.transaction,
      creationTime: td.creationTime,
      snapTime: td.snapTime,
    };
  }

  /** Device ids, ascending. */
  deviceIds(): number[] {
    return [...this.devices.keys()].sort((a, b) => a - b);
  }

  // ---- messages -------------------------------------------------------------------------------------------

  /** `create_thin <id>`. */
  createThin(id: number): PoolErrno | null {
    const e = this.checkMessage(id);
    if (e) return e;
    if (this.devices.has(id)) return 'EEXIST';
    if (this.metadataFull()) return this.outOfMetadata();
    this.devices.set(id, ThinDevice.create(this.trees, id, this.transaction, this.time));
    if (this.events.active) this.events.emit({ type: 'thin-created', pool: this.name, dev: id });
    return null;
  }

  /** `create_snap <id> <origin>`: shares the origin's tree; the pool time rises; both record snap_time. */
  createSnap(id: number, originId: number): PoolErrno | null {
    const e = this.checkMessage(id);
    if (e) return e;
    if (this.devices.has(id)) return 'EEXIST';
    const origin = this.devices.get(originId);
    if (!origin) return 'ENODATA';
    if (this.metadataFull()) return this.outOfMetadata();
    const rc = this.sm;
    for (const l of origin.tree.leaves) for (let i = 0; i < l.n; i++) rc.inc(l.e[3 * i + 1]);
    this.time++;
    const snap = new ThinDevice(id, origin.tree.share(this.trees), this.transaction, this.time, this.time);
    snap.mappedBlocks = origin.mappedBlocks;
    origin.snapTime = this.time;
    this.devices.set(id, snap);
    if (this.events.active) this.events.emit({ type: 'snap-created', pool: this.name, dev: id, origin: originId, time: this.time });
    return null;
  }

  /** `delete <id>`: drops one reference from each mapped block (no discard passed down). */
  deleteThin(id: number): PoolErrno | null {
    const e = this.checkMessage(id);
    if (e) return e;
    const td = this.devices.get(id);
    if (!td) return 'ENODATA';
    if (td.openCount > 0) return 'EBUSY';
    const ev = this.events.active;
    let freed = 0;
    for (const l of td.tree.leaves)
      for (let i = 0; i < l.n; i++) {
        const d = l.e[3 * i + 1];
        if (this.sm.dec(d)) {
          freed++;
          if (ev) this.events.emit({ type: 'block-freed', pool: this.name, dblock: d });
        }
      }
    td.tree.drop(this.trees);
    this.devices.delete(id);
    if (ev) this.events.emit({ type: 'thin-deleted', pool: this.name, dev: id, freed });
    this.recoverIfSpace();
    return null;
  }

  /** `set_transaction_id <old> <new>`: refused unless `old` is the current id. */
  setTransactionId(oldId: number, newId: number): PoolErrno | null {
    if (this.mode === 'read-only' || this.mode === 'fail') return 'EOPNOTSUPP';
    if (oldId !== this.transaction) {
      this.log(`device-mapper: thin metadata: mismatched transaction id`);
      return 'EINVAL';
    }
    this.transaction = newId;
    if (this.events.active) this.events.emit({ type: 'transaction', pool: this.name, from: oldId, to: newId });
    return null;
  }

  /** `reserve_metadata_snap`: a copy of the superblock pins every current tree; its root is the new block. */
  reserveMetadataSnap(): PoolErrno | null {
    if (this.mode === 'read-only' || this.mode === 'fail') return 'EOPNOTSUPP';
    if (this.metadataSnap) {
      this.log(`device-mapper: thin metadata: Pool metadata snapshot already exists: release this before taking another.`);
      return 'EBUSY';
    }
    const root = this.metadataUsed();
    const devices = [...this.devices.values()].map((dev) => {
      for (const l of dev.tree.leaves) incLeaf(this.trees, l);
      // the held copy keeps the trees' internal nodes too: every tree shadows them on its next write
      dev.tree.top.refs++;
      const { id, mappedBlocks: mapped, transaction, creationTime, snapTime } = dev;
      return { id, leaves: dev.tree.leaves.slice(), top: dev.tree.top, mapped, transaction, creationTime, snapTime };
    });
    this.metadataSnap = { root, devices, time: this.time, transaction: this.transaction };
    if (this.events.active) this.events.emit({ type: 'metadata-snap', pool: this.name, action: 'reserve', root });
    return null;
  }

  /** `release_metadata_snap`. */
  releaseMetadataSnap(): PoolErrno | null {
    if (this.mode === 'read-only' || this.mode === 'fail') return 'EOPNOTSUPP';
    const s = this.metadataSnap;
    if (!s) {
      this.log(`device-mapper: thin metadata: No pool metadata snapshot found: nothing to release.`);
      return 'EINVAL';
    }
    for (const d of s.devices) {
      for (const l of d.leaves) decLeaf(this.trees, l);
      if (--d.top.refs === 0) this.trees.internal -= d.top.nodes;
    }
    this.metadataSnap = null;
    if (this.events.active) this.events.emit({ type: 'metadata-snap', pool: this.name, action: 'release', root: s.root });
    return null;
  }

  /** `trim <id> <new size in sectors>` (old kernels): unmaps every block at or past the new end. */
  trim(id: number, newSectors: number): PoolErrno | null {
    const td = this.devices.get(id);
    if (!td) return 'ENODATA';
    const first = Math.ceil(newSectors / this.dataBlockSize);
    const hi = td.tree.highest();
    if (hi >= first) this.unmapRange(td, first, hi - first + 1, false);
    return null;
  }

  private checkMessage(id: number): PoolErrno | null {
    if (this.mode === 'read-only' || this.mode === 'fail') {
      this.log(`device-mapper: thin: ${this.devno}: unable to service pool target messages in READ_ONLY or FAIL mode`);
      return 'EOPNOTSUPP';
    }
    if (!Number.isInteger(id) || id < 0 || id > MAX_DEV_ID) return 'EINVAL';
    return null;
  }

  // ---- I/O ------------------------------------------------------------------------------------------------

  /** Writes whole blocks [vblock, vblock+count) of a device; `stamp` labels the content (default: a fresh one). */
  write(devId: number, vblock: number, count = 1, stamp?: number): IoStatus {
    const td = this.devices.get(devId);
    if (!td) return 'ENODEV';
    this.poll();
    let result: IoStatus = 'ok';
    for (let i = 0; i < count; i++) {
      const r = this.writeBlock(td, vblock + i, stamp ?? this.nextStamp++, 0, this.blockBytes);
      if (r !== 'ok') result = r;
      if (r === 'EIO' || r === 'ENOSPC') break;
    }
    return result;
  }

  /** Writes a byte range of a device (a 4 KiB write costs a whole pool block when it provisions one). */
  writeBytes(devId: number, offset: number, length: number, stamp?: number): IoStatus {
    const td = this.devices.get(devId);
    if (!td) return 'ENODEV';
    this.poll();
    const bb = this.blockBytes;
    const s = stamp ?? this.nextStamp++;
    let result: IoStatus = 'ok';
    for (let pos = offset; pos < offset + length; ) {
      const vb = Math.floor(pos / bb);
      const inBlock = pos - vb * bb;
      const len = Math.min(bb - inBlock, offset + length - pos);
      const r = this.writeBlock(td, vb, s, inBlock, len);
      if (r !== 'ok') result = r;
      if (r === 'EIO' || r === 'ENOSPC') break;
      pos += len;
    }
    return result;
  }

  private writeBlock(td: ThinDevice, vblock: number, stamp: number, offset: number, length: number): IoStatus {
    if (this.mode === 'fail') return 'EIO';
    const tree = td.tree;
    const li = tree.leafIndex(vblock);
    const leaf = tree.leaves[li];
    const pos = leaf.search(vblock);
    const bb = this.blockBytes;
    if (pos >= 0 && leaf.e[3 * pos + 2] >= td.snapTime) {
      // not shared since the last snapshot: overwrite in place
      const d = leaf.e[3 * pos + 1];
      const err = this.dataDevice?.write(d * bb + offset, length);
      if (err) return this.dataIoError(td, vblock, err);
      this.sm.stamp[d] = stamp;
      if (this.events.active) this.events.emit({ type: 'block-overwritten', pool: this.name, dev: td.id, vblock, dblock: d });
      return 'ok';
    }
    if (this.mode === 'read-only') return 'EIO';
    if (this.mode === 'out-of-data-space') return this.noSpace(td, vblock, stamp, offset, length);
    if (this.metadataFull()) {
      this.outOfMetadata();
      return 'EIO';
    }
    const free = this.sm.free;
    if (free <= this.lowWaterMark && !this.lowWaterTriggered) {
      this.lowWaterTriggered = true;
      this.log(`device-mapper: thin: ${this.devno}: reached low water mark for data device: sending event.`);
      this.onEvent();
      if (this.events.active) this.events.emit({ type: 'low-water-mark', pool: this.name, free, lowWaterMark: this.lowWaterMark });
    }
    if (free === 0) {
      this.setMode('out-of-data-space');
      return this.noSpace(td, vblock, stamp, offset, length);
    }
    const nb = this.sm.alloc();
    const shared = pos >= 0;
    // a copy (shared block), a zeroed block (zeroing on) or a whole-block write reaches the data device whole
    const whole = shared || !this.features.skipBlockZeroing;
    const err = this.dataDevice?.write(whole ? nb * bb : nb * bb + offset, whole ? bb : length);
    if (err) {
      this.sm.dec(nb);
      return this.dataIoError(td, vblock, err);
    }
    this.sm.stamp[nb] = stamp;
    this.sm.provider[nb] = td.id + 1;
    const ev = this.events.active;
    if (shared) {
      const old = leaf.e[3 * pos + 1];
      const w = tree.writableLeaf(this.trees, li);
      w.e[3 * pos + 1] = nb;
      w.e[3 * pos + 2] = this.time;
      if (ev) this.events.emit({ type: 'sharing-broken', pool: this.name, dev: td.id, vblock, from: old, to: nb });
      if (this.sm.dec(old) && ev) this.events.emit({ type: 'block-freed', pool: this.name, dblock: old });
    } else {
      tree.insert(this.trees, vblock, nb, this.time);
      td.mappedBlocks++;
      if (ev) this.events.emit({ type: 'block-provisioned', pool: this.name, dev: td.id, vblock, dblock: nb });
    }
    return 'ok';
  }

  private dataIoError(td: ThinDevice, vblock: number, err: string): IoStatus {
    if (this.events.active) this.events.emit({ type: 'io-error', pool: this.name, dev: td.id, vblock, reason: err });
    return err === 'ENOSPC' ? 'ENOSPC' : 'EIO';
  }

  /** A write needing a new block while out of data space: queued, or refused with error_if_no_space. */
  private noSpace(td: ThinDevice, vblock: number, stamp: number, offset: number, length: number): IoStatus {
    if (this.errorIfNoSpace) {
      if (this.events.active) this.events.emit({ type: 'io-error', pool: this.name, dev: td.id, vblock, reason: 'ENOSPC' });
      return 'ENOSPC';
    }
    this.queue.push({ devId: td.id, vblock, stamp, offset, length });
    if (this.events.active) this.events.emit({ type: 'io-queued', pool: this.name, dev: td.id, vblock });
    return 'queued';
  }

  /** Fails queued IO once no_space_timeout has passed on the simulated clock. */
  poll(now = this.clock?.now): void {
    if (this.queue.length === 0 || now === undefined || now < this.queueDeadline) return;
    this.errorIfNoSpace = true;
    this.log(`device-mapper: thin: ${this.devno}: switching pool to out-of-data-space (error IO) mode`);
    if (this.events.active) this.events.emit({ type: 'pool-mode', pool: this.name, mode: this.mode });
    const reason = this.kernelMajor >= 4 ? 'ENOSPC' : 'EIO';
    for (const q of this.queue.splice(0))
      if (this.events.active) this.events.emit({ type: 'io-error', pool: this.name, dev: q.devId, vblock: q.vblock, reason });
  }

  /** IO waiting for data space. */
  get queued(): number {
    return this.queue.length;
  }

  /** How many mappings point at a data block (the space map's reference count). */
  refCount(dblock: number): number {
    return this.sm.refcount[dblock] ?? 0;
  }

  /** Reads a block: its mapping, or null when unprovisioned (reads zeros). */
  read(devId: number, vblock: number): BlockRead | null {
    const td = this.devices.get(devId);
    if (!td) return null;
    const tree = td.tree;
    const leaf = tree.leaves[tree.leafIndex(vblock)];
    const pos = leaf.search(vblock);
    if (pos < 0) return null;
    const d = leaf.e[3 * pos + 1];
    return { dblock: d, time: leaf.e[3 * pos + 2], stamp: this.sm.stamp[d], providedBy: this.sm.provider[d] - 1 };
  }

  /** The data block a virtual block maps to, −1 when unprovisioned (a read without building a result object). */
  mappedBlock(devId: number, vblock: number): number {
    const td = this.devices.get(devId);
    if (!td) return -1;
    const leaf = td.tree.leaves[td.tree.leafIndex(vblock)];
    const pos = leaf.search(vblock);
    return pos < 0 ? -1 : leaf.e[3 * pos + 1];
  }

  /**
   * Which device of a chain (container → init → layers → base) provided a block: dm-thin snapshots copy the
   * mapping tree, so the container's own mapping answers, and the provider is the device that provisioned it.
   */
  resolve(chain: number[], vblock: number): { providedBy: number; dblock: number; stamp: number } | null {
    if (chain.length === 0) return null;
    const r = this.read(chain[0], vblock);
    return r ? { providedBy: r.providedBy, dblock: r.dblock, stamp: r.stamp } : null;
  }

  /** Discards whole blocks: unmaps them; a block whose count reaches 0 is freed and, with passdown, discarded below. */
  discard(devId: number, vblock: number, count = 1): IoStatus {
    const td = this.devices.get(devId);
    if (!td) return 'ENODEV';
    if (this.mode === 'fail' || this.mode === 'read-only') return 'EIO';
    if (this.features.ignoreDiscard) return 'ok';
    this.unmapRange(td, vblock, count, !this.features.noDiscardPassdown);
    this.recoverIfSpace();
    return 'ok';
  }

  /** Discards a byte range: only whole blocks inside it are unmapped. */
  discardBytes(devId: number, offset: number, length: number): IoStatus {
    const bb = this.blockBytes;
    const first = Math.ceil(offset / bb);
    const end = Math.floor((offset + length) / bb);
    if (end <= first) return this.devices.has(devId) ? 'ok' : 'ENODEV';
    return this.discard(devId, first, end - first);
  }

  private unmapRange(td: ThinDevice, vblock: number, count: number, passdown: boolean): void {
    const tree = td.tree;
    const ev = this.events.active;
    let runStart = -1;
    let runLen = 0;
    const end = vblock + count;
    let v = vblock;
    while (v < end) {
      const li = tree.leafIndex(v);
      const leaf = tree.leaves[li];
      let pos = leaf.search(v);
      if (pos < 0) pos = -pos - 1;
      if (pos >= leaf.n) {
        // nothing more in this leaf: jump to the next leaf's first key
        if (li + 1 >= tree.leaves.length) break;
        const next = tree.leaves[li + 1].e[0];
        if (next <= v) break;
        v = next;
        continue;
      }
      const key = leaf.e[3 * pos];
      if (key >= end) break;
      const w = tree.writableLeaf(this.trees, li);
      const d = w.e[3 * pos + 1];
      tree.removeAt(this.trees, li, pos);
      td.mappedBlocks--;
      if (ev) this.events.emit({ type: 'block-unmapped', pool: this.name, dev: td.id, vblock: key, dblock: d });
      if (this.sm.dec(d)) {
        if (ev) this.events.emit({ type: 'block-freed', pool: this.name, dblock: d });
        if (passdown) {
          // contiguous freed blocks go down as one discard
          if (runLen > 0 && runStart + runLen === d) runLen++;
          else {
            if (runLen > 0) this.passDown(runStart, runLen);
            runStart = d;
            runLen = 1;
          }
        }
      }
      v = key + 1;
    }
    if (runLen > 0) this.passDown(runStart, runLen);
  }

  private passDown(dblock: number, count: number): void {
    this.dataDevice?.discard(dblock * this.blockBytes, count * this.blockBytes);
    if (this.events.active) this.events.emit({ type: 'discard-passdown', pool: this.name, dblock, count });
  }

  // ---- modes and resizing ---------------------------------------------------------------------------------

  /** Switches mode, with the kernel's log line and an event. */
  setMode(mode: PoolMode): void {
    if (mode === this.mode) return;
    const old = this.mode;
    this.mode = mode;
    const label =
      mode === 'out-of-data-space'
        ? `out-of-data-space (${this.errorIfNoSpace ? 'error' : 'queue'} IO)`
        : mode === 'fail'
          ? 'failure'
          : mode;
    this.log(`device-mapper: thin: ${this.devno}: switching pool to ${label} mode`);
    if (mode === 'out-of-data-space' && !this.errorIfNoSpace) this.queueDeadline = (this.clock?.now ?? 0) + NO_SPACE_TIMEOUT;
    if (old === 'out-of-data-space' && mode === 'write') {
      this.errorIfNoSpace = this.features.errorIfNoSpace;
      this.queueDeadline = Infinity;
    }
    this.onEvent();
    if (this.events.active) this.events.emit({ type: 'pool-mode', pool: this.name, mode });
  }

  /** Newer kernels leave out-of-data-space as soon as blocks are free again. */
  private recoverIfSpace(): void {
    if (this.mode === 'out-of-data-space' && this.kernelMajor >= 4 && this.sm.free > 0) this.backToWrite();
  }

  private backToWrite(): void {
    this.setMode('write');
    const pending = this.queue.splice(0);
    for (const q of pending) {
      const td = this.devices.get(q.devId);
      if (!td) continue;
      const r = this.writeBlock(td, q.vblock, q.stamp, q.offset, q.length);
      if (r === 'ok' && this.events.active) {
        const m = this.read(q.devId, q.vblock);
        this.events.emit({ type: 'io-completed', pool: this.name, dev: q.devId, vblock: q.vblock, dblock: m ? m.dblock : -1 });
      }
    }
  }

  /**
   * Pool preresume with a table of `nrDataBlocks`: shrinking is refused (returns the kernel's message), growing
   * extends the space map, leaves out-of-data-space and completes queued IO; the low water mark is re-armed.
   */
  resizeData(nrDataBlocks: number): string | null {
    const cur = this.sm.nrBlocks;
    if (nrDataBlocks < cur) {
      const msg = `device-mapper: thin: ${this.devno}: pool target (${nrDataBlocks} blocks) too small: expected ${cur}`;
      this.log(msg);
      return msg;
    }
    if (nrDataBlocks > cur) {
      this.log(`device-mapper: thin: ${this.devno}: growing the data device from ${cur} to ${nrDataBlocks} blocks`);
      this.sm.resize(nrDataBlocks);
      this.onEvent();
      if (this.events.active) this.events.emit({ type: 'pool-resized', pool: this.name, from: cur, to: nrDataBlocks });
      if (this.mode === 'out-of-data-space') this.backToWrite();
    }
    this.lowWaterTriggered = false;
    return null;
  }

  /** Grows the metadata space (a bigger metadata device at resume); shrinking is refused. */
  resizeMetadata(nrMetadataBlocks: number): string | null {
    const n = Math.min(nrMetadataBlocks, MAX_METADATA_BLOCKS);
    const cur = this.nrMetadataBlocks;
    if (n < cur) {
      const msg = `device-mapper: thin: ${this.devno}: metadata device (${n} blocks) too small: expected ${cur}`;
      this.log(msg);
      return msg;
    }
    if (n > cur) {
      this.log(`device-mapper: thin: ${this.devno}: growing the metadata device from ${cur} to ${n} blocks`);
      this.nrMetadataBlocks = n;
      if (this.events.active) this.events.emit({ type: 'metadata-resized', pool: this.name, from: cur, to: n });
    }
    return null;
  }

  /** Marks the metadata repaired (thin_check/thin_repair): clears needs_check and leaves read-only. */
  repaired(): void {
    this.needsCheck = false;
    if (this.mode === 'read-only' && !this.features.readOnly && !this.metadataFull()) this.setMode('write');
  }

  private metadataFull(): boolean {
    // an operation adds at most a few blocks (a shadowed leaf, a split, internal nodes, a device's roots), so
    // the full count is only redone once the slack seen last time could have been used up
    if (this.metaChecksLeft > 0) {
      this.metaChecksLeft--;
      return false;
    }
    // keep room for a leaf split and a shadowed path, as the kernel reserves blocks for its own commits
    const slack = this.nrMetadataBlocks - this.metadataUsed() - 2;
    if (slack < 0) return true;
    this.metaChecksLeft = Math.floor(slack / 4);
    return false;
  }

  private outOfMetadata(): PoolErrno {
    this.log(`device-mapper: space map metadata: unable to allocate new metadata block`);
    this.log(`device-mapper: thin: ${this.devno}: no free metadata space available.`);
    this.needsCheck = true;
    this.setMode('read-only');
    return 'ENOSPC';
  }

  /** Device ids fitting the 24-bit field. */
  static validDevId(id: number): boolean {
    return Number.isInteger(id) && id >= 0 && id <= MAX_DEV_ID;
  }

  /** A fresh stamp for callers labelling content. */
  newStamp(): number {
    return this.nextStamp++;
  }

  /**
   * An independent copy (timeline checkpoints): typed arrays copied, every leaf copied once so the copy keeps
   * the same sharing between devices, and so the same metadata figures.
   */
  clone(): ThinPool {
    const p = new ThinPool(this.events, 0, this.dataBlockSize, this.nrMetadataBlocks);
    p.sm = this.sm.clone();
    Object.assign(p.trees, this.trees);
    const leafCopies = new Map<MappingLeaf, MappingLeaf>();
    const topCopies = new Map<InternalNodes, InternalNodes>();
    const leaf = (l: MappingLeaf): MappingLeaf => {
      let c = leafCopies.get(l);
      if (!c) {
        c = l.copy();
        c.refs = l.refs;
        leafCopies.set(l, c);
      }
      return c;
    };
    const top = (t: InternalNodes): InternalNodes => {
      let c = topCopies.get(t);
      if (!c) topCopies.set(t, (c = { ...t }));
      return c;
    };
    for (const [id, d] of this.devices) {
      const tree = new MappingTree(p.trees, { leaves: d.tree.leaves.map(leaf), seps: d.tree.seps.slice(), top: top(d.tree.top) });
      const c = new ThinDevice(id, tree, d.transaction, d.creationTime, d.snapTime);
      c.mappedBlocks = d.mappedBlocks;
      c.openCount = d.openCount;
      p.devices.set(id, c);
    }
    if (this.metadataSnap) {
      const s = this.metadataSnap;
      p.metadataSnap = { ...s, devices: s.devices.map((d) => ({ ...d, leaves: d.leaves.map(leaf), top: top(d.top) })) };
    }
    const { name, devno, time, transaction, uuid, flags, mode, needsCheck, lowWaterMark, errorIfNoSpace, dataDevice } = this;
    Object.assign(p, { name, devno, time, transaction, uuid, flags, mode, needsCheck, lowWaterMark, errorIfNoSpace, dataDevice });
    p.features = { ...this.features };
    p.lowWaterTriggered = this.lowWaterTriggered;
    p.queue = this.queue.map((q) => ({ ...q }));
    p.queueDeadline = this.queueDeadline;
    p.nextStamp = this.nextStamp;
    p.log = this.log;
    p.onEvent = this.onEvent;
    p.clock = this.clock;
    p.kernelMajor = this.kernelMajor;
    return p;
  }

  /** The metadata as thin_dump sees it. */
  toMetadata(): PoolMetadata {
    return toMetadata(this, false)!;
  }

  /** The metadata held by reserve_metadata_snap (thin_dump -m, thin_ls -m), undefined when none is held. */
  toMetadataSnapshot(): PoolMetadata | undefined {
    return toMetadata(this, true) ?? undefined;
  }

  /** Data blocks in use. */
  get usedDataBlocks(): number {
    return this.sm.used;
  }

  /** Data blocks in the pool. */
  get nrDataBlocks(): number {
    return this.sm.nrBlocks;
  }

  /** Metadata blocks in use, as status reports them. */
  get usedMetadataBlocks(): number {
    return Math.min(this.metadataUsed(), this.nrMetadataBlocks);
  }

  /** Rebuilds a pool from metadata; returns thin_restore's error text on bad input. */
  static fromMetadata(md: PoolMetadata, events: EventLog, binding: PoolBinding): ThinPool | string {
    return fromMetadata(md, events, binding);
  }
}
