// A minimal host for dm tests: a block device registry, a content store, disks that record writes and discards.
import { BlockDeviceRegistry, type BlockDevice, type ContentStore } from '../host/blockDevice';
import { EventLog } from '../events';
import type { Host } from '../host/host';
import { DeviceMapper } from './deviceMapper';

/** A disk whose writes and discards are recorded (bytes written minus bytes discarded ≈ a sparse file's usage). */
export interface RecordingDisk extends BlockDevice {
  written: number;
  discarded: number;
  /** Errno every write returns (host ENOSPC), or null. */
  failWith: string | null;
}

/** Makes a recording disk. */
export function recordingDisk(name: string, major: number, minor: number, size: number): RecordingDisk {
  const d: RecordingDisk = {
    name,
    major,
    minor,
    size,
    type: major === 7 ? 'loop' : 'disk',
    ro: false,
    slaves: [],
    storageId: `disk:${name}`,
    written: 0,
    discarded: 0,
    failWith: null,
    write(_o: number, l: number) {
      if (d.failWith) return d.failWith;
      d.written += l;
      return null;
    },
    discard(_o: number, l: number) {
      d.discarded += l;
    },
  };
  return d;
}

/** A host stand-in with a clock, a profile and a kernel log. */
export function testHost(profile: Partial<{ libdmVersion: string; kernelVersion: string }> = {}) {
  const store = new Map<string, unknown>();
  const content: ContentStore = { get: (k) => store.get(k), set: (k, v) => void store.set(k, v) };
  const dmesg: string[] = [];
  const host = {
    blockDevices: new BlockDeviceRegistry(),
    content,
    profile: { libdmVersion: '1.02.135-RHEL7 (2016-11-16)', kernelVersion: '3.10.0-514.el7.x86_64', ...profile },
    clock: { now: 1000 },
    dmesg: { log: (l: string) => void dmesg.push(l) },
  };
  const events = new EventLog();
  const dm = new DeviceMapper(events, host as unknown as Host);
  return { host, events, dm, dmesg, store };
}
