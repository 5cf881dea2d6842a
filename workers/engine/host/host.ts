// The simulated host: disks, the root filesystem with its free space, sparse files, loop devices, mounts, dmesg.
import type { Clock } from '../clock';
import type { EventLog } from '../events';
import type { HostProfile } from '../profile';
import { BlockDeviceRegistry, type BlockDevice, type ContentStore } from './blockDevice';
import { HostContentStore } from './contentStore';
import { DevProvider } from './devProvider';
import { Dmesg } from './dmesg';
import { diskDevno, plainDevice } from './disks';
import { fail, failed, type Fail } from './errno';
import { FsSpace } from './fsSpace';
import { LoopDevices, type LoopDevice } from './loopDevices';
import type { MountEntry } from './mountTable';
import { Vfs } from './vfs';
import type { VfsProvider } from './vfsNodes';
import { MiB, KiB } from '../units';

/** statfs(2) figures of the filesystem holding a path. */
export interface StatFs {
  source: string;
  fstype: string;
  target: string;
  bsize: number;
  blocks: number;
  bfree: number;
  bavail: number;
}

/** What a filesystem probe finds on a block device: its type, and optionally who serves its files and its free space. */
export interface ProbedFs {
  fstype: string;
  provider?: VfsProvider;
  space?: FsSpace;
}

/** Recognizes a filesystem on a device (the fs layer adds one for thin devices); null when it finds none. */
export type FsProbe = (dev: BlockDevice) => ProbedFs | null;


const bootDirs = [
  '/bin', '/boot', '/dev', '/etc', '/etc/docker', '/etc/lvm', '/etc/lvm/profile', '/etc/sysconfig', '/home', '/home/ec2-user',
  '/lib', '/lib64', '/media', '/mnt', '/opt', '/proc', '/root', '/run', '/run/user', '/run/user/1000', '/sbin', '/srv', '/sys',
  '/tmp', '/usr', '/usr/bin', '/usr/lib', '/usr/local', '/usr/sbin', '/var', '/var/lib', '/var/log', '/var/run', '/var/tmp',
];

/** The host machine every layer builds on. */
export class Host {
  readonly blockDevices = new BlockDeviceRegistry();
  readonly vfs: Vfs;
  readonly loops: LoopDevices;
  readonly content: ContentStore;
  readonly dmesg: Dmesg;
  /** The filesystem holding / and /var/lib/docker. */
  readonly rootSpace: FsSpace;
  /** Filesystem probes tried in order by mount and blkid; layers push theirs. */
  readonly fsProbes: FsProbe[] = [];
  private readonly partitionFs = new Map<string, string>();

  constructor(
    readonly events: EventLog,
    readonly profile: HostProfile,
    readonly clock: Clock,
  ) {
    this.dmesg = new Dmesg(clock, profile.bootTime);
    let root: BlockDevice | undefined;
    let rootSize = 8 * 1024 * MiB;
    let rootFs = 'xfs';
    for (const spec of profile.disks) {
      const no = spec.major !== undefined ? { major: spec.major, minor: spec.minor ?? 0 } : (diskDevno(spec.name) ?? this.freeDiskDevno());
      const disk = plainDevice(spec.name, no.major, no.minor, spec.size, 'disk');
      this.blockDevices.add(disk);
      (spec.partitions ?? []).forEach((p, i) => {
        const part = plainDevice(`${spec.name}${i + 1}`, no.major, no.minor + i + 1, p.size, 'part', [disk]);
        if (p.mountpoint) part.mountpoint = p.mountpoint;
        if (p.fs) this.partitionFs.set(part.name, p.fs);
        this.blockDevices.add(part);
        if (p.mountpoint === '/') {
          root = part;
          rootSize = p.size;
          rootFs = p.fs ?? 'xfs';
        }
      });
    }
    const rootSource = root ? `/dev/${root.name}` : '/dev/root';
    const rootDev = root ? { major: root.major, minor: root.minor } : { major: 0, minor: 1 };
    // xfs keeps its log and allocation group headers out of f_blocks.
    const total = Math.floor((rootSize - 10 * MiB) / 4096) * 4096;
    this.rootSpace = new FsSpace(events, rootSource, rootFs, total, Math.min(total, Math.floor(profile.rootFree / 4096) * 4096), true);
    this.vfs = new Vfs(events, clock, this.rootSpace, rootDev, profile.inodes);
    this.loops = new LoopDevices(events, this.vfs, this.blockDevices);
    this.content = new HostContentStore(this.vfs, this.loops);
    const free = this.rootSpace.free;
    this.boot(rootSource, rootDev, rootFs);
    // The profile's free space is measured after boot: the boot files are part of "used".
    this.rootSpace.free = free;
  }

