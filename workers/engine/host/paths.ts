// Path arithmetic of the host filesystem (POSIX, no symlinks).

/** Resolves `p` against `cwd` into a normalized absolute path ('.', '..' and repeated slashes removed). */
export function resolvePath(cwd: string, p: string): string {
  const raw = p.startsWith('/') ? p : `${cwd}/${p}`;
  const out: string[] = [];
  for (const part of raw.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return '/' + out.join('/');
}

/** The components of a normalized absolute path ('/' has none). */
export function splitPath(abs: string): string[] {
  return abs.split('/').filter(Boolean);
}

/** Parent directory of a normalized absolute path. */
export function dirname(abs: string): string {
  const parts = splitPath(abs);
  parts.pop();
  return '/' + parts.join('/');
}

/** Last component of a path ('/' for the root), as basename(1) prints it. */
export function basename(p: string): string {
  const parts = p.split('/').filter(Boolean);
  return parts.length ? parts[parts.length - 1] : p.startsWith('/') ? '/' : '';
}

/** Whether `abs` is `prefix` or lies under it. */
export function isUnder(abs: string, prefix: string): boolean {
  return prefix === '/' || abs === prefix || abs.startsWith(prefix + '/');
}

/** `abs` relative to `prefix` ('' when equal). */
export function relativeTo(abs: string, prefix: string): string {
  if (prefix === '/') return abs.slice(1);
  return abs === prefix ? '' : abs.slice(prefix.length + 1);
}
