import { describe, expect, it } from 'vitest';
import { FakePool, FakeThin } from './fakeThin';
import { mkfs } from './mkfs';
import type { Filesystem } from './filesystem';

const KiB = 1024;
const GiB = 1024 ** 3;

function baseDevice(blockSize = 64 * KiB, kind: 'xfs' | 'ext4' = 'xfs') {
  const pool = new FakePool(blockSize);
  const base = new FakeThin(pool, 10 * GiB);
  const r = mkfs(kind, base);
  if (!r.ok) throw new Error(r.message);
  return { pool, base, fs: r.fs };
}

function container() {
  const { pool, base, fs } = baseDevice();
  const dev = base.snapshot();
  return { pool, dev, fs: fs.clone(dev) as Filesystem };
}

describe('mkfs on a thin device', () => {
  it('provisions 180 pool blocks of 64 KiB', () => {
    expect(baseDevice().pool.used).toBe(180);
  });
  it('provisions 38 pool blocks of 512 KiB', () => {
    expect(baseDevice(512 * KiB).pool.used).toBe(38);
  });
});

describe('files at block level', () => {
  it('costs one 64 KiB pool block to write a 4 KiB file into a fresh container', () => {
    const { pool, fs } = container();
    const before = pool.used;
    const r = fs.write('/f', { offset: 0, length: 4096 });
    expect(r.ok).toBe(true);
    expect(pool.used - before).toBe(1);
  });
  it('starts a write of whole pool blocks on a pool block boundary (stripe unit): 640 KiB costs exactly 10 blocks', () => {
    const { pool, fs } = container();
    const before = pool.used;
    fs.write('/f', { offset: 0, length: 640 * KiB });
    const m = fs.map('/f');
    expect(m.ok && (m.extents[0].pblk * 4096) % (64 * KiB)).toBe(0);
    expect(pool.used - before).toBe(10);
  });
  it('places a write smaller than a pool block first fit, without stripe alignment', () => {
    const { fs } = container();
    fs.write('/small', { offset: 0, length: 8 * KiB });
    const first = fs.freeExtents()[0].start;
    fs.write('/other', { offset: 0, length: 4 * KiB });
    const m = fs.map('/other');
    expect(m.ok && m.extents[0].pblk).toBe(first);
  });
  it('allocates ten 64 KiB writes (dd bs=64k count=10) in one contiguous extent', () => {
    const { fs } = container();
    fs.write('/f', { offset: 0, length: 640 * KiB, truncateTo: 0 });
    const m = fs.map('/f');
    expect(m.ok && m.extents.length).toBe(1);
    expect(m.ok && m.size).toBe(640 * KiB);
  });
  it('rewrites a modified file in place: the same fs blocks, no new pool block in the same device', () => {
    const { pool, fs } = container();
    fs.write('/f', { offset: 0, length: 64 * KiB });
    const m1 = fs.map('/f');
    const used = pool.used;
    fs.write('/f', { offset: 0, length: 4096 });
    const m2 = fs.map('/f');
    expect(m2.ok && m2.extents).toEqual(m1.ok && m1.extents);
    expect(pool.used).toBe(used);
  });
  it('copies a block shared with the image on first write from a container (CoW)', () => {
    const { pool, base, fs } = baseDevice();
    fs.write('/etc/hosts', { offset: 0, length: 4096 }); // fails: no /etc
    fs.mkdir('/etc', true);
    fs.write('/etc/hosts', { offset: 0, length: 4096 });
    const ctr = base.snapshot();
    const cfs = fs.clone(ctr);
    const copied = pool.copied;
    cfs.write('/etc/hosts', { offset: 0, length: 10 });
    expect(pool.copied - copied).toBe(1);
  });
  it('keeps the pool block after rm without the discard option', () => {
    const { pool, fs } = container();
    fs.write('/f', { offset: 0, length: 1024 * KiB });
    const used = pool.used;
    fs.remove('/f');
    expect(pool.used).toBe(used);
  });
  it('gives whole pool blocks back at rm with -o discard', () => {
    const { pool, fs } = container();
    fs.remount({ discard: true });
    const before = pool.used;
    fs.write('/f', { offset: 0, length: 1024 * KiB });
    fs.remove('/f');
    // A 1 MiB file starts on a stripe unit (64 KiB, the pool block): its 16 pool blocks are wholly inside and all go.
    expect(pool.discarded).toBe(16);
    expect(pool.used - before).toBe(0);
  });
  it('fstrim discards the free space and reports its bytes', () => {
    const { pool, fs } = container();
    fs.write('/f', { offset: 0, length: 1024 * KiB });
    fs.remove('/f');
    const used = pool.used;
    const trimmed = fs.fstrim();
    expect(trimmed).toBe(fs.freeBlocks * 4096);
    expect(pool.used).toBeLessThan(used);
  });
  it('trims nothing the second time on ext4 until something is freed, but everything again on xfs', () => {
    const x = baseDevice().fs;
    expect(x.fstrim()).toBe(x.fstrim());
    const e = baseDevice(64 * KiB, 'ext4').fs;
    expect(e.fstrim()).toBeGreaterThan(0);
    expect(e.fstrim()).toBe(0);
  });
  it('fails with ENOSPC and writes what fits when the filesystem is full', () => {
    const { fs } = container();
    const avail = fs.statfs().bavail * 4096;
    const r = fs.write('/big', { offset: 0, length: avail + 8192 });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errno).toBe('ENOSPC');
    expect(fs.stat('/big')?.size).toBe(avail);
  });
  it('truncates to seek × bs before writing, as dd without conv=notrunc does', () => {
    const { fs } = container();
    fs.write('/f', { offset: 0, length: 640 * KiB });
    fs.write('/f', { offset: 64 * KiB, length: 64 * KiB, truncateTo: 64 * KiB });
    expect(fs.stat('/f')?.size).toBe(128 * KiB);
    fs.write('/f', { offset: 0, length: 4096 });
    expect(fs.stat('/f')?.size).toBe(128 * KiB);
  });
  it('returns ENOENT for a file in a missing directory', () => {
    const { fs } = container();
    const r = fs.write('/nope/f', { offset: 0, length: 1 });
    expect(!r.ok && r.errno).toBe('ENOENT');
  });
});

