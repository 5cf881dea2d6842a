import { describe, expect, it } from 'vitest';
import { humanSize, lvmSize, lsblkSize, ramInBytes, GiB, MiB } from './index';

describe('humanSize (go-units)', () => {
  it.each([
    [65536, '65.54kB'],
    [524288, '524.3kB'],
    [10737418240, '10.74GB'],
    [107374182400, '107.4GB'],
    [2147483648, '2.147GB'],
    [1069547520, '1.07GB'],
    [102001278976, '102GB'],
    [212600881152, '212.6GB'],
    [10200023040, '10.2GB'],
    [581632, '581.6kB'],
    [0, '0B'],
    [180 * 65536, '11.8MB'],
    [38 * 524288, '19.92MB'],
  ])('prints %d bytes as %s', (bytes, text) => {
    expect(humanSize(bytes)).toBe(text);
  });
  it('puts a space before the unit for Docker 17.03', () => {
    expect(humanSize(65536, true)).toBe('65.54 kB');
  });
});

describe('lvmSize', () => {
  it('prints 24319 extents as 95.00g without and <95.00g with the rounding mark', () => {
    expect(lvmSize(24319 * 4 * MiB, { form: 'short', roundingMark: false })).toBe('95.00g');
    expect(lvmSize(24319 * 4 * MiB, { form: 'short', roundingMark: true })).toBe('<95.00g');
  });
  it('prints 1020 MiB as 1020.00m and 198 GiB long form', () => {
    expect(lvmSize(1020 * MiB, { form: 'short', roundingMark: true })).toBe('1020.00m');
    expect(lvmSize(198 * GiB, { form: 'long', roundingMark: false })).toBe('198.00 GiB');
  });
});

describe('lsblkSize', () => {
  it.each([
    [8 * GiB, '8G'],
    [1020 * MiB, '1020M'],
    [24319 * 4 * MiB, '95G'],
    [2.5 * GiB, '2.5G'],
  ])('prints %d as %s', (b, t) => expect(lsblkSize(b)).toBe(t));
});

describe('ramInBytes', () => {
  it('parses binary multipliers', () => {
    expect(ramInBytes('20G')).toEqual({ ok: true, bytes: 20 * GiB });
    expect(ramInBytes('512k')).toEqual({ ok: true, bytes: 524288 });
  });
  it('rejects GiB before 18.09 with the go-units message', () => {
    expect(ramInBytes('10GiB')).toEqual({ ok: false, error: "invalid size: '10GiB'" });
    expect(ramInBytes('10GiB', true)).toEqual({ ok: true, bytes: 10 * GiB });
  });
});
