// mkfs on a fresh thin device: the writes that make the base device's footprint, and the filesystem they leave.
import type { BlockTarget } from './blockTarget';
import { Filesystem } from './filesystem';
import { fail, type FsResult } from './inode';
import { mkfsLayout, type FsKind } from './layout';

/**
 * Makes a filesystem of `kind` on `target` as Docker does for its base device: mkfs.xfs (which discards the whole
 * device first: a no-op on a fresh thin device) or mkfs.ext4 -E nodiscard,lazy_itable_init=0,lazy_journal_init=0.
 * Every range of the layout's footprint is written, in device order.
 */
export function mkfs(kind: FsKind, target: BlockTarget): FsResult<{ fs: Filesystem }> {
  const layout = mkfsLayout(kind, target.size);
  if (kind === 'xfs') target.discard(0, target.size);
  const ranges = [...layout.footprint].sort((a, b) => a.offset - b.offset);
  for (const r of ranges) if (target.write(r.offset, r.length)) return fail('EIO');
  return { ok: true, fs: Filesystem.fresh(layout, target) };
}