describe('clones are isolated', () => {
  it('does not show a file written in the clone to the origin, nor free the origin blocks on rm', () => {
    const { fs, base } = baseDevice();
    fs.write('/keep', { offset: 0, length: 8192 });
    const c = fs.clone(base.snapshot());
    c.write('/new', { offset: 0, length: 4096 });
    c.remove('/keep');
    expect(fs.exists('/new')).toBe(false);
    expect(fs.exists('/keep')).toBe(true);
    expect(c.exists('/keep')).toBe(false);
    expect(fs.freeBlocks).not.toBe(c.freeBlocks);
  });
});

describe('text, listing, df', () => {
  it('keeps text content for cat and lists a directory sorted', () => {
    const { fs } = container();
    fs.mkdir('/etc');
    fs.writeText('/etc/hostname', 'abc\n');
    fs.writeText('/etc/a', 'x');
    expect(fs.read('/etc/hostname')).toEqual({ ok: true, text: 'abc\n', binary: false });
    const l = fs.list('/etc');
    expect(l.ok && l.entries.map((e) => e.name)).toEqual(['a', 'hostname']);
  });
  it('appends text', () => {
    const { fs } = container();
    fs.writeText('/t', 'a\n');
    fs.appendText('/t', 'b\n');
    expect(fs.read('/t')).toMatchObject({ text: 'a\nb\n' });
    expect(fs.stat('/t')?.size).toBe(4);
  });
  it('shows a fresh 10 GiB xfs as 10475520 1K-blocks with about 33 MiB used', () => {
    const s = baseDevice().fs.statfs();
    expect((s.blocks * s.bsize) / 1024).toBe(10475520);
    const usedMiB = ((s.blocks - s.bfree) * s.bsize) / 1024 ** 2;
    expect(Math.round(usedMiB)).toBe(32);
  });
  it('counts a written file as used', () => {
    const { fs } = container();
    const before = fs.statfs().bfree;
    fs.write('/f', { offset: 0, length: 1024 * KiB });
    expect(before - fs.statfs().bfree).toBe(256);
  });
});
