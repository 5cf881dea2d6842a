// A container's SizeRw and SizeRootFs as the daemon computes them for `docker ps -s` and `docker system df`.
import type { Docker } from '../docker';
import type { ContainerRecord } from '../store';

/**
 * NaiveDiffDriver.DiffSize (devicemapper, overlay): the sizes of regular files added or changed in the rw layer
 * against its -init parent (archive.ChangesDirs + ChangesSize); directories and deletions count nothing.
 * The model replaces a file's inode record on every change, so a changed file is one whose record differs.
 */
export function containerSizeRw(docker: Docker, c: ContainerRecord): number {
  const d = docker.driver;
  const rw = d?.fs(c.mountId);
  const init = d?.fs(`${c.mountId}-init`);
  if (!rw || !init) return 0;
  let size = 0;
  for (const path of rw.paths()) {
    const node = rw.stat(path);
    if (!node || node.type !== 'file') continue;
    if (init.stat(path) !== node) size += node.size;
  }
  return size;
}

/** getSize's SizeRootFs: the image's layers plus the rw layer. */
export function containerSizeRootFs(docker: Docker, c: ContainerRecord, sizeRw: number): number {
  const img = docker.store().images.get(c.imageId);
  return (img?.size ?? 0) + sizeRw;
}
