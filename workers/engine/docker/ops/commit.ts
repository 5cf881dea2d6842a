// docker commit through the naive diff driver: whole changed files are copied into a new layer (not blocks), and docker save.
import type { Docker } from '../docker';
import type { ContainerRecord, ImageRecord } from '../store';
import type { Filesystem } from '../../fs';
import type { LayerEntry } from '../../fs/layerApply';
import { applyLayer } from '../../fs';
import { contentHash } from '../images/contentHash';
import { chainId } from './pull';
import { resolvePath } from '../../host/paths';
import { failed, strerror } from '../../host/errno';

/** archive.ChangesDirs: files added or changed (size or mtime) in `upper` against `lower`, and whiteouts for deletions. */
export function changes(upper: Filesystem, lower: Filesystem): LayerEntry[] {
  const entries: LayerEntry[] = [];
  const lowerPaths = new Set(lower.paths());
  for (const p of upper.paths()) {
    if (p === '/') continue;
    const u = upper.stat(p)!;
    const l = lowerPaths.has(p) ? lower.stat(p) : undefined;
    if (l && l.type === u.type && l.size === u.size && l.mtime === u.mtime && l.extents === u.extents) continue;
    if (u.type === 'dir') {
      if (!l) entries.push({ kind: 'dir', path: p });
      continue;
    }
    entries.push({ kind: 'file', path: p, size: u.size, text: u.text, mode: u.mode });
  }
  for (const p of lowerPaths) if (p !== '/' && !upper.exists(p)) entries.push({ kind: 'whiteout', path: p });
  // A deleted directory's children are covered by the directory's own whiteout.
  return entries.filter((e) => e.kind !== 'whiteout' || !entries.some((o) => o.kind === 'whiteout' && e.path.startsWith(`${o.path}/`)));
}

/** Commits container `c` as a new image; returns the image record or the daemon's error. */
export function commitContainer(docker: Docker, c: ContainerRecord, tag?: string): ImageRecord | string {
  const store = docker.store();
  const driver = docker.driver!;
  const image = store.images.get(c.imageId);
  if (!image) return `Error response from daemon: No such image: ${c.imageId}`;
  const upper = driver.fs(c.mountId);
  const lower = driver.fs(`${c.mountId}-init`);
  if (!upper || !lower) return `Error response from daemon: layer of ${c.id} not found`;
  // The init layer's own files are not part of the container's diff.
  const diff = changes(upper, lower).filter((e) => !['/.dockerenv', '/etc/resolv.conf', '/etc/hosts', '/etc/hostname', '/dev/console'].includes(e.path));
  const diffId = contentHash(`commit\n${c.id}\n${docker.machine.clock.now}\n${diff.map((e) => `${e.kind} ${e.path} ${'size' in e ? e.size : ''}`).join('\n')}`);
  const topChain = image.layers[image.layers.length - 1] ?? '';
  const cid = chainId(topChain, diffId);
  const cacheId = docker.ids.hex64();
  const parentCache = topChain ? store.layers.get(topChain)!.cacheId : '';
  const err = driver.create(cacheId, parentCache);
  if (err) return `Error response from daemon: ${err}`;
  const m = driver.get(cacheId);
  if ('error' in m) return `Error response from daemon: ${m.error}`;
  const fs = driver.fs(cacheId);
  const applied = fs ? applyLayer(fs, diff, docker.machine.clock.now) : { ok: true as const, bytes: 0 };
  driver.put(cacheId);
  if (!applied.ok) {
    driver.remove(cacheId);
    return `Error response from daemon: ${applied.message}`;
  }
  const size = diff.reduce((s, e) => s + (e.kind === 'file' ? e.size : 0), 0);
  store.layers.set(cid, { chainId: cid, diffId, cacheId, parent: topChain, size, refs: 0 });
  const layers = [...image.layers, cid];
  for (const l of layers) store.layers.get(l)!.refs++;
  const id = `sha256:${contentHash(`image\n${image.id}\n${diffId}`)}`;
  const tags = tag ? [tag.includes(':') ? tag : `${tag}:latest`] : [];
  for (const other of store.images.values()) other.tags = other.tags.filter((t) => !tags.includes(t));
  const record: ImageRecord = { id, tags, digest: '', created: docker.machine.clock.now, layers, size: image.size + size, cmd: c.cmd };
  store.images.set(id, record);
  docker.machine.events.emit({ type: 'image', action: 'commit', ref: tag ?? id });
  return record;
}

/** The length of `docker save`'s tar of an image: 512-byte headers per entry, each layer padded to 512 bytes, two zero blocks. */
export function savedTarBytes(docker: Docker, img: ImageRecord): number {
  const store = docker.store();
  let bytes = 1024;
  for (const l of img.layers) {
    const layer = store.layers.get(l);
    if (!layer) continue;
    // Each layer travels as <id>/layer.tar plus its json and VERSION files.
    bytes += 512 * 4 + Math.ceil(layer.size / 512) * 512 + 512 * 3;
  }
  return bytes + 512 * 4;
}

/** docker save -o FILE: the tar written to the host filesystem. */
export function saveImage(docker: Docker, img: ImageRecord, cwd: string, file: string): string | null {
  const bytes = savedTarBytes(docker, img);
  const path = resolvePath(cwd, file);
  const vfs = docker.machine.host.vfs;
  const t = vfs.truncate(path, 0, true);
  if (t) return `open ${file}: ${strerror(t.errno).toLowerCase()}`;
  const a = vfs.allocate(path, 0, bytes);
  if (a && failed(a)) return `write ${file}: ${strerror(a.errno).toLowerCase()}`;
  return null;
}
