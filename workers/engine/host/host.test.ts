import { describe, expect, it } from 'vitest';
import { Machine } from '../machine';
import { failed } from './errno';
import { GiB, MiB } from '../units';
import type { LoopDevice } from './loopDevices';

function host(free = 7_452_000_000) {
  return new Machine({ rootFree: free }).host;
}

describe('Host block devices', () => {
  it('registers the profile disks with Xen numbers and the root partition', () => {
    const h = host();
    expect(h.blockDevices.resolve('/dev/xvda1')).toMatchObject({ major: 202, minor: 1, type: 'part', mountpoint: '/' });
    expect(h.blockDevices.resolve('202:80')?.name).toBe('xvdf');
  });
  it('attaches a new Xen disk 16 minors after the previous letter', () => {
    const h = host();
    const d = h.attachDisk('xvdg', 100 * GiB);
    expect(failed(d) ? d : { major: d.major, minor: d.minor }).toEqual({ major: 202, minor: 96 });
  });
  it('refuses to attach a disk name twice', () => {
    const h = host();
    expect(h.attachDisk('xvdf', GiB)).toEqual({ errno: 'EEXIST' });
  });
});

describe('Sparse files and host free space', () => {
  it('truncate grows only the apparent size', () => {
    const h = host();
    h.vfs.mkdir('/var/lib/docker', true);
    expect(h.vfs.truncate('/var/lib/docker/data', 100 * GiB)).toBeNull();
    const st = h.vfs.stat('/var/lib/docker/data');
    expect(failed(st) ? st : [st.size, st.allocated]).toEqual([100 * GiB, 0]);
  });
  it('allocating blocks consumes free space and punching returns it', () => {
    const h = host();
    const before = h.rootSpace.free;
    h.vfs.truncate('/root/f', GiB);
    h.vfs.allocate('/root/f', 0, 10 * MiB);
    expect(before - h.rootSpace.free).toBe(10 * MiB);
    h.vfs.punchHole('/root/f', 0, 4 * MiB);
    expect(before - h.rootSpace.free).toBe(6 * MiB);
  });
  it('fails with ENOSPC when the filesystem is full and allocates nothing', () => {
    const h = host(1 * MiB);
    h.vfs.truncate('/root/f', GiB);
    expect(h.vfs.allocate('/root/f', 0, 2 * MiB)).toEqual({ errno: 'ENOSPC' });
    expect(h.rootSpace.free).toBe(1 * MiB);
  });
  it('shrinking a file frees the blocks past its new end', () => {
    const h = host();
    const before = h.rootSpace.free;
    h.vfs.allocate('/root/f', 0, 8 * MiB);
    h.vfs.truncate('/root/f', 2 * MiB);
    expect(before - h.rootSpace.free).toBe(2 * MiB);
  });
  it('pins the inode of a configured path and numbers later files after it', () => {
    const h = host();
    h.vfs.mkdir('/var/lib/docker/devicemapper/devicemapper', true);
    h.vfs.truncate('/var/lib/docker/devicemapper/devicemapper/data', GiB);
    const ino = (p: string) => {
      const s = h.vfs.stat(p);
      return failed(s) ? -1 : s.ino;
    };
    expect(ino('/var/lib/docker/devicemapper')).toBe(8413957);
    expect(ino('/var/lib/docker/devicemapper/devicemapper/data')).toBe(8413959);
  });
});

describe('Loop devices', () => {
  it('keeps the loop size until the capacity is re-read', () => {
    const h = host();
    h.vfs.truncate('/root/data', 100 * GiB);
    const loop = h.attachLoop('/root/data') as LoopDevice;
    h.vfs.truncate('/root/data', 200 * GiB);
    expect(loop.size).toBe(100 * GiB);
    h.loops.setCapacity(loop.name);
    expect(loop.size).toBe(200 * GiB);
  });
  it('writes through a loop allocate in the backing file and discards punch holes', () => {
    const h = host();
    h.vfs.truncate('/root/data', GiB);
    const loop = h.attachLoop('/root/data') as LoopDevice;
    loop.write(0, 64 * 1024);
    loop.write(1 << 20, 64 * 1024);
    loop.discard(0, 64 * 1024);
    const st = h.vfs.stat('/root/data');
    expect(failed(st) ? st : st.allocated).toBe(64 * 1024);
  });
  it('names loops after the first free minor', () => {
    const h = host();
    h.vfs.truncate('/root/a', GiB);
    h.vfs.truncate('/root/b', GiB);
    const a = h.attachLoop('/root/a') as LoopDevice;
    const b = h.attachLoop('/root/b') as LoopDevice;
    expect([a.name, b.name, `${b.major}:${b.minor}`]).toEqual(['loop0', 'loop1', '7:1']);
  });
  it('shares structured content between the loop storageId and the file', () => {
    const h = host();
    h.vfs.truncate('/root/meta', GiB);
    const loop = h.attachLoop('/root/meta') as LoopDevice;
    h.content.set(loop.storageId, { superblock: 1 });
    h.vfs.rename('/root/meta', '/root/meta2');
    expect(h.content.get(loop.storageId)).toEqual({ superblock: 1 });
  });
});
