// docker pull: fetch an image of the catalog, each new layer a snapshot of the one below with its files untarred in.
import type { Docker } from '../docker';
import { applyLayer } from '../../fs';
import { parseImageRef, findImage, hasRepository } from '../images/reference';
import { contentHash } from '../images/contentHash';
import { invalidReference, manifestNotFound, pullLines, repositoryNotFound } from '../images/pull';
import type { ImageRecord } from '../store';

/** The lines pull prints, and whether it worked. */
export interface PullResult {
  ok: boolean;
  out: string[];
  err: string[];
  image?: ImageRecord;
}

/** Chain id of a layer: its diff id at the bottom, hash(parent chain + diff id) above (as the layer store does). */
export function chainId(parent: string, diffId: string): string {
  return parent ? contentHash(`${parent} ${diffId}`) : diffId;
}

/** Pulls `ref` into the daemon's store; output lines as the 17.03 client prints them once progress settles. */
export function pull(docker: Docker, ref: string): PullResult {
  const parsed = parseImageRef(ref);
  if (!parsed) return { ok: false, out: [], err: [invalidReference(ref, docker.version)] };
  const img = findImage(parsed);
  const full = `${parsed.repository}:${parsed.tag}`;
  if (!img) {
    const why = hasRepository(parsed.repository) ? manifestNotFound(parsed.repository, parsed.tag) : repositoryNotFound(parsed.repository, docker.version);
    return { ok: false, out: parsed.defaultTag ? ['Using default tag: latest'] : [], err: [why] };
  }
  const store = docker.store();
  const driver = docker.driver!;
  const id = `sha256:${img.id}`;
  const tag = full;
  const existing = store.images.get(id);
  const present = new Set<string>();
  const chain: string[] = [];
  let parent = '';
  for (const layer of img.layers) {
    parent = chainId(parent, layer.diffId);
    chain.push(parent);
    if (store.layers.has(parent)) present.add(layer.diffId);
  }
  const lines = () => pullLines(parsed, img, { layers: present, tagged: !!existing?.tags.includes(tag) });
  if (existing) {
    const out = lines();
    if (!existing.tags.includes(tag)) existing.tags.push(tag);
    return { ok: true, out, err: [], image: existing };
  }
  const head = pullLines(parsed, img, { layers: new Set(img.layers.map((l) => l.diffId)), tagged: false }).slice(0, parsed.defaultTag ? 2 : 1);
  let parentCache = '';
  for (let i = 0; i < img.layers.length; i++) {
    const layer = img.layers[i];
    const cid = chain[i];
    if (!store.layers.has(cid)) {
      const cacheId = docker.ids.hex64();
      const fail = (why: string): PullResult => ({ ok: false, out: head, err: [`failed to register layer: ${why}`] });
      const err = driver.create(cacheId, parentCache);
      if (err) return fail(err);
      const mounted = driver.get(cacheId);
      if ('error' in mounted) return fail(mounted.error);
      const fs = driver.fs(cacheId);
      const applied = fs ? applyLayer(fs, layer.entries, Date.parse(img.created) / 1000) : { ok: true as const, bytes: 0 };
      driver.put(cacheId);
      if (!applied.ok) {
        driver.remove(cacheId);
        return fail(`Error processing tar file(exit status 1): write ${layer.entries[0]?.path ?? '/'}: ${applied.message.toLowerCase()}`);
      }
      store.layers.set(cid, { chainId: cid, diffId: layer.diffId, cacheId, parent: i ? chain[i - 1] : '', size: layer.size, refs: 0 });
    }
    parentCache = store.layers.get(cid)!.cacheId;
  }
  const out = lines();
  for (const cid of chain) store.layers.get(cid)!.refs++;
  // Another tag of the same image id moves the tag from any image holding it.
  for (const other of store.images.values()) other.tags = other.tags.filter((t) => t !== tag);
  const record: ImageRecord = { id, tags: [tag], digest: `sha256:${img.digest}`, created: Date.parse(img.created) / 1000, layers: chain, size: img.size, cmd: img.cmd };
  store.images.set(id, record);
  docker.machine.events.emit({ type: 'image', action: 'pull', ref: tag });
  return { ok: true, out, err: [], image: record };
}
