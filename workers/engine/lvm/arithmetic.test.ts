import { describe, expect, it } from 'vitest';
import { peCountOf, percentOfExtents } from './extents';
import { adjustAmount, makePercent } from './lvResize';
import { lowWaterMarkOf, thinPoolTable, linearTable } from './activation';
import { parseExtentsArg, parseSizeArg } from './sizeArgs';
import { parseLvmConfig, policyOf } from './profiles';
import { GiB } from '../units';

describe('extent arithmetic', () => {
  it('gives a 100 GiB disk 25599 extents after the 1 MiB pe_start', () => {
    expect(peCountOf(100 * GiB)).toBe(25599);
  });
  it('rounds lvcreate percentages down: 95%VG of 25599 is 24319, 1%VG is 255', () => {
    expect(percentOfExtents(95, 25599, false)).toBe(24319);
    expect(percentOfExtents(1, 25599, false)).toBe(255);
  });
  it('rounds lvresize percentages up: 20% of 24319 is 4864', () => {
    expect(percentOfExtents(20, 24319, true)).toBe(4864);
  });
});

describe('autoextend policy amount', () => {
  it('extends by the policy percent when that is enough to drop under the threshold', () => {
    expect(adjustAmount(makePercent(81, 100), 80, 20)).toBe(20);
  });
  it('extends by more than the policy percent when usage is far above the threshold', () => {
    // 99% at threshold 50: needs ceil(99/50*100)-100 = 98%.
    expect(adjustAmount(makePercent(99, 100), 50, 20)).toBe(98);
  });
  it('does nothing at or under the threshold', () => {
    expect(adjustAmount(makePercent(80, 100), 80, 20)).toBe(0);
  });
});

describe('dm tables lvm loads', () => {
  it('sets the low water mark to the free chunks left at the threshold', () => {
    expect(lowWaterMarkOf(24319 * 8192, 1024, 80)).toBe(38910);
    expect(lowWaterMarkOf(24319 * 8192, 1024, 100)).toBe(0);
  });
  it('writes the pool line with skip_block_zeroing for --zero n', () => {
    expect(
      thinPoolTable({ lengthSectors: 199221248, metadataDevno: '253:0', dataDevno: '253:1', chunkSectors: 1024, lowWaterMark: 0, zero: false }),
    ).toBe('0 199221248 thin-pool 253:0 253:1 1024 0 1 skip_block_zeroing');
  });
  it('maps segments at pe_start plus the extent offset, in sectors', () => {
    expect(linearTable([{ pv: '/dev/xvdf', pvStart: 24319, length: 255 }], () => '202:80')).toBe('0 2088960 linear 202:80 199223296');
  });
});

describe('argument parsers', () => {
  it('reads -l values with sign and percent base', () => {
    expect(parseExtentsArg('+100%FREE')).toEqual({ sign: '+', value: 100, percent: 'FREE' });
    expect(parseExtentsArg('95%vg')).toEqual({ sign: '', value: 95, percent: 'VG' });
    expect(parseExtentsArg('95%XX')).toBeNull();
  });
  it('reads -L sizes in MiB by default and binary units', () => {
    expect(parseSizeArg('10')).toEqual({ sign: '', bytes: 10 * 1024 ** 2 });
    expect(parseSizeArg('+10G')).toEqual({ sign: '+', bytes: 10 * GiB });
    expect(parseSizeArg('512K', 'k')).toEqual({ sign: '', bytes: 512 * 1024 });
    expect(parseSizeArg('ten')).toBeNull();
  });
  it('reads the autoextend settings of the seed profile', () => {
    const r = parseLvmConfig('activation {\n  thin_pool_autoextend_threshold=80\n  thin_pool_autoextend_percent=20\n}');
    expect(r.ok && policyOf(r.values)).toEqual({ threshold: 80, percent: 20 });
  });
  it('rejects an unbalanced profile', () => {
    expect(parseLvmConfig('activation {\n thin_pool_autoextend_threshold=80\n').ok).toBe(false);
  });
});
