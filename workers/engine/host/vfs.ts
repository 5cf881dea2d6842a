// The host filesystem: directories and sparse files with inodes, modes and mtimes, charged to the root fs's free space.
import type { Clock } from '../clock';
import type { EventLog } from '../events';
import { fail, failed, type Errno, type Fail } from './errno';
import { FS_BLOCK } from './extentMap';
import type { FsSpace } from './fsSpace';
import { MountTable, type MountEntry } from './mountTable';
import { dirname, basename, relativeTo, splitPath } from './paths';
import { newDirNode, newFileNode, xfsDirSize, type DirNode, type FileNode, type VfsNode, type VfsStat } from './vfsNodes';

const utf8 = new TextEncoder();

/** Byte length of text as written to a file. */
export function byteLength(text: string): number {
  return utf8.encode(text).length;
}

/** The tree of the root filesystem plus the mount table; every call takes a normalized absolute path. */
export class Vfs {
  readonly root: DirNode;
  readonly mounts = new MountTable();
  private lastIno: number;

  constructor(
    readonly events: EventLog,
    readonly clock: Clock,
    /** The filesystem holding / (and /var/lib/docker): file blocks are charged here. */
    readonly space: FsSpace,
    readonly rootDev: { major: number; minor: number },
    /** Inode numbers pinned by path. */
    private readonly pinned: Record<string, number> = {},
  ) {
    this.lastIno = 64;
    this.root = newDirNode(64, 0o555, clock.now);
  }

  private nextIno(path: string): number {
    const want = this.pinned[path];
    if (want !== undefined && want > this.lastIno) {
      this.lastIno = want;
      return want;
    }
    return ++this.lastIno;
  }

  /** The node at a path of the host tree (ignoring providers). */
  lookup(abs: string): VfsNode | Fail {
    let node: VfsNode = this.root;
    for (const part of splitPath(abs)) {
      if (node.kind !== 'dir') return fail('ENOTDIR');
      const next = node.entries.get(part);
      if (!next) return fail('ENOENT');
      node = next;
    }
    return node;
  }

  /** The regular file at a path. */
  fileNode(abs: string): FileNode | Fail {
    const n = this.lookup(abs);
    if (failed(n)) return n;
    return n.kind === 'file' ? n : fail('EISDIR');
  }

  private parentDir(abs: string): DirNode | Fail {
    const p = this.lookup(dirname(abs));
    if (failed(p)) return p;
    return p.kind === 'dir' ? p : fail('ENOTDIR');
  }

  /** The provider serving a path, with the path relative to its mountpoint. */
  private served(abs: string): { m: MountEntry; rel: string } | null {
    const m = this.mounts.at(abs);
    return m?.provider ? { m, rel: relativeTo(abs, m.target) } : null;
  }

  /** stat(2). */
  stat(abs: string): VfsStat | Fail {
    const s = this.served(abs);
    if (s) return s.m.provider!.stat(s.rel) ?? fail('ENOENT');
    const n = this.lookup(abs);
    if (failed(n)) return n;
    const dev = this.mounts.at(abs)?.dev ?? this.rootDev;
    if (n.kind === 'dir') {
      let subdirs = 0;
      for (const e of n.entries.values()) if (e.kind === 'dir') subdirs++;
      return { kind: 'dir', ino: n.ino, mode: n.mode, uid: n.uid, gid: n.gid, nlink: 2 + subdirs, size: xfsDirSize(n), allocated: 0, mtime: n.mtime, dev };
    }
    return { kind: 'file', ino: n.ino, mode: n.mode, uid: n.uid, gid: n.gid, nlink: 1, size: n.size, allocated: n.extents.blocks * FS_BLOCK, mtime: n.mtime, dev };
  }

  /** Entry names of a directory, sorted bytewise. */
  readdir(abs: string): string[] | Fail {
    const s = this.served(abs);
    if (s) {
      const r = s.m.provider!.readdir(s.rel);
      return r ? [...r].sort() : fail(s.m.provider!.stat(s.rel) ? 'ENOTDIR' : 'ENOENT');
    }
    const n = this.lookup(abs);
    if (failed(n)) return n;
    if (n.kind !== 'dir') return fail('ENOTDIR');
    // Mountpoints of providers appear as entries even when the host dir is gone.
    return [...n.entries.keys()].sort();
  }

