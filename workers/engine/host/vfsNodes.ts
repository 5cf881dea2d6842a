// The inodes of the host filesystem and the stat view every path lookup returns.
import { ExtentMap } from './extentMap';

/** Fields every inode has. */
interface InodeBase {
  ino: number;
  /** Permission bits (0o644). */
  mode: number;
  uid: number;
  gid: number;
  mtime: number;
  ctime: number;
}

/** A directory. */
export interface DirNode extends InodeBase {
  kind: 'dir';
  entries: Map<string, VfsNode>;
}

/** A regular file: apparent size, allocated extents, text content and optional structured payload. */
export interface FileNode extends InodeBase {
  kind: 'file';
  size: number;
  extents: ExtentMap;
  /** Text as written by shell commands; binary writes (dd, fallocate) leave it as is. */
  text: string;
  /** Structured content kept in the file (a pool's metadata in a loop file), shared with ContentStore `file:<path>`. */
  payload?: unknown;
}

/** A node of the host filesystem. */
export type VfsNode = DirNode | FileNode;

/** What stat(2) reports about a path, whichever provider serves it. */
export interface VfsStat {
  kind: 'dir' | 'file' | 'blockdev' | 'chardev' | 'symlink';
  ino: number;
  mode: number;
  uid: number;
  gid: number;
  nlink: number;
  /** Apparent size in bytes (st_size). */
  size: number;
  /** Allocated bytes (st_blocks × 512). */
  allocated: number;
  mtime: number;
  /** st_dev of the filesystem holding the path, as MAJ:MIN. */
  dev: { major: number; minor: number };
  /** st_rdev of a device node. */
  rdev?: { major: number; minor: number };
  /** Symlink target. */
  target?: string;
}

/** A filesystem mounted on the host that serves its own paths (the fs layer's container filesystems, /dev). */
export interface VfsProvider {
  /** rel is the path below the mountpoint without a leading slash ('' for the mountpoint itself). */
  stat(rel: string): VfsStat | null;
  /** Entry names of a directory, or null when rel is not a directory. */
  readdir(rel: string): string[] | null;
  readFile?(rel: string): string | null;
  /** Returns an errno name on failure. */
  writeFile?(rel: string, text: string, append: boolean): string | null;
  unlink?(rel: string): string | null;
  mkdir?(rel: string): string | null;
}

/** xfs (v5, ftype) short-form directory size: 6-byte header plus 8 + name length per entry; a block once it spills. */
export function xfsDirSize(dir: DirNode): number {
  let size = 6;
  for (const name of dir.entries.keys()) size += 8 + new TextEncoder().encode(name).length;
  return size > 336 ? 4096 * Math.ceil(size / 4096) : size;
}

/** A fresh sparse-file node. */
export function newFileNode(ino: number, mode: number, now: number): FileNode {
  return { kind: 'file', ino, mode, uid: 0, gid: 0, mtime: now, ctime: now, size: 0, extents: new ExtentMap(), text: '' };
}

/** A fresh directory node. */
export function newDirNode(ino: number, mode: number, now: number): DirNode {
  return { kind: 'dir', ino, mode, uid: 0, gid: 0, mtime: now, ctime: now, entries: new Map() };
}
