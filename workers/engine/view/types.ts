// Plain view state (structured-clone friendly) that the UI draws; built from a Machine by this folder only.

/** A thin pool as the space gauge shows it. */
export interface PoolView {
  name: string;
  /** Data block size in bytes. */
  blockSize: number;
  totalBlocks: number;
  usedBlocks: number;
  freeBlocks: number;
  metadataUsed: number;
  metadataTotal: number;
  mode: string;
  /** Free data blocks under which dm-thin raises its event (0 when not set). */
  lowWaterMark: number;
  /** Free data blocks Docker insists on keeping (dm.min_free_space), when Docker runs on this pool. */
  minFreeBlocks?: number;
  /** Data use (percent) at which dmeventd extends the pool, when LVM monitors it with a threshold below 100. */
  autoextendThreshold?: number;
  /** The pool's live `dmsetup table` line ('' when it has none). */
  table: string;
  /** The sparse file behind the data device, when it is a loop device (loop-lvm). */
  dataFile?: { path: string; device: string; size: number; allocated: number };
  /** The LVM thin-pool volume this pool is (direct-lvm). */
  lv?: { vg: string; lv: string; extentSize: number; extents: number; vgFreeExtents: number; autoextendPercent: number };
}

/** Who a thin device is for Docker. */
export type DockerRole = 'base' | 'image' | 'init' | 'container' | 'thin';

/** A thin device of a pool, with what it maps and shares. */
export interface ThinView {
  pool: string;
  devId: number;
  role: DockerRole;
  /** Docker's name for it (container name, short layer id) or the dm name; '' when unknown. */
  name: string;
  /** The device it was snapshotted from, when known. */
  parent?: number;
  mapped: number;
  /** Mapped blocks no other device maps. */
  exclusive: number;
  /** Mapped blocks at least one other device also maps. */
  shared: number;
}

/** Per data block: how many mappings point at it and which device provisioned it (-1: free). */
export interface BlockMapView {
  pool: string;
  refcount: Uint16Array;
  owner: Int32Array;
}

/** A block device as lsblk draws it: its children are the devices built on it. */
export interface StackNode {
  /** Kernel name (dm-3, loop0, xvdf): what `slaves` refers to. */
  name: string;
  /** What lsblk prints: the device-mapper name for dm devices, else the kernel name. */
  label: string;
  devno: string;
  size: number;
  type: string;
  mountpoint?: string;
  /** Names of the devices this one is built on. */
  slaves: string[];
}

/** Data blocks the latest command provisioned and freed in a pool. */
export interface RecentBlocks {
  pool: string;
  provisioned: number[];
  freed: number[];
}

/** Everything the views draw, at one step. */
export interface ViewState {
  step: number;
  pools: PoolView[];
  thins: ThinView[];
  blockMaps: BlockMapView[];
  stack: StackNode[];
  /** What the latest command did to the pools' data blocks. */
  recent: RecentBlocks[];
  /** Containers whose reads can be resolved (Docker on devicemapper). */
  containers: string[];
}
