// Images and layers of the catalog: ids computed from content, files as the layer's tar stream carries them.
import type { LayerEntry } from '../../fs/layerApply';
import { contentHash } from './contentHash';

/** One layer: its content (tar entries) and the ids Docker shows for it. */
export interface ImageLayer {
  /** diff id: sha256 of the uncompressed tar (64 hex, without "sha256:"). */
  diffId: string;
  /** Digest of the compressed blob in the registry; `docker pull` prints its first 12 digits. */
  blobDigest: string;
  /** Bytes of file content (what `docker images` adds up). */
  size: number;
  entries: readonly LayerEntry[];
  /** The Dockerfile step that made it (docker history). */
  createdBy: string;
}

/** A tagged image of the catalog. */
export interface Image {
  /** Repository as the user writes it ('busybox', 'nginx'). */
  repository: string;
  tag: string;
  /** Image id: 64 hex (docker images shows 12). */
  id: string;
  /** Manifest digest for "Digest: sha256:…". */
  digest: string;
  /** Creation time, RFC 3339 (UTC). */
  created: string;
  /** Default command (docker ps COMMAND). */
  cmd: string[];
  /** Bottom layer first. */
  layers: readonly ImageLayer[];
  /** Total content bytes of all layers. */
  size: number;
}

/** How a layer is described in the catalog before its ids are computed. */
export interface LayerSpec {
  createdBy: string;
  entries: LayerEntry[];
}

/** Builds a layer: the diff id hashes the entries, the blob digest hashes the diff id (as a registry would). */
export function makeLayer(spec: LayerSpec): ImageLayer {
  const text = spec.entries
    .map((e) => (e.kind === 'file' ? `f ${e.path} ${e.size} ${e.text ?? ''}` : `${e.kind[0]} ${e.path}`))
    .join('\n');
  const diffId = contentHash(`layer\n${text}`);
  const size = spec.entries.reduce((s, e) => s + (e.kind === 'file' ? e.size : 0), 0);
  return { diffId, blobDigest: contentHash(`blob\n${diffId}`), size, entries: spec.entries, createdBy: spec.createdBy };
}

/** Builds an image from its layers; the id hashes the config (layers' diff ids, command, date). */
export function makeImage(repository: string, tag: string, created: string, cmd: string[], layers: ImageLayer[]): Image {
  const config = `config\n${created}\n${cmd.join(' ')}\n${layers.map((l) => l.diffId).join('\n')}`;
  const id = contentHash(config);
  return {
    repository,
    tag,
    id,
    digest: contentHash(`manifest\n${repository}\n${id}`),
    created,
    cmd,
    layers,
    size: layers.reduce((s, l) => s + l.size, 0),
  };
}

/** Spreads `total` bytes over `paths` (largest first), so a layer's files add up to a known size. */
export function fill(paths: readonly string[], total: number): LayerEntry[] {
  const weights = paths.map((_, i) => paths.length - i);
  const sum = weights.reduce((a, b) => a + b, 0);
  let left = total;
  return paths.map((path, i) => {
    const size = i === paths.length - 1 ? left : Math.floor((total * weights[i]) / sum);
    left -= size;
    return { kind: 'file' as const, path, size };
  });
}
