// errno names the host returns instead of throwing, and the strerror texts tools print for them.

/** An errno name, as the kernel would return it. */
export type Errno =
  | 'ENOENT'
  | 'EEXIST'
  | 'ENOTDIR'
  | 'EISDIR'
  | 'ENOTEMPTY'
  | 'ENOSPC'
  | 'EINVAL'
  | 'EBUSY'
  | 'EROFS'
  | 'EACCES'
  | 'EPERM'
  | 'EFBIG'
  | 'ENXIO'
  | 'ENOTBLK'
  | 'EIO';

const messages: Record<Errno, string> = {
  ENOENT: 'No such file or directory',
  EEXIST: 'File exists',
  ENOTDIR: 'Not a directory',
  EISDIR: 'Is a directory',
  ENOTEMPTY: 'Directory not empty',
  ENOSPC: 'No space left on device',
  EINVAL: 'Invalid argument',
  EBUSY: 'Device or resource busy',
  EROFS: 'Read-only file system',
  EACCES: 'Permission denied',
  EPERM: 'Operation not permitted',
  EFBIG: 'File too large',
  ENXIO: 'No such device or address',
  ENOTBLK: 'Block device required',
  EIO: 'Input/output error',
};

/** glibc's strerror text for an errno name. */
export function strerror(e: Errno): string {
  return messages[e];
}

/** A failed host call. */
export interface Fail {
  errno: Errno;
}

/** Wraps an errno as a failed result. */
export function fail(errno: Errno): Fail {
  return { errno };
}

/** Whether a host call failed (results are values or `{ errno }`). */
export function failed(v: unknown): v is Fail {
  return typeof v === 'object' && v !== null && 'errno' in v;
}
