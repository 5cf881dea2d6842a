// Units shared by every layer: sizes, sectors, blocks, extents and the tools' ways of printing them.
export * from './humanSize';
export * from './lvmSize';
export * from './lsblkSize';
export * from './parseSize';

/** Bytes in a 512-byte sector, the unit of device-mapper tables and blockdev --getsz. */
export const SECTOR = 512;
/** Bytes in a metadata block of dm-thin (always 4 KiB). */
export const METADATA_BLOCK = 4096;
export const KiB = 1024;
export const MiB = 1024 ** 2;
export const GiB = 1024 ** 3;
export const TiB = 1024 ** 4;