  /** A file's text. */
  readFile(abs: string): string | Fail {
    const s = this.served(abs);
    if (s) {
      const st = s.m.provider!.stat(s.rel);
      if (!st) return fail('ENOENT');
      if (st.kind === 'dir') return fail('EISDIR');
      return s.m.provider!.readFile?.(s.rel) ?? '';
    }
    const n = this.lookup(abs);
    if (failed(n)) return n;
    if (n.kind === 'dir') return fail('EISDIR');
    return n.text;
  }

  /** Whether a path exists. */
  exists(abs: string): boolean {
    return !failed(this.stat(abs));
  }

  /** Creates a directory (`parents`: like mkdir -p, no error if it exists). */
  mkdir(abs: string, parents = false, mode = 0o755): Fail | null {
    const s = this.served(abs);
    if (s && s.rel !== '') {
      const e = s.m.provider!.mkdir?.(s.rel) ?? 'EROFS';
      return e ? fail(e as Errno) : null;
    }
    if (parents) {
      let cur = '';
      for (const part of splitPath(abs)) {
        cur += '/' + part;
        const n = this.lookup(cur);
        if (!failed(n)) {
          if (n.kind !== 'dir') return fail('ENOTDIR');
          continue;
        }
        const e = this.mkdir(cur, false, mode);
        if (e) return e;
      }
      return null;
    }
    const parent = this.parentDir(abs);
    if (failed(parent)) return parent;
    const name = basename(abs);
    if (parent.entries.has(name) || abs === '/') return fail('EEXIST');
    parent.entries.set(name, newDirNode(this.nextIno(abs), mode, this.clock.now));
    parent.mtime = this.clock.now;
    return null;
  }

  /** Creates an empty file if missing (open with O_CREAT); returns the node. */
  create(abs: string, mode = 0o644): FileNode | Fail {
    const n = this.lookup(abs);
    if (!failed(n)) return n.kind === 'file' ? n : fail('EISDIR');
    const parent = this.parentDir(abs);
    if (failed(parent)) return parent;
    const f = newFileNode(this.nextIno(abs), mode, this.clock.now);
    parent.entries.set(basename(abs), f);
    parent.mtime = this.clock.now;
    return f;
  }

  /** Writes text (O_TRUNC, or O_APPEND with `append`), creating the file. */
  writeFile(abs: string, text: string, append = false): Fail | null {
    const s = this.served(abs);
    if (s) {
      const e = s.m.provider!.writeFile?.(s.rel, text, append) ?? 'EROFS';
      return e ? fail(e as Errno) : null;
    }
    const f = this.create(abs);
    if (failed(f)) return f;
    const start = append ? f.size : 0;
    const end = start + byteLength(text);
    const need = f.extents.holesIn(Math.floor(start / FS_BLOCK), Math.ceil(end / FS_BLOCK));
    if (!this.space.take(need)) return fail('ENOSPC');
    if (!append) this.resize(f, abs, 0);
    f.extents.allocate(Math.floor(start / FS_BLOCK), Math.ceil(end / FS_BLOCK));
    f.text = append ? f.text + text : text;
    const from = f.size;
    f.size = end;
    f.mtime = this.clock.now;
    if (end > from) this.events.emit({ type: 'file-resized', path: abs, from, to: end });
    return null;
  }

  /** Sets a file's apparent size; shrinking frees the blocks past the new end (truncate(2)). */
  truncate(abs: string, size: number, create = true): Fail | null {
    if (size < 0) return fail('EINVAL');
    const f = create ? this.create(abs) : this.fileNode(abs);
    if (failed(f)) return f;
    this.resize(f, abs, size);
    f.mtime = this.clock.now;
    return null;
  }

  private resize(f: FileNode, path: string, size: number): void {
    const from = f.size;
    if (size < from) {
      const freed = f.extents.punch(Math.ceil(size / FS_BLOCK), Number.MAX_SAFE_INTEGER);
      this.space.give(freed);
      if (f.text.length > size) f.text = f.text.slice(0, size);
    }
    f.size = size;
    if (size !== from) this.events.emit({ type: 'file-resized', path, from, to: size });
  }

  /** Allocates the blocks under a byte range of a file (dd, fallocate, a loop device's write); grows the size with `extend`. */
  allocateNode(f: FileNode, path: string, offset: number, length: number, extend = true): Errno | null {
    if (length <= 0) return null;
    const first = Math.floor(offset / FS_BLOCK);
    const end = Math.ceil((offset + length) / FS_BLOCK);
    const need = f.extents.holesIn(first, end);
    if (!this.space.take(need)) return 'ENOSPC';
    if (need) {
      f.extents.allocate(first, end);
      this.events.emit({ type: 'file-allocated', path, offset: first * FS_BLOCK, length: (end - first) * FS_BLOCK });
    }
    if (extend && offset + length > f.size) {
      this.events.emit({ type: 'file-resized', path, from: f.size, to: offset + length });
      f.size = offset + length;
    }
    f.mtime = this.clock.now;
    return null;
  }

