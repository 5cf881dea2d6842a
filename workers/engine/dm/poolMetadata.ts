// A neutral picture of a pool's metadata (what thin_dump prints), shared by the pool, the thin_* tools and the views.

/** One thin device's details and mappings; mappings are sorted by origin block. */
export interface ThinDeviceMetadata {
  devId: number;
  mappedBlocks: number;
  transaction: number;
  creationTime: number;
  snapTime: number;
  /** Virtual (origin) blocks, ascending. */
  origin: Uint32Array;
  /** Data blocks, parallel to origin. */
  data: Uint32Array;
  /** Mapping times, parallel to origin. */
  time: Uint32Array;
}

/** The superblock and every device: enough to rebuild the pool or print any thin_* report. */
export interface PoolMetadata {
  uuid: string;
  time: number;
  transaction: number;
  flags: number;
  version: number;
  /** Data block size in 512-byte sectors. */
  dataBlockSize: number;
  nrDataBlocks: number;
  /** Metadata snapshot root block, when one is held. */
  metadataSnap?: number;
  devices: ThinDeviceMetadata[];
}
