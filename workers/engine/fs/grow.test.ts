import { describe, expect, it } from 'vitest';
import { FakePool, FakeThin } from './fakeThin';
import { mkfs } from './mkfs';
import { FS_BLOCK } from './blockTarget';

const GiB = 1024 ** 3;

function fresh(kind: 'xfs' | 'ext4', size: number) {
  const pool = new FakePool(64 * 1024);
  const dev = new FakeThin(pool, size);
  const made = mkfs(kind, dev);
  if (!made.ok) throw new Error(made.message);
  return { pool, dev, fs: made.fs };
}

describe('Filesystem.grow (xfs_growfs / resize2fs for a bigger container device)', () => {
  it('adds whole xfs allocation groups of the same size and frees their space but their headers', () => {
    const { fs } = fresh('xfs', 10 * GiB);
    const agBlocks = fs.layout.regionStarts[1];
    const before = fs.freeBlocks;
    const r = fs.grow(20 * GiB);
    expect(r.ok).toBe(true);
    const newAgs = fs.layout.regionStarts.length - 4;
    expect(newAgs).toBe(Math.floor((20 * GiB) / FS_BLOCK / agBlocks) - 4);
    expect(fs.layout.blocks).toBe((20 * GiB) / FS_BLOCK);
    expect(fs.freeBlocks - before).toBe((10 * GiB) / FS_BLOCK - newAgs * 8);
  });

  it('writes the new AG headers and rewrites the superblock: each costs one pool block', () => {
    const { pool, fs } = fresh('xfs', 10 * GiB);
    const used = pool.provisioned;
    fs.grow(20 * GiB);
    // New AG headers land in fresh pool blocks; the superblock and the last AG's AGF are already provisioned.
    expect(pool.provisioned - used).toBe(fs.layout.regionStarts.length - 4);
  });

  it('refuses to shrink and leaves the filesystem as it was', () => {
    const { fs } = fresh('ext4', 10 * GiB);
    const layout = fs.layout;
    const r = fs.grow(5 * GiB);
    expect(r.ok).toBe(false);
    expect(fs.layout).toBe(layout);
  });

  it('grows ext4 by whole 128 MiB block groups', () => {
    const { fs } = fresh('ext4', 10 * GiB);
    const before = fs.freeBlocks;
    fs.grow(11 * GiB);
    const groups = GiB / FS_BLOCK / 32768;
    expect(fs.freeBlocks - before).toBe(GiB / FS_BLOCK - groups * (2 + 512));
  });
});
