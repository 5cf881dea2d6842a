// The simulated host: disks, free space and tool versions; the seed's RHEL 7.3 machine by default.
import { GiB } from './units';

/** A disk attached at boot; a partition list makes it partitioned (xvda → xvda1). */
export interface DiskSpec {
  name: string;
  size: number;
  major?: number;
  minor?: number;
  /** ftype: xfs's directory-entry file type flag (d_type for overlay); 0 when the installer made the fs without it. */
  partitions?: { size: number; fs?: 'xfs' | 'ext4'; mountpoint?: string; ftype?: 0 | 1 }[];
}

/** Everything a script may choose about the machine it runs on. */
export interface HostProfile {
  hostname: string;
  disks: DiskSpec[];
  /** Free bytes (statfs Bfree × Bsize) of the filesystem holding /var/lib/docker, before Docker writes anything. */
  rootFree: number;
  /** Inode numbers pinned by path (Docker names its loop pool after the inode of /var/lib/docker/devicemapper). */
  inodes: Record<string, number>;
  dockerVersion: string;
  lvmVersion: string;
  libdmVersion: string;
  kernelVersion: string;
  thinToolsVersion: string;
  /** RAM in KiB (MemTotal of /proc/meminfo) and CPU count: tmpfs sizes and docker info derive from them. */
  memoryKiB: number;
  cpus: number;
  /** Wall clock at boot, in Unix seconds (deterministic: every command advances it by a fixed amount). */
  bootTime: number;
}

/**
 * The seed's host: RHEL 7.3 on AWS, xvda 8 GiB, a spare 100 GiB xvdf, Docker 17.03.1-ce. Its root xfs has ftype=0
 * (RHEL 7 installs made xfs without it; docker info of 17.03.1-ce on RHEL 7.3 on AWS shows "Supports d_type: false",
 * moby#33272), so Docker picks overlay: overlay2 wants kernel 4.0 and this is 3.10.
 */
export function defaultProfile(): HostProfile {
  return {
    hostname: 'ip-172-31-0-10',
    disks: [
      {
        name: 'xvda',
        size: 8 * GiB,
        major: 202,
        minor: 0,
        partitions: [{ size: 8 * GiB, fs: 'xfs', mountpoint: '/', ftype: 0 }],
      },
      { name: 'xvdf', size: 100 * GiB, major: 202, minor: 80 },
    ],
    rootFree: 7_451_000_000,
    inodes: { '/var/lib/docker/devicemapper': 8413957 },
    dockerVersion: '17.03.1-ce',
    lvmVersion: '2.02.166',
    libdmVersion: '1.02.135-RHEL7 (2016-11-16)',
    kernelVersion: '3.10.0-514.el7.x86_64',
    thinToolsVersion: '0.9.0',
    memoryKiB: 1016724,
    cpus: 1,
    bootTime: Date.UTC(2017, 2, 30, 5, 0, 0) / 1000,
  };
}
