// The devicemapper driver's Status() pairs, in the order and with the formatting of the Docker version simulated.
import { humanSize } from '../../units';
import { atLeast } from '../config/version';

/** Raw figures the deviceset reports (DS Status()), in bytes and plain values. */
export interface DeviceSetStatus {
  poolName: string;
  blockSizeBytes: number;
  baseDeviceSize: number;
  backingFs: string;
  dataFile: string;
  metadataFile: string;
  dataLoopFile: string;
  metadataLoopFile: string;
  dataUsed: number;
  dataTotal: number;
  dataAvailable: number;
  metadataUsed: number;
  metadataTotal: number;
  metadataAvailable: number;
  minFreeSpace: number;
  udevSyncSupported: boolean;
  deferredRemoval: boolean;
  deferredDeletion: boolean;
  deferredDeletedCount: number;
  libraryVersion: string;
}

/** The (key, value) pairs docker info prints under "Storage Driver: devicemapper". */
export function driverStatusPairs(s: DeviceSetStatus, dockerVersion: string): [string, string][] {
  // go-units printed "65.54 kB" until 17.05 and "65.54kB" from 17.06 on.
  const hs = (n: number) => humanSize(n, !atLeast(dockerVersion, '17.06.0'));
  const head: [string, string][] = [
    ['Pool Name', s.poolName],
    ['Pool Blocksize', hs(s.blockSizeBytes)],
    ['Base Device Size', hs(s.baseDeviceSize)],
    ['Backing Filesystem', s.backingFs],
  ];
  const space: [string, string][] = [
    ['Data Space Used', hs(s.dataUsed)],
    ['Data Space Total', hs(s.dataTotal)],
    ['Data Space Available', hs(s.dataAvailable)],
    ['Metadata Space Used', hs(s.metadataUsed)],
    ['Metadata Space Total', hs(s.metadataTotal)],
    ['Metadata Space Available', hs(s.metadataAvailable)],
    ['Thin Pool Minimum Free Space', hs(s.minFreeSpace)],
  ];
  const deferred: [string, string][] = [
    ['Deferred Removal Enabled', String(s.deferredRemoval)],
    ['Deferred Deletion Enabled', String(s.deferredDeletion)],
    ['Deferred Deleted Device Count', String(s.deferredDeletedCount)],
  ];
  const udev: [string, string] = ['Udev Sync Supported', String(s.udevSyncSupported)];
  const lib: [string, string][] = s.libraryVersion ? [['Library Version', s.libraryVersion]] : [];
  if (!atLeast(dockerVersion, '17.11.0')) {
    // Before moby 8f702de9b7 the file fields were always printed, blank with a thin pool device.
    return [
      ...head,
      ['Data file', s.dataFile],
      ['Metadata file', s.metadataFile],
      ...space,
      udev,
      ...deferred,
      ...(s.dataLoopFile ? ([['Data loop file', s.dataLoopFile]] as [string, string][]) : []),
      ...(s.metadataLoopFile ? ([['Metadata loop file', s.metadataLoopFile]] as [string, string][]) : []),
      ...lib,
    ];
  }
  const optional = (k: string, v: string): [string, string][] => (v ? [[k, v]] : []);
  return [
    ...head,
    udev,
    ...optional('Data file', s.dataFile),
    ...optional('Metadata file', s.metadataFile),
    ...optional('Data loop file', s.dataLoopFile),
    ...optional('Metadata loop file', s.metadataLoopFile),
    ...space,
    ...deferred,
    ...lib,
  ];
}
