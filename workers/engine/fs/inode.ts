// Files and directories of the model filesystem: immutable records, replaced on change (cheap snapshot clones).

/** A run of a file's blocks: logical block `lblk` … maps to filesystem block `pblk` …. */
export interface FileExtent {
  lblk: number;
  pblk: number;
  count: number;
}

/** A file or directory; `text` is kept for small text files (cat), absent for binary content. */
export interface Inode {
  type: 'file' | 'dir';
  size: number;
  mode: number;
  /** Modification time, Unix seconds (given by the caller: the engine has no wall clock). */
  mtime: number;
  extents: readonly FileExtent[];
  text?: string;
}

/** strerror texts of the errnos the filesystem reports. */
export const strerror = {
  ENOENT: 'No such file or directory',
  ENOSPC: 'No space left on device',
  EISDIR: 'Is a directory',
  ENOTDIR: 'Not a directory',
  EEXIST: 'File exists',
  ENOTEMPTY: 'Directory not empty',
  EIO: 'Input/output error',
  EINVAL: 'Invalid argument',
} as const;

/** An errno the filesystem can return. */
export type Errno = keyof typeof strerror;

/** A filesystem operation's outcome: `ok` with details, or an errno (the caller words the tool's message). */
export type FsResult<T = object> = ({ ok: true } & T) | { ok: false; errno: Errno; message: string };

/** The failure value for an errno. */
export function fail(errno: Errno): { ok: false; errno: Errno; message: string } {
  return { ok: false, errno, message: strerror[errno] };
}

/** Normalizes a path to absolute form without '.', '..', duplicate or trailing slashes. */
export function normalizePath(path: string, cwd = '/'): string {
  const parts: string[] = [];
  const full = path.startsWith('/') ? path : `${cwd}/${path}`;
  for (const p of full.split('/')) {
    if (p === '' || p === '.') continue;
    if (p === '..') parts.pop();
    else parts.push(p);
  }
  return `/${parts.join('/')}`;
}

/** The directory holding a path ('/' for top-level entries). */
export function parentOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i <= 0 ? '/' : path.slice(0, i);
}