  private boot(rootSource: string, rootDev: { major: number; minor: number }, rootFs: string): void {
    for (const d of bootDirs) this.vfs.mkdir(d, true);
    const tmp = this.vfs.lookup('/tmp');
    if (!failed(tmp)) tmp.mode = 0o1777;
    const rootHome = this.vfs.lookup('/root');
    if (!failed(rootHome)) rootHome.mode = 0o550;
    this.vfs.writeFile('/etc/hostname', `${this.profile.hostname}\n`);
    this.vfs.writeFile('/etc/redhat-release', 'Red Hat Enterprise Linux Server release 7.3 (Maipo)\n');
    const tmpfs = (kib: number) => new FsSpace(this.events, 'tmpfs', 'tmpfs', kib * KiB, kib * KiB);
    const pseudo = (source: string, target: string, fstype: string, options: string, minor: number): MountEntry => ({
      source, target, fstype, options, dev: { major: 0, minor }, inDf: false,
    });
    const memKiB = this.profile.memoryKiB;
    const half = Math.floor(memKiB / 2);
    const m = this.vfs.mounts;
    m.add(pseudo('sysfs', '/sys', 'sysfs', 'rw,nosuid,nodev,noexec,relatime,seclabel', 18));
    m.add(pseudo('proc', '/proc', 'proc', 'rw,nosuid,nodev,noexec,relatime', 3));
    m.add({
      source: 'devtmpfs', target: '/dev', fstype: 'devtmpfs', options: `rw,nosuid,seclabel,size=${half - 6030}k,nr_inodes=${Math.floor(half / 4)},mode=755`,
      dev: { major: 0, minor: 5 }, inDf: true, space: new FsSpace(this.events, 'devtmpfs', 'devtmpfs', (half - 6030) * KiB, (half - 6030) * KiB),
      provider: new DevProvider(this.blockDevices, this.clock, this.profile.bootTime),
    });
    m.add({ source: 'tmpfs', target: '/dev/shm', fstype: 'tmpfs', options: 'rw,nosuid,nodev,seclabel', dev: { major: 0, minor: 19 }, inDf: true, space: tmpfs(half) });
    m.add(pseudo('devpts', '/dev/pts', 'devpts', 'rw,nosuid,noexec,relatime,seclabel,gid=5,mode=620,ptmxmode=000', 12));
    const run = tmpfs(half);
    run.free -= 16_752 * KiB;
    m.add({ source: 'tmpfs', target: '/run', fstype: 'tmpfs', options: 'rw,nosuid,nodev,seclabel,mode=755', dev: { major: 0, minor: 20 }, inDf: true, space: run });
    m.add({ source: 'tmpfs', target: '/sys/fs/cgroup', fstype: 'tmpfs', options: 'ro,nosuid,nodev,noexec,seclabel,mode=755', dev: { major: 0, minor: 21 }, inDf: true, space: tmpfs(half) });
    m.add(pseudo('cgroup', '/sys/fs/cgroup/systemd', 'cgroup', 'rw,nosuid,nodev,noexec,relatime,xattr,release_agent=/usr/lib/systemd/systemd-cgroups-agent,name=systemd', 22));
    m.add(pseudo('configfs', '/sys/kernel/config', 'configfs', 'rw,relatime', 33));
    m.add({ source: rootSource, target: '/', fstype: rootFs, options: 'rw,relatime,seclabel,attr2,inode64,noquota', dev: rootDev, inDf: true, space: this.rootSpace });
    m.add(pseudo('selinuxfs', '/sys/fs/selinux', 'selinuxfs', 'rw,relatime', 17));
    m.add(pseudo('debugfs', '/sys/kernel/debug', 'debugfs', 'rw,relatime', 7));
    m.add(pseudo('mqueue', '/dev/mqueue', 'mqueue', 'rw,relatime,seclabel', 16));
    m.add(pseudo('hugetlbfs', '/dev/hugepages', 'hugetlbfs', 'rw,relatime,seclabel', 35));
    m.add({
      source: 'tmpfs', target: '/run/user/1000', fstype: 'tmpfs', options: `rw,nosuid,nodev,relatime,seclabel,size=${Math.floor(memKiB / 10)}k,mode=700,uid=1000,gid=1000`,
      dev: { major: 0, minor: 39 }, inDf: true, space: tmpfs(Math.floor(memKiB / 10)),
    });
    this.dmesg.log(`Initializing cgroup subsys cpuset`);
    this.dmesg.log(`Linux version ${this.profile.kernelVersion} (mockbuild@x86-039.build.eng.bos.redhat.com) (gcc version 4.8.5 20150623 (Red Hat 4.8.5-11) (GCC) ) #1 SMP Wed Oct 19 11:24:13 EDT 2016`);
    this.dmesg.log(`Command line: BOOT_IMAGE=/boot/vmlinuz-${this.profile.kernelVersion} root=UUID=de4def96-ff72-4eb9-ad5e-0847257d1866 ro console=ttyS0,115200n8 console=tty0 net.ifnames=0 crashkernel=auto LANG=en_US.UTF-8`);
    for (const d of this.blockDevices.list()) {
      if (d.type === 'disk') this.dmesg.log(`blkfront: ${d.name}: barrier or flush: disabled; persistent grants: disabled; indirect descriptors: enabled;`);
    }
    if (rootFs === 'xfs') this.dmesg.log(`XFS (${rootSource.slice(5)}): Mounting V5 Filesystem`);
    if (rootFs === 'xfs') this.dmesg.log(`XFS (${rootSource.slice(5)}): Ending clean mount`);
  }

