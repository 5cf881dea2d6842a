// The fs layer: filesystems inside thin devices (mkfs footprint, files, discard, fstrim, df) and image layers.
export * from './blockTarget';
export * from './layout';
export * from './xfsGeometry';
export * from './ext4Geometry';
export * from './freeSpace';
export * from './inode';
export * from './filesystem';
export * from './mkfs';
export * from './layerApply';
export * from './report';
export * from './dd';