  /** Punches a hole (fallocate PUNCH_HOLE|KEEP_SIZE): only whole fs blocks inside the range are freed. */
  punchNode(f: FileNode, path: string, offset: number, length: number): number {
    const first = Math.ceil(offset / FS_BLOCK);
    const end = Math.floor((offset + length) / FS_BLOCK);
    const freed = f.extents.punch(first, end);
    if (freed) {
      this.space.give(freed);
      this.events.emit({ type: 'hole-punched', path, offset: first * FS_BLOCK, length: (end - first) * FS_BLOCK });
    }
    return freed;
  }

  /** Allocates a byte range of the file at a path (creating it). */
  allocate(abs: string, offset: number, length: number, extend = true): Fail | null {
    const f = this.create(abs);
    if (failed(f)) return f;
    const e = this.allocateNode(f, abs, offset, length, extend);
    return e ? fail(e) : null;
  }

  /** Punches a hole in the file at a path. */
  punchHole(abs: string, offset: number, length: number): Fail | null {
    const f = this.fileNode(abs);
    if (failed(f)) return f;
    this.punchNode(f, abs, offset, length);
    return null;
  }

  /** Sets mtime to now, creating an empty file if missing (touch). */
  touch(abs: string): Fail | null {
    const n = this.lookup(abs);
    if (!failed(n)) {
      n.mtime = this.clock.now;
      return null;
    }
    const f = this.create(abs);
    return failed(f) ? f : null;
  }

  /** Removes a file (unlink(2)); its blocks return to the filesystem. */
  unlink(abs: string): Fail | null {
    const s = this.served(abs);
    if (s && s.rel !== '') {
      const e = s.m.provider!.unlink?.(s.rel) ?? 'EROFS';
      return e ? fail(e as Errno) : null;
    }
    const n = this.lookup(abs);
    if (failed(n)) return n;
    if (n.kind === 'dir') return fail('EISDIR');
    const parent = this.parentDir(abs) as DirNode;
    parent.entries.delete(basename(abs));
    parent.mtime = this.clock.now;
    this.space.give(n.extents.blocks);
    return null;
  }

  /** Removes an empty directory (rmdir(2)). */
  rmdir(abs: string): Fail | null {
    const n = this.lookup(abs);
    if (failed(n)) return n;
    if (n.kind !== 'dir') return fail('ENOTDIR');
    if (n.entries.size) return fail('ENOTEMPTY');
    if (abs === '/' || this.mounts.entries.some((m) => m.target === abs)) return fail('EBUSY');
    const parent = this.parentDir(abs) as DirNode;
    parent.entries.delete(basename(abs));
    parent.mtime = this.clock.now;
    return null;
  }

  /** Renames within the root filesystem (rename(2)); an existing target file is replaced. */
  rename(from: string, to: string): Fail | null {
    if (from === to) return null;
    const n = this.lookup(from);
    if (failed(n)) return n;
    if (n.kind === 'dir' && to.startsWith(from + '/')) return fail('EINVAL');
    if (this.mounts.entries.some((m) => m.target === from)) return fail('EBUSY');
    const dst = this.parentDir(to);
    if (failed(dst)) return dst;
    const old = dst.entries.get(basename(to));
    if (old) {
      if (old.kind === 'dir' && n.kind !== 'dir') return fail('EISDIR');
      if (old.kind !== 'dir' && n.kind === 'dir') return fail('ENOTDIR');
      if (old.kind === 'dir' && old.entries.size) return fail('ENOTEMPTY');
      if (old.kind === 'file') this.space.give(old.extents.blocks);
    }
    const src = this.parentDir(from) as DirNode;
    src.entries.delete(basename(from));
    dst.entries.set(basename(to), n);
    src.mtime = dst.mtime = this.clock.now;
    return null;
  }

  /** Paths of every node under a directory, depth first, children before their directory (for rm -r). */
  walk(abs: string): string[] {
    const n = this.lookup(abs);
    if (failed(n) || n.kind !== 'dir') return [abs];
    const out: string[] = [];
    for (const name of [...n.entries.keys()].sort()) out.push(...this.walk(abs === '/' ? `/${name}` : `${abs}/${name}`));
    out.push(abs);
    return out;
  }
}
