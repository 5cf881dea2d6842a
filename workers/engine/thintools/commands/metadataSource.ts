// Finds the pool metadata behind a path the user names: a restored file's PoolMetadata or a live pool's metadata device.
import type { PoolMetadata } from '../../dm/poolMetadata';
import { resolvePath } from '../../host/paths';
import type { CommandContext } from '../../shell/types';

/** 4 KiB metadata blocks. */
export const metadataBlockSize = 4096;

/** What sits at a path, as the thin_* tools find it. */
export type MetadataSource =
  | { kind: 'missing' }
  | { kind: 'notRegular' }
  | { kind: 'tooSmall'; size: number }
  | { kind: 'corrupt'; size: number; storageId: string }
  | { kind: 'ok'; md: PoolMetadata; size: number; storageId: string; live?: PoolLike };

/** A live pool on its metadata device, found by shape so the dm layer can change freely. */
export interface PoolLike {
  toMetadata(): PoolMetadata;
  /** The pool as of its held metadata snapshot (reserve_metadata_snap), when the pool offers it. */
  toMetadataSnapshot?(): PoolMetadata | undefined;
}

/** Whether a stored payload is a live pool. */
export function isPoolLike(v: unknown): v is PoolLike {
  return typeof v === 'object' && v !== null && typeof (v as PoolLike).toMetadata === 'function';
}

/** Whether a stored payload is restored metadata. */
export function isPoolMetadata(v: unknown): v is PoolMetadata {
  return typeof v === 'object' && v !== null && Array.isArray((v as PoolMetadata).devices) && 'nrDataBlocks' in v;
}

/** The target of a path: block device or regular file, with its size and content id. */
export function locate(ctx: CommandContext, path: string): { storageId: string; size: number } | 'missing' | 'notRegular' {
  const host = ctx.machine.host as Partial<CommandContext['machine']['host']> | undefined;
  const abs = resolvePath(ctx.cwd || '/', path);
  const dev = host?.blockDevices?.resolve(abs);
  if (dev) return { storageId: dev.storageId, size: dev.size };
  const st = host?.vfs?.stat(abs);
  if (!st || 'errno' in st) return 'missing';
  if (st.kind !== 'file') return 'notRegular';
  return { storageId: `file:${abs}`, size: st.size };
}

/** Reads the metadata at a path (the live pool's current state, or its snapshot when `useSnap`). */
export function readMetadata(ctx: CommandContext, path: string): MetadataSource {
  const where = locate(ctx, path);
  if (where === 'missing') return { kind: 'missing' };
  if (where === 'notRegular') return { kind: 'notRegular' };
  if (where.size < metadataBlockSize) return { kind: 'tooSmall', size: where.size };
  const payload = ctx.machine.host?.content?.get(where.storageId);
  if (isPoolLike(payload)) return { kind: 'ok', md: payload.toMetadata(), size: where.size, storageId: where.storageId, live: payload };
  if (isPoolMetadata(payload)) return { kind: 'ok', md: payload, size: where.size, storageId: where.storageId };
  return { kind: 'corrupt', size: where.size, storageId: where.storageId };
}

/**
 * The metadata a `-m` read sees: the held snapshot. A live pool that offers `toMetadataSnapshot()` gives the state
 * at reserve time; otherwise the current state stands in for it (documented simplification).
 */
export function snapshotView(src: Extract<MetadataSource, { kind: 'ok' }>): PoolMetadata | undefined {
  if (src.md.metadataSnap === undefined) return undefined;
  return src.live?.toMetadataSnapshot?.() ?? src.md;
}

/** The stderr line a read-only tool prints when the path holds no usable metadata, or null when it does. */
export function sourceError(src: MetadataSource): string | null {
  switch (src.kind) {
    case 'missing':
      return "Couldn't stat path";
    case 'notRegular':
      return 'Not a block device or regular file';
    case 'tooSmall':
      return 'Metadata is not large enough for superblock.';
    case 'corrupt':
      return 'bad checksum in superblock, wanted 1490015127';
    case 'ok':
      return null;
  }
}