  private freeDiskDevno(): { major: number; minor: number } {
    let minor = 0;
    while (this.blockDevices.list().some((d) => d.major === 202 && d.minor >= minor && d.minor < minor + 16)) minor += 16;
    return { major: 202, minor };
  }

  /** Attaches a new disk /dev/NAME (`sim disk`). */
  attachDisk(name: string, size: number): BlockDevice | Fail {
    if (!/^[a-z][a-z0-9]*$/.test(name) || size <= 0) return fail('EINVAL');
    if (this.blockDevices.get(name)) return fail('EEXIST');
    let no = diskDevno(name) ?? this.freeDiskDevno();
    if (this.blockDevices.list().some((d) => d.major === no.major && d.minor === no.minor)) no = this.freeDiskDevno();
    const disk = plainDevice(name, no.major, no.minor, size, 'disk');
    this.blockDevices.add(disk);
    this.events.emit({ type: 'disk-attached', name, size });
    this.dmesg.log(`blkfront: ${name}: barrier or flush: disabled; persistent grants: disabled; indirect descriptors: enabled;`);
    return disk;
  }

  /** Binds a host file to the first free loop device (Docker's loop-lvm; `losetup -f`). */
  attachLoop(path: string, opts: { name?: string; autoclear?: boolean; readOnly?: boolean } = {}): LoopDevice | Fail {
    return this.loops.attach(path, opts);
  }

  /** Unbinds a loop device by name ('loop0'). */
  detachLoop(name: string): Fail | null {
    return this.loops.detach(name.replace(/^\/dev\//, ''));
  }

  /** The filesystem on a device: the profile's partitions, then every registered probe. */
  probeFilesystem(dev: BlockDevice): ProbedFs | null {
    const fs = this.partitionFs.get(dev.name);
    if (fs) return { fstype: fs, space: dev.mountpoint === '/' ? this.rootSpace : undefined };
    for (const probe of this.fsProbes) {
      const r = probe(dev);
      if (r) return r;
    }
    return null;
  }

  /** Appends a kernel log line (dmesg). */
  log(text: string): void {
    this.dmesg.log(text);
  }

  /** Sets the free bytes of the filesystem holding /var/lib/docker (`sim hostfree`). */
  setHostFree(bytes: number): void {
    this.rootSpace.setFree(bytes);
  }

  /** statfs(2) of the filesystem holding a path. */
  statfs(path: string): StatFs | Fail {
    if (!this.vfs.exists(path)) return fail('ENOENT');
    let m = this.vfs.mounts.at(path);
    while (m && !m.space) m = undefined;
    const space = m?.space ?? this.rootSpace;
    const bsize = space.bsize;
    const blocks = Math.floor(space.size / bsize);
    const bfree = Math.floor(space.free / bsize);
    return { source: space.source, fstype: space.fstype, target: m?.target ?? '/', bsize, blocks, bfree, bavail: bfree };
  }

  /** Mounts a filesystem on a directory; `provider` serves the paths below it (the fs layer's thin-device filesystems). */
  mount(source: string, target: string, fstype: string, options: string, provider?: VfsProvider, space?: FsSpace): Fail | null {
    const st = this.vfs.stat(target);
    if (failed(st)) return st;
    if (st.kind !== 'dir') return fail('ENOTDIR');
    const dev = this.blockDevices.resolve(source);
    if (dev && this.vfs.mounts.entries.some((e) => e.source === source && e.target === target)) return fail('EBUSY');
    const name = dev ? `/dev/${dev.name}` : source;
    this.vfs.mounts.add({
      source: dev && source.startsWith('/dev/mapper/') ? source : name,
      target, fstype, options,
      dev: dev ? { major: dev.major, minor: dev.minor } : { major: 0, minor: 40 + this.vfs.mounts.entries.length },
      inDf: true, space, provider,
    });
    if (dev) dev.mountpoint = target;
    return null;
  }

  /** Bind-mounts a directory onto another (Docker's MakePrivate bind of /var/lib/docker/devicemapper onto itself). */
  bindMount(src: string, target: string): Fail | null {
    const st = this.vfs.stat(src);
    if (failed(st)) return st;
    const from = this.vfs.mounts.at(src);
    if (!from) return fail('EINVAL');
    this.vfs.mounts.add({ ...from, target, inDf: false });
    return null;
  }

  /** Unmounts by mountpoint or device (EINVAL when nothing is mounted there, EBUSY while submounts exist). */
  umount(what: string): Fail | null {
    const m = this.vfs.mounts.find(what);
    if (!m || m.target === '/') return fail(m ? 'EBUSY' : 'EINVAL');
    if (this.vfs.mounts.below(m.target).length) return fail('EBUSY');
    this.vfs.mounts.remove(m);
    const dev = this.blockDevices.resolve(m.source);
    if (dev && dev.mountpoint === m.target) {
      const other = this.vfs.mounts.entries.find((e) => e.source === m.source);
      dev.mountpoint = other?.target;
      if (!other) delete dev.mountpoint;
    }
    return null;
  }
}
