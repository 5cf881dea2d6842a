// Docker's configuration: daemon.json, dm.* storage options, driver option checks, version ordering.
export * from './version';
export * from './goStrconv';
export * from './goJson';
export * from './daemonOptions';
export * from './daemonJson';
export * from './dmOptions';
export * from './driverOptions';
