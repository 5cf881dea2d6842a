import { describe, expect, it } from 'vitest';
import { humanSize } from '../units';
import { mkfsLayout } from './layout';
import { poolBlocksTouched } from './blockTarget';
import { xfsGeometry } from './xfsGeometry';
import { ext4Geometry } from './ext4Geometry';

const KiB = 1024;
const MiB = 1024 ** 2;
const GiB = 1024 ** 3;
const chunks = (kind: 'xfs' | 'ext4', size: number, block: number) =>
  poolBlocksTouched(mkfsLayout(kind, size).footprint, block).length;

describe('mkfs.xfs footprint', () => {
  it('touches 180 pool blocks of 64 KiB on a 10 GiB base device (Data Space Used 11.8 MB)', () => {
    expect(chunks('xfs', 10 * GiB, 64 * KiB)).toBe(180);
    expect(humanSize(180 * 64 * KiB)).toBe('11.8MB');
  });
  it('touches 38 pool blocks of 512 KiB on a 10 GiB base device (19.92 MB)', () => {
    expect(chunks('xfs', 10 * GiB, 512 * KiB)).toBe(38);
    expect(humanSize(38 * 512 * KiB)).toBe('19.92MB');
  });
  it('touches 820 pool blocks of 64 KiB on a 100 GiB base device (53.74 MB, as moby#18606 shows)', () => {
    expect(humanSize(chunks('xfs', 100 * GiB, 64 * KiB) * 64 * KiB)).toBe('53.74MB');
  });
  it('keeps the 10 MiB log and 4 AGs at 5 GiB spacing for a 20 GiB device', () => {
    const g = xfsGeometry(20 * GiB);
    expect(g.agcount).toBe(4);
    expect(g.agblocks * 4096).toBe(5 * GiB);
    expect(g.logblocks * 4096).toBe(10 * MiB);
    expect(chunks('xfs', 20 * GiB, 64 * KiB)).toBe(180);
  });
  it('sizes the log at 1/2048 of the device from 16 GiB on', () => {
    expect(xfsGeometry(100 * GiB).logblocks * 4096).toBe(50 * MiB);
    expect(xfsGeometry(10 * GiB).logblocks * 4096).toBe(10 * MiB);
  });
  it('places the log in the middle AG on a 512 KiB boundary', () => {
    const g = xfsGeometry(10 * GiB);
    expect(Math.floor(g.logstart / g.agblocks)).toBe(2);
    expect((g.logstart * 4096) % (512 * KiB)).toBe(0);
  });
  it('cuts the same ranges into fewer, larger blocks at 128 KiB and 1 MiB', () => {
    const at128 = chunks('xfs', 10 * GiB, 128 * KiB);
    const at1M = chunks('xfs', 10 * GiB, MiB);
    expect(at128).toBeLessThan(180);
    expect(at128).toBeGreaterThan(38);
    expect(at1M).toBeLessThan(38);
    expect(at1M).toBeGreaterThanOrEqual(10 + 4 + 1);
  });
  it('gives every range a reason', () => {
    for (const r of mkfsLayout('xfs', 10 * GiB).footprint) expect(r.reason.length).toBeGreaterThan(5);
  });
});

describe('mkfs.ext4 footprint (lazy init off)', () => {
  it('uses 80 groups, 512 inode-table blocks each, a 128 MiB journal and 639 reserved GDT blocks on 10 GiB', () => {
    const g = ext4Geometry(10 * GiB);
    expect(g.groupCount).toBe(80);
    expect(g.inodeTableBlocks).toBe(512);
    expect(g.journalBlocks * 4096).toBe(128 * MiB);
    expect(g.reservedGdtBlocks).toBe(639);
  });
  it('writes every inode table and the whole journal: far more than xfs', () => {
    const bytes = mkfsLayout('ext4', 10 * GiB).footprint.reduce((s, r) => s + r.length, 0);
    expect(bytes).toBeGreaterThan(160 * MiB + 128 * MiB);
    expect(chunks('ext4', 10 * GiB, 64 * KiB)).toBeGreaterThan(10 * 180);
  });
  it('keeps the 1.42.9 journal sizes: 64 MiB from 2 GiB, 128 MiB from 4 GiB', () => {
    expect(ext4Geometry(3 * GiB).journalBlocks * 4096).toBe(64 * MiB);
    expect(ext4Geometry(20 * GiB).journalBlocks * 4096).toBe(128 * MiB);
  });
  it('puts the journal in the flex group nearest the middle', () => {
    const g = ext4Geometry(10 * GiB);
    expect(Math.floor(g.journalStart / g.blocksPerGroup)).toBe(32);
  });
});

describe('mkfs.ext4 journal placement', () => {
  it('steps the journal around the superblock backup of group 81 on a 20 GiB device: no block is counted twice', () => {
    const L = mkfsLayout('ext4', 20 * GiB);
    for (let i = 1; i < L.reserved.length; i++)
      expect(L.reserved[i].start).toBeGreaterThanOrEqual(L.reserved[i - 1].start + L.reserved[i - 1].count);
    const journal = L.footprint.filter((r) => r.reason.startsWith('journal')).reduce((n, r) => n + r.length, 0);
    expect(journal).toBe(128 * MiB);
  });
});
