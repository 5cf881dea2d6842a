// Docker's image catalog: images, layers with their files, references, pull output and sizes.
export * from './contentHash';
export * from './image';
export * from './catalog';
export * from './reference';
export * from './pull';
export * from './sizes';
