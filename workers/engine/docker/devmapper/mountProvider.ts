// What the host sees under /var/lib/docker/devicemapper/mnt/<id>: the device's filesystem (`id` file, `rootfs/`).
import type { Filesystem } from '../../fs';
import type { VfsProvider, VfsStat } from '../../host/vfsNodes';

/** Serves a mounted Docker device: `<mnt>/id` holds the hash, `<mnt>/rootfs` is the container's root. */
export function deviceMountProvider(fs: () => Filesystem | undefined, hash: string, dev: { major: number; minor: number }, ino: number): VfsProvider {
  const root = (rel: string) => (rel === 'rootfs' ? '/' : rel.startsWith('rootfs/') ? rel.slice('rootfs'.length) : null);
  const base = (kind: VfsStat['kind'], size: number, mode: number, mtime: number, n: number): VfsStat => ({
    kind, ino: n, mode, uid: 0, gid: 0, nlink: kind === 'dir' ? 2 : 1, size, allocated: Math.ceil(size / 4096) * 4096, mtime, dev,
  });
  return {
    stat(rel) {
      if (rel === '') return base('dir', 33, 0o755, 0, ino);
      if (rel === 'id') return base('file', hash.length, 0o600, 0, ino + 1);
      const p = root(rel);
      const f = fs();
      if (p === null || !f) return null;
      const n = f.stat(p);
      return n ? base(n.type === 'dir' ? 'dir' : 'file', n.size, n.mode, n.mtime, ino + 2 + (p.length % 997)) : null;
    },
    readdir(rel) {
      if (rel === '') return ['id', 'rootfs'];
      const p = root(rel);
      const f = fs();
      if (p === null || !f) return null;
      const r = f.list(p);
      return r.ok && f.stat(p)?.type === 'dir' ? r.entries.map((e) => e.name) : null;
    },
    readFile(rel) {
      if (rel === 'id') return hash;
      const p = root(rel);
      const r = p === null ? undefined : fs()?.read(p);
      return r && r.ok ? r.text : null;
    },
  };
}
