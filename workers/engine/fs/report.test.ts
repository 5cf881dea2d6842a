import { describe, expect, it } from 'vitest';
import { ddHuman, ddSummary, fstrimVerboseLine, utilLinuxSize } from './report';

describe('util-linux sizes', () => {
  it.each([
    [10630180864, '9.9 GiB'],
    [10737418240, '10 GiB'],
    [0, '0 B'],
    [1536, '1.5 KiB'],
  ])('prints %d as %s', (b, t) => expect(utilLinuxSize(b, { space: true, iec: true })).toBe(t));
  it('prints the fstrim -v line', () => {
    expect(fstrimVerboseLine('/', 10630180864)).toBe('/: 9.9 GiB (10630180864 bytes) trimmed');
  });
});

describe('dd summary', () => {
  it.each([
    [65536, '66 kB'],
    [655360, '655 kB'],
    [1048576, '1.0 MB'],
    [10485760, '10 MB'],
  ])('prints %d bytes as %s', (b, t) => expect(ddHuman(b)).toBe(t));
  it('prints the three closing lines', () => {
    expect(ddSummary(10, 0, 655360, 0.00224)).toEqual([
      '10+0 records in',
      '10+0 records out',
      '655360 bytes (655 kB) copied, 0.00224 s, 293 MB/s',
    ]);
  });
});
