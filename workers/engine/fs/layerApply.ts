// Applying an image layer to the filesystem of its thin device: the naive diff driver untars it there.
import type { Filesystem } from './filesystem';
import { fail, parentOf, type FsResult } from './inode';

/** One entry of a layer's tar stream: a file (with size, maybe text), a directory, or a whiteout of a lower path. */
export type LayerEntry =
  | { kind: 'file'; path: string; size: number; text?: string; mode?: number }
  | { kind: 'dir'; path: string }
  | { kind: 'whiteout'; path: string };

/** Untars `entries` into `fs` in order: parents are created, whiteouts remove the lower file or tree. */
export function applyLayer(fs: Filesystem, entries: readonly LayerEntry[], mtime = 0): FsResult<{ bytes: number }> {
  let bytes = 0;
  for (const e of entries) {
    if (e.kind === 'whiteout') {
      if (fs.exists(e.path)) fs.remove(e.path, true);
      continue;
    }
    const dir = e.kind === 'dir' ? e.path : parentOf(e.path);
    const made = fs.mkdir(dir, true, mtime);
    if (!made.ok) return made;
    if (e.kind === 'dir') continue;
    const r = fs.write(e.path, { offset: 0, length: e.size, truncateTo: 0, text: e.text, mode: e.mode, mtime });
    if (!r.ok) return r.errno === 'ENOSPC' || r.errno === 'EIO' ? r : fail(r.errno);
    bytes += e.size;
  }
  return { ok: true, bytes };
}
