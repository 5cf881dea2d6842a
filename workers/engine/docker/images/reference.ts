// Image references as `docker pull` reads them: [registry/][library/]name[:tag].
import { catalog } from './catalog';
import type { Image } from './image';

/** A reference split into the repository the catalog knows and its tag. */
export interface ImageRef {
  repository: string;
  tag: string;
  /** No tag was given: pull prints "Using default tag: latest". */
  defaultTag: boolean;
}

/** Parses "busybox", "ubuntu:16.04", "library/nginx", "docker.io/library/alpine:3.5"; undefined if malformed. */
export function parseImageRef(ref: string): ImageRef | undefined {
  let r = ref.trim();
  if (!r) return undefined;
  r = r.replace(/^(docker\.io|index\.docker\.io|registry-1\.docker\.io)\//, '');
  r = r.replace(/^library\//, '');
  const at = r.indexOf('@');
  if (at >= 0) r = r.slice(0, at);
  const colon = r.lastIndexOf(':');
  const hasTag = colon > r.lastIndexOf('/');
  const repository = hasTag ? r.slice(0, colon) : r;
  const tag = hasTag ? r.slice(colon + 1) : 'latest';
  if (!/^[a-z0-9]+(?:[._-][a-z0-9]+)*(?:\/[a-z0-9]+(?:[._-][a-z0-9]+)*)*$/.test(repository)) return undefined;
  if (!/^[\w][\w.-]{0,127}$/.test(tag)) return undefined;
  return { repository, tag, defaultTag: !hasTag };
}

/** The catalog image for a reference, if the "registry" has it. */
export function findImage(ref: ImageRef): Image | undefined {
  return catalog.find((i) => i.repository === ref.repository && i.tag === ref.tag);
}

/** Whether the registry has the repository at all (to tell "not found" from "manifest unknown"). */
export function hasRepository(repository: string): boolean {
  return catalog.some((i) => i.repository === repository);
}
